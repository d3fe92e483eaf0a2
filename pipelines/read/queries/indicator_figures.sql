-- Published totals of some indicators (the statutory review's funding and context series):
-- every value with its period, qualifier, unit and source edition, oldest first.
-- $indicator_ids: the indicators; $date_from: keep periods ending on or after it (NULL: all).
SELECT o.indicator_id, i.name_en, i.name_fr, o.geography, o.period_start, o.period_end,
       o.period_basis, o.value, o.qualifier, coalesce(u.kind, 'count') AS unit_kind,
       i.interpretation, i.reporting_note, o.source_id, s.edition_en, s.edition_fr
FROM marts.observations AS o
JOIN marts.indicators AS i USING (indicator_id)
LEFT JOIN marts.units AS u ON u.unit = o.unit
LEFT JOIN meta.sources AS s ON s.source_id = o.source_id
WHERE list_contains($indicator_ids, o.indicator_id) AND o.breakdown = 'total'
  AND NOT o.suppressed AND o.value IS NOT NULL AND o.status <> 'demo'
  AND ($date_from IS NULL OR o.period_end >= $date_from)
ORDER BY i.sort_order, o.indicator_id, o.source_id, o.period_end, o.period_start
