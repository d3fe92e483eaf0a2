-- Every indicator with the group /data and /data/availability list it under. The 2025–2030
-- strategy comes first: its pillar indicators under their pillar, then its strategy-wide
-- figures (no pillar, but published in the document the pillars themselves come from,
-- marts.pillars.source_id). Every other series is grouped by its topic (earlier strategies,
-- funding, federal projects, hotline, police-reported crime, courts, victims...).
-- subgroup_order: the pillars' order, then the strategy-wide figures, then the topics in the
-- order of pipelines.vocabulary.TOPICS ($topics).
WITH strategy_documents AS (
    SELECT DISTINCT source_id FROM marts.pillars
),
from_strategy AS (
    SELECT DISTINCT indicator_id FROM marts.observations
    WHERE source_id IN (SELECT source_id FROM strategy_documents)
    UNION
    SELECT DISTINCT indicator_id FROM marts.targets
    WHERE source_id IN (SELECT source_id FROM strategy_documents)
)
SELECT i.indicator_id, i.name_en, i.name_fr, i.pillar_id, i.topic,
       i.pillar_id IS NOT NULL OR f.indicator_id IS NOT NULL AS in_strategy,
       coalesce(i.pillar_id,
                CASE WHEN f.indicator_id IS NOT NULL THEN 'strategy_wide' ELSE i.topic END)
           AS subgroup,
       CASE WHEN i.pillar_id IS NOT NULL THEN p.sort_order
            WHEN f.indicator_id IS NOT NULL THEN 100
            ELSE 200 + coalesce(list_position($topics::VARCHAR[], i.topic), 99) END
           AS subgroup_order,
       p.name_en AS pillar_en, p.name_fr AS pillar_fr
FROM marts.indicators AS i
LEFT JOIN marts.pillars AS p ON p.pillar_id = i.pillar_id
LEFT JOIN from_strategy AS f ON f.indicator_id = i.indicator_id
ORDER BY subgroup_order, i.indicator_id
