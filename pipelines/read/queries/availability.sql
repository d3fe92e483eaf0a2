-- What each indicator has, strategy-wide (/data/availability, the indicator pages): whether
-- it has figures, awaits a quarterly submission or has no source yet, its latest period, when
-- it was last updated and which quarters' submissions arrived. Demonstration figures never
-- count as figures; they are counted apart so pages can label them.
--   has_figures          at least one published, submitted or revised figure
--   awaiting_submission  none yet, and it is a pillar indicator (quarterly submissions)
--   no_source            none yet, and no submission is expected for it
WITH real AS (
    SELECT * FROM marts.observations WHERE status <> 'demo'
),
ranked AS (
    -- The latest period: the latest end, then the shortest period ending then.
    SELECT indicator_id, period_start, period_end, period_basis,
           count(*) OVER (PARTITION BY indicator_id) AS figures,
           row_number() OVER (PARTITION BY indicator_id
                              ORDER BY coalesce(period_end, period_start) DESC NULLS LAST,
                                       period_start DESC NULLS LAST, observation_id) AS rank
    FROM real
),
figures AS (
    SELECT indicator_id, figures, period_start AS latest_period_start,
           period_end AS latest_period_end, period_basis AS latest_period_basis
    FROM ranked WHERE rank = 1
),
published AS (
    SELECT r.indicator_id, max(s.published) AS last_published
    FROM real AS r JOIN meta.sources AS s USING (source_id)
    WHERE s.kind IN ('document', 'context') AND s.published IS NOT NULL
    GROUP BY r.indicator_id
),
demo AS (
    SELECT indicator_id, count(*) AS demo_figures FROM marts.observations
    WHERE status = 'demo' GROUP BY indicator_id
),
loads AS (
    SELECT indicator_id,
           max(loaded_at) FILTER (WHERE status <> 'demo') AS last_loaded,
           max(loaded_at) FILTER (WHERE status = 'demo') AS last_demo_loaded,
           list(DISTINCT quarter ORDER BY quarter) FILTER (WHERE status <> 'demo')
               AS quarters_submitted
    FROM marts.observation_history GROUP BY indicator_id
)
SELECT i.indicator_id,
       CASE WHEN coalesce(f.figures, 0) > 0 THEN 'has_figures'
            WHEN i.pillar_id IS NOT NULL THEN 'awaiting_submission'
            ELSE 'no_source' END AS availability,
       i.pillar_id IS NOT NULL AS takes_submissions,
       coalesce(f.figures, 0) AS figures, coalesce(d.demo_figures, 0) AS demo_figures,
       f.latest_period_start, f.latest_period_end, f.latest_period_basis,
       l.last_loaded, l.last_demo_loaded, p.last_published,
       coalesce(l.quarters_submitted, []) AS quarters_submitted
FROM marts.indicators AS i
LEFT JOIN figures AS f USING (indicator_id)
LEFT JOIN published AS p USING (indicator_id)
LEFT JOIN demo AS d USING (indicator_id)
LEFT JOIN loads AS l USING (indicator_id)
WHERE ($indicator_id IS NULL OR i.indicator_id = $indicator_id)
ORDER BY i.indicator_id
