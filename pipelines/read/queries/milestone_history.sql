-- Deliverables' dated status histories (marts.milestone_status), oldest first.
-- $milestone_id: one deliverable, or NULL for all.
SELECT milestone_id, status, as_of, note, evidence_url, recorded_by, source, due_date,
       sequence, is_latest
FROM marts.milestone_status
WHERE $milestone_id IS NULL OR milestone_id = $milestone_id
ORDER BY milestone_id, sequence
