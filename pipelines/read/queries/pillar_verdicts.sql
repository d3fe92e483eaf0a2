-- Each pillar's verdict (marts.pillar_verdicts: the only place a verdict is decided), in
-- pillar order.
SELECT v.* FROM marts.pillar_verdicts AS v
JOIN marts.pillars AS p USING (pillar_id)
ORDER BY p.sort_order
