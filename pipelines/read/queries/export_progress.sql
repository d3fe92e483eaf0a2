-- The download set's progress table (pipelines/release/export.py). marts.progress as every page
-- shows it. A row decided on demonstration figures is a demonstration row: left out unless
-- include_demo. Filters are named parameters that may be NULL (no filter); nothing is spliced
-- in. Every stored column comes out (p.*): the download set keeps the declared ones
-- (pipelines/release/public_fields); this query only makes the others.
-- export_progress_as_of.sql is the same as known at the end of a day.
SELECT p.* REPLACE (CASE WHEN $lang = 'fr' THEN p.basis_fr ELSE p.basis END AS basis),
       CASE WHEN $lang = 'fr' THEN i.name_fr ELSE i.name_en END AS indicator_name,
       i.pillar_id
FROM marts.progress p JOIN marts.indicators i USING (indicator_id)
LEFT JOIN marts.pillars pl ON pl.pillar_id = i.pillar_id
WHERE ($include_demo OR (coalesce(p.value_to_date_status, '') <> 'demo'
                         AND p.this_quarter_state <> 'demo'))
  AND ($pillar IS NULL OR list_contains($pillar::VARCHAR[], i.pillar_id))
  AND ($indicator IS NULL OR list_contains($indicator::VARCHAR[], p.indicator_id))
  AND ($status IS NULL OR list_contains($status::VARCHAR[], p.status))
  AND ($quarter IS NULL OR list_contains($quarter::VARCHAR[], p.as_of_quarter))
  AND ($date_from IS NULL OR p.quarter_end >= $date_from::DATE)
  AND ($date_to IS NULL OR p.quarter_start <= $date_to::DATE)
ORDER BY pl.sort_order, i.sort_order, p.indicator_id, p.as_of_quarter
