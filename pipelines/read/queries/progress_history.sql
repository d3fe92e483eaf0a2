-- Every assessed quarter of indicators, oldest first: the series behind a trend, the
-- quarterly chart and the to-date line. Same columns as progress.sql.
-- $indicator_id: one indicator, or NULL for all; $until_quarter: the last quarter, or NULL.
SELECT p.*,
       i.pillar_id, i.name_en, i.name_fr, i.measure, i.interpretation, i.reporting_note,
       i.headline, i.sort_order, coalesce(u.kind, 'count') AS unit_kind,
       coalesce(u.name_en, i.unit) AS unit_en, coalesce(u.name_fr, i.unit) AS unit_fr
FROM marts.progress AS p
JOIN marts.indicators AS i USING (indicator_id)
LEFT JOIN marts.units AS u ON u.unit = i.unit
WHERE ($indicator_id IS NULL OR p.indicator_id = $indicator_id)
  AND ($until_quarter IS NULL OR p.as_of_quarter <= $until_quarter)
ORDER BY p.indicator_id, p.as_of_quarter
