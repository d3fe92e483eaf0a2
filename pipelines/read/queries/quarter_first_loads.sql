-- The first load of each quarter's submissions: the quarterly review of a quarter is taken
-- to happen once that quarter's first submission was loaded.
SELECT quarter, min(load_id) AS load_id, min(loaded_at) AS loaded_at
FROM marts.observation_history GROUP BY quarter ORDER BY quarter
