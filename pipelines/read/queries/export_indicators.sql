-- The download set's indicators table (pipelines/release/export.py). Every indicator with its
-- unit and labels in $lang. Filters are named parameters that may be NULL (no filter); nothing
-- is spliced in. Every stored column comes out (i.*): the download set keeps the declared ones
-- (pipelines/release/public_fields); this query only makes the others. The indicators are
-- known from the start: the same on any day.
SELECT i.*,
       CASE WHEN $lang = 'fr' THEN i.name_fr ELSE i.name_en END AS name,
       CASE WHEN $lang = 'fr' THEN u.name_fr ELSE u.name_en END AS unit_name,
       CASE WHEN $lang = 'fr' THEN i.definition_fr ELSE i.definition_en END AS definition
FROM marts.indicators i LEFT JOIN marts.units u ON u.unit = i.unit
WHERE ($pillar IS NULL OR list_contains($pillar::VARCHAR[], i.pillar_id))
  AND ($indicator IS NULL OR list_contains($indicator::VARCHAR[], i.indicator_id))
ORDER BY i.sort_order, i.indicator_id
