-- How many pillar indicators have each status at one quarter (marts.progress), for the
-- quarterly summary. $quarter: a quarter label.
SELECT status, count(*) AS n FROM marts.progress
WHERE as_of_quarter = $quarter
GROUP BY status ORDER BY status
