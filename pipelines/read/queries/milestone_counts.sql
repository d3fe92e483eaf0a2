-- Deliverables per status. $pillar_id: one pillar, or NULL for all.
SELECT status, count(*) AS n FROM marts.milestones
WHERE $pillar_id IS NULL OR pillar_id = $pillar_id
GROUP BY status ORDER BY status
