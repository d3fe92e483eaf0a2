-- Every replacement of a submitted value (older -> newer version of the same cell), loaded
-- after $after_load and before $before_load (NULL: no bound). Suppressed values read NULL.
WITH versions AS (
    SELECT indicator_id, geography, breakdown, quarter, load_id, loaded_at, status,
           CASE WHEN suppressed THEN NULL ELSE value END AS value,
           lag(CASE WHEN suppressed THEN NULL ELSE value END) OVER cell AS old_value,
           lag(load_id) OVER cell AS old_load_id
    FROM marts.observation_history
    WINDOW cell AS (PARTITION BY indicator_id, geography, breakdown, quarter ORDER BY load_id)
)
SELECT indicator_id, geography, breakdown, quarter, load_id, loaded_at, old_value,
       value AS new_value, status = 'demo' AS demo
FROM versions
WHERE old_load_id IS NOT NULL AND old_value IS DISTINCT FROM value
  AND ($after_load IS NULL OR load_id > $after_load)
  AND ($before_load IS NULL OR load_id < $before_load)
ORDER BY indicator_id, quarter, geography, breakdown, load_id
