-- indicator_submissions.sql as known at $known_at: the submitted figures of one indicator
-- shown then, counted per kind. $indicator_id: the indicator; $known_at: a timestamp.
WITH known AS (
    SELECT * FROM marts.observation_vintages
    WHERE indicator_id = $indicator_id AND known_from <= $known_at
      AND (known_until IS NULL OR known_until > $known_at)
)
SELECT 'submissions:' || s.kind AS series_source, count(*) AS figures,
       max(o.period_end) AS latest
FROM known AS o JOIN meta.sources AS s ON s.source_id = o.source_id
WHERE o.indicator_id = $indicator_id AND s.kind IN ('submission', 'demo')
GROUP BY s.kind ORDER BY s.kind
