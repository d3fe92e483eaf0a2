-- marts.latest_figures: the latest total of each indicator, one observation row per indicator
-- (indicators with nothing published have no row). Materialised at the end of every build and
-- ingest so a page reads 20-odd rows instead of ranking every observation on each request.
--
-- The ranking rule (the dashboard's overview, pillar and indicator cards rely on it):
-- breakdown 'total' only; regional rows are breakdowns of the provincial total and are
-- skipped, a figure published only for an area (the Toronto and Durham teams) is kept;
-- suppressed rows carry no value and are skipped; a derived value (value_basis 'derived', worked
-- out by the project from what a source prints) is skipped, because a headline figure must be
-- one a reader can find printed in its source; the latest period_end wins, then the latest
-- period_start, then Ontario, then the observation id (so the choice is deterministic).
CREATE OR REPLACE TABLE marts.latest_figures AS
WITH ranked AS (
    SELECT o.*,
           row_number() OVER (
               PARTITION BY o.indicator_id
               ORDER BY o.period_end DESC NULLS LAST, o.period_start DESC NULLS LAST,
                        (o.geography = 'ontario') DESC, o.observation_id
           ) AS recency
    FROM marts.observations AS o
    JOIN marts.geographies AS g ON g.geography_id = o.geography
    WHERE o.breakdown = 'total' AND g.level <> 'region' AND NOT o.suppressed
      AND o.value_basis <> 'derived'
)
SELECT * EXCLUDE (recency) FROM ranked WHERE recency = 1 ORDER BY indicator_id
