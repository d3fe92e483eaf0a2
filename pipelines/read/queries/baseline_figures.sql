-- Each indicator's baseline for the statutory review: its latest published total whose period
-- ended before $strategy_start (the 2025–2030 strategy's first day), so a figure of the
-- 2020–2025 strategy. Ontario first where several places are published. Same columns as
-- latest_figures.sql.
SELECT i.indicator_id, i.pillar_id, i.name_en, i.name_fr, i.interpretation, i.measure,
       i.reporting_note, o.value, o.qualifier, coalesce(u.kind, 'count') AS unit_kind,
       coalesce(u.name_en, i.unit) AS unit_en, coalesce(u.name_fr, i.unit) AS unit_fr,
       o.period_start, o.period_end, o.period_basis, o.locator, o.status, o.geography,
       coalesce(g.name_en, o.geography) AS geography_en,
       coalesce(g.name_fr, o.geography) AS geography_fr,
       s.publisher AS publisher_en, s.publisher_fr, s.edition_en, s.edition_fr, s.url,
       s.language AS source_language
FROM marts.observations AS o
JOIN marts.indicators AS i USING (indicator_id)
LEFT JOIN marts.units AS u ON u.unit = o.unit
LEFT JOIN marts.geographies AS g ON g.geography_id = o.geography
LEFT JOIN meta.sources AS s ON s.source_id = o.source_id
WHERE o.breakdown = 'total' AND NOT o.suppressed AND o.value IS NOT NULL
  AND o.load_id IS NULL AND o.period_end < $strategy_start
QUALIFY row_number() OVER (PARTITION BY o.indicator_id
                           ORDER BY o.period_end DESC, o.geography <> 'ontario',
                                    o.geography) = 1
ORDER BY i.pillar_id, i.sort_order, i.indicator_id
