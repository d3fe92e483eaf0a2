-- Indicators' status and figure to date (marts.progress rows), with what a page needs to
-- write them: names, unit, interpretation. Rows come in pillar and indicator order, then by
-- quarter, oldest first.
-- $latest_only: true for each indicator's latest assessed quarter only.
-- $as_of_quarter: one quarter, or NULL; $until_quarter: quarters up to this one, or NULL.
-- $indicator_id / $pillar_id: filters, NULL for all; $headline: true for the overview's.
SELECT p.*,
       i.pillar_id, i.name_en, i.name_fr, i.measure, i.interpretation, i.reporting_note,
       i.headline, i.sort_order, coalesce(u.kind, 'count') AS unit_kind,
       coalesce(u.name_en, i.unit) AS unit_en, coalesce(u.name_fr, i.unit) AS unit_fr
FROM marts.progress AS p
JOIN marts.indicators AS i USING (indicator_id)
LEFT JOIN marts.units AS u ON u.unit = i.unit
LEFT JOIN marts.pillars AS pl ON pl.pillar_id = i.pillar_id
WHERE (NOT $latest_only OR p.is_latest)
  AND ($as_of_quarter IS NULL OR p.as_of_quarter = $as_of_quarter)
  AND ($until_quarter IS NULL OR p.as_of_quarter <= $until_quarter)
  AND ($indicator_id IS NULL OR p.indicator_id = $indicator_id)
  AND ($pillar_id IS NULL OR i.pillar_id = $pillar_id)
  AND ($headline IS NULL OR i.headline = $headline)
ORDER BY pl.sort_order, i.sort_order, p.indicator_id, p.as_of_quarter
