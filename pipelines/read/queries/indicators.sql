-- Indicators with their unit and pillar names.
-- $indicator_id / $pillar_id: filters, NULL for all.
SELECT i.indicator_id, i.pillar_id, i.topic, i.name_en, i.name_fr, i.unit, i.measure,
       i.interpretation, i.reporting_note, i.headline, i.sort_order,
       i.definition_en, i.definition_fr,
       coalesce(u.kind, 'count') AS unit_kind,
       coalesce(u.name_en, i.unit) AS unit_en, coalesce(u.name_fr, i.unit) AS unit_fr,
       p.name_en AS pillar_en, p.name_fr AS pillar_fr
FROM marts.indicators AS i
LEFT JOIN marts.units AS u ON u.unit = i.unit
LEFT JOIN marts.pillars AS p ON p.pillar_id = i.pillar_id
WHERE ($indicator_id IS NULL OR i.indicator_id = $indicator_id)
  AND ($pillar_id IS NULL OR i.pillar_id = $pillar_id)
ORDER BY p.sort_order NULLS LAST, i.sort_order, i.indicator_id
