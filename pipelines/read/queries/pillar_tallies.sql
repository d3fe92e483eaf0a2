-- Per pillar, what its statutory verdict restates: its indicators, how many have a numeric
-- target, and how many have a figure dated inside the strategy period (a figure to date in
-- marts.progress, or a published one ending on or after $strategy_start).
WITH latest AS (
    SELECT indicator_id, value_to_date FROM marts.progress WHERE is_latest
), published AS (
    SELECT DISTINCT indicator_id FROM marts.observations
    WHERE breakdown = 'total' AND NOT suppressed AND value IS NOT NULL
      AND period_end >= $strategy_start AND status <> 'demo'
)
SELECT i.pillar_id, count(*) AS indicators,
       count(*) FILTER (WHERE i.indicator_id IN (SELECT indicator_id FROM marts.targets))
           AS with_target,
       count(*) FILTER (WHERE l.value_to_date IS NOT NULL
                        OR i.indicator_id IN (SELECT indicator_id FROM published))
           AS with_figure_since_start
FROM marts.indicators AS i
LEFT JOIN latest AS l USING (indicator_id)
WHERE i.pillar_id IS NOT NULL
GROUP BY i.pillar_id ORDER BY i.pillar_id
