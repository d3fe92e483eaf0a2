-- Whether a pillar id exists. $pillar_id: the id.
SELECT count(*) > 0 AS found FROM marts.pillars WHERE pillar_id = $pillar_id
