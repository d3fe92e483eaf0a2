-- How many pillar indicators fall in each group of the quarterly glance at $quarter, read from
-- marts.progress: a judged status as it is; "not assessed" split by the build's reason into
-- awaiting data, no numeric target, and reported activity (never judged).
SELECT CASE
         WHEN status <> 'not_assessed' THEN status
         WHEN status_reason = 'no_target' THEN 'no_target'
         WHEN status_reason = 'not_applicable' THEN 'reported_activity'
         ELSE 'awaiting_data'
       END AS status,
       count(*) AS n
FROM marts.progress
WHERE as_of_quarter = $quarter
GROUP BY 1 ORDER BY 1
