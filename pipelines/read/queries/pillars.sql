-- The strategy's pillars in order, with the source of their expected result.
-- $pillar_id: one pillar, or NULL for all four.
SELECT p.pillar_id, p.name_en, p.name_fr, p.outcome_en, p.outcome_fr, p.sort_order, p.locator,
       s.edition_en, s.edition_fr
FROM marts.pillars AS p
LEFT JOIN meta.sources AS s USING (source_id)
WHERE $pillar_id IS NULL OR p.pillar_id = $pillar_id
ORDER BY p.sort_order, p.pillar_id
