-- The download set's indicators table (pipelines/release/export.py). Every indicator with its
-- unit and labels in $lang. Filters are named parameters that may be NULL (no filter); nothing
-- is spliced in.
SELECT i.indicator_id, i.pillar_id, i.topic,
       CASE WHEN $lang = 'fr' THEN i.name_fr ELSE i.name_en END AS name,
       i.unit, CASE WHEN $lang = 'fr' THEN u.name_fr ELSE u.name_en END AS unit_name,
       i.measure, i.interpretation,
       CASE WHEN $lang = 'fr' THEN i.definition_fr ELSE i.definition_en END AS definition,
       i.sort_order
FROM marts.indicators i LEFT JOIN marts.units u ON u.unit = i.unit
WHERE ($pillar IS NULL OR list_contains($pillar::VARCHAR[], i.pillar_id))
  AND ($indicator IS NULL OR list_contains($indicator::VARCHAR[], i.indicator_id))
ORDER BY i.sort_order, i.indicator_id
