-- The download set's progress table (pipelines/release/export.py). marts.progress as every page
-- shows it. A row decided on demonstration figures is a demonstration row: left out unless
-- include_demo. Filters are named parameters that may be NULL (no filter); nothing is spliced
-- in.
SELECT p.indicator_id,
       CASE WHEN $lang = 'fr' THEN i.name_fr ELSE i.name_en END AS indicator_name,
       i.pillar_id, p.as_of_quarter, p.quarter_start, p.quarter_end, p.is_latest,
       p.to_date_kind, p.period_start, p.period_end, p.value_to_date,
       p.value_to_date_qualifier, p.value_to_date_status, p.value_this_quarter,
       p.value_this_quarter_qualifier, p.this_quarter_state, p.value_previous_quarter,
       p.value_same_quarter_last_year, p.change_previous_quarter, p.change_previous_quarter_pct,
       p.change_same_quarter_last_year, p.change_same_quarter_last_year_pct,
       p.change_is_approximate, p.fiscal_year_to_date, p.fiscal_year_to_date_qualifier,
       p.target_kind, p.target_value, p.target_period_start, p.target_period_end,
       p.baseline_value, p.baseline_is_assumed, p.expected_to_date, p.ratio, p.share_elapsed,
       p.assessed_at, p.status, p.status_reason, p.status_previous, p.status_changed,
       CASE WHEN $lang = 'fr' THEN p.basis_fr ELSE p.basis END AS basis, p.method
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
