-- What the sources list says of each kind of submission of one indicator: how many figures
-- (breakdowns included) and the latest period. $indicator_id: the indicator.
SELECT 'submissions:' || s.kind AS series_source, count(*) AS figures,
       max(o.period_end) AS latest
FROM marts.observations AS o JOIN meta.sources AS s ON s.source_id = o.source_id
WHERE o.indicator_id = $indicator_id AND s.kind IN ('submission', 'demo')
GROUP BY s.kind ORDER BY s.kind
