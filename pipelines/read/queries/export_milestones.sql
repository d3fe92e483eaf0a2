-- The download set's milestones table (pipelines/release/export.py). Every deliverable with its
-- latest status. Filters are named parameters that may be NULL (no filter); nothing is spliced
-- in.
SELECT m.milestone_id, m.pillar_id, m.kind,
       CASE WHEN $lang = 'fr' THEN m.text_fr ELSE m.text_en END AS text,
       m.status, m.status_date, m.note, m.source_id, m.locator
FROM marts.milestones m LEFT JOIN marts.pillars p USING (pillar_id)
WHERE ($pillar IS NULL OR list_contains($pillar::VARCHAR[], m.pillar_id))
  AND ($status IS NULL OR list_contains($status::VARCHAR[], m.status))
  AND ($source IS NULL OR list_contains($source::VARCHAR[], m.source_id))
ORDER BY p.sort_order, m.sort_order, m.milestone_id
