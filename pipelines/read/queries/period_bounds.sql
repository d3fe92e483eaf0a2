-- The first and last day any observation covers (the /data period picker's years).
SELECT min(coalesce(period_start, period_end)) AS first_day,
       max(coalesce(period_end, period_start)) AS last_day
FROM marts.observations
