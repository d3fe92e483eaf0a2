-- The download set's milestones table (pipelines/release/export.py). Every deliverable with its
-- latest status. Filters are named parameters that may be NULL (no filter); nothing is spliced
-- in. Every stored column comes out (m.*): the download set keeps the declared ones
-- (pipelines/release/public_fields); this query only makes the others.
SELECT m.*, CASE WHEN $lang = 'fr' THEN m.text_fr ELSE m.text_en END AS text
FROM marts.milestones m LEFT JOIN marts.pillars p USING (pillar_id)
WHERE ($pillar IS NULL OR list_contains($pillar::VARCHAR[], m.pillar_id))
  AND ($status IS NULL OR list_contains($status::VARCHAR[], m.status))
  AND ($source IS NULL OR list_contains($source::VARCHAR[], m.source_id))
ORDER BY p.sort_order, m.sort_order, m.milestone_id
