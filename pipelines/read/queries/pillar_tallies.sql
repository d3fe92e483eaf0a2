-- Per pillar (NULL: the core indicators that belong to none), what the statutory verdict
-- restates: its indicators among $indicator_ids, how many have a numeric target, and how many
-- have a figure dated inside the strategy period (a figure to date in marts.progress, or a
-- published or submitted total ending on or after $strategy_start; an undated one does not
-- count).
WITH latest AS (
    SELECT indicator_id, value_to_date FROM marts.progress WHERE is_latest
), since AS (
    SELECT DISTINCT indicator_id FROM marts.latest_figures
    WHERE period_end >= $strategy_start
)
SELECT i.pillar_id, count(*) AS indicators,
       count(*) FILTER (WHERE i.indicator_id IN (SELECT indicator_id FROM marts.targets))
           AS with_target,
       count(*) FILTER (WHERE l.value_to_date IS NOT NULL
                        OR i.indicator_id IN (SELECT indicator_id FROM since))
           AS with_figure_since_start
FROM marts.indicators AS i
LEFT JOIN latest AS l USING (indicator_id)
WHERE list_contains($indicator_ids, i.indicator_id)
GROUP BY i.pillar_id ORDER BY i.pillar_id NULLS LAST
