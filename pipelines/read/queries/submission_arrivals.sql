-- Which quarters' submissions arrived, per indicator that takes them: the first and latest
-- load that brought a value for the quarter, and whether they were demonstration data.
SELECT h.indicator_id, h.quarter, h.status = 'demo' AS demo,
       min(h.loaded_at) AS first_loaded, max(h.loaded_at) AS last_loaded,
       count(DISTINCT h.load_id) AS loads
FROM marts.observation_history AS h
JOIN marts.indicators AS i USING (indicator_id)
WHERE i.pillar_id IS NOT NULL
GROUP BY ALL
ORDER BY h.quarter, h.indicator_id, demo
