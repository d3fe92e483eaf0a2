-- Each core indicator's assessment, with its baseline and latest figures and their per-year
-- rates (marts.indicator_assessments), and the unit it is written in.
SELECT a.*, coalesce(u.kind, 'count') AS unit_kind, i.measure, i.interpretation
FROM marts.indicator_assessments AS a
JOIN marts.indicators AS i USING (indicator_id)
LEFT JOIN marts.units AS u ON u.unit = i.unit
ORDER BY a.indicator_id
