-- Deliverables per pillar and review state (done, in progress, planned, late, not reported)
-- at the latest assessed quarter (marts.milestone_quarters).
SELECT pillar_id, state, count(*) AS n
FROM marts.milestone_quarters
WHERE is_latest
GROUP BY pillar_id, state ORDER BY pillar_id, state
