-- Every deliverable at the end of a quarter (marts.milestone_quarters), in pillar order.
-- $quarter: a quarter label, or NULL for the latest assessed quarter.
-- $changed: true for only those that changed status or fell overdue during the quarter.
SELECT q.milestone_id, q.pillar_id, m.kind, m.text_en, m.text_fr, q.as_of_quarter,
       q.quarter_end, q.status, q.status_as_of, q.due_date, q.state, q.status_previous,
       q.state_previous, q.status_changed, q.fell_overdue, q.note, q.recorded_by, q.source
FROM marts.milestone_quarters AS q
JOIN marts.milestones AS m USING (milestone_id)
JOIN marts.pillars AS p ON p.pillar_id = q.pillar_id
WHERE (CASE WHEN $quarter IS NULL THEN q.is_latest ELSE q.as_of_quarter = $quarter END)
  AND ($changed IS NULL OR NOT $changed OR q.status_changed OR q.fell_overdue)
ORDER BY p.sort_order, m.kind, m.sort_order, q.milestone_id
