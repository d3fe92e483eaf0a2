-- The strategy's deliverables in pillar order.
-- $pillar_id / $status: filters, NULL for all.
SELECT m.milestone_id, m.pillar_id, m.kind, m.text_en, m.text_fr, m.status, m.status_date,
       m.note, m.locator
FROM marts.milestones AS m JOIN marts.pillars AS p USING (pillar_id)
WHERE ($pillar_id IS NULL OR m.pillar_id = $pillar_id)
  AND ($status IS NULL OR m.status = $status)
ORDER BY p.sort_order, m.kind, m.sort_order, m.milestone_id
