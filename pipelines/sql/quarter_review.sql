-- The quarterly review's marts (pipelines/marts/review.py), computed once per write so a
-- review reads rows sized by indicators x quarters, never the submission history.
-- Needs the temporary table review_windows (review_quarter, after_load, before_load).
DELETE FROM marts.quarter_revisions;
DELETE FROM marts.quarter_missing;

-- Every replacement of a submitted value (older -> newer version of the same cell), shown by
-- the review of each quarter whose window holds its load.
INSERT INTO marts.quarter_revisions
WITH versions AS (
    SELECT indicator_id, geography, breakdown, quarter, load_id, loaded_at, status,
           CASE WHEN suppressed THEN NULL ELSE value END AS value,
           lag(CASE WHEN suppressed THEN NULL ELSE value END) OVER cell AS old_value,
           lag(load_id) OVER cell AS old_load_id
    FROM marts.observation_history
    WINDOW cell AS (PARTITION BY indicator_id, geography, breakdown, quarter ORDER BY load_id)
), revised AS (
    SELECT * FROM versions
    WHERE old_load_id IS NOT NULL AND old_value IS DISTINCT FROM value
)
SELECT w.review_quarter, r.indicator_id, r.geography, r.breakdown, r.quarter, r.load_id,
       r.loaded_at, r.old_value, r.value, r.status = 'demo'
FROM revised AS r
JOIN review_windows AS w
  ON r.load_id > w.after_load AND (w.before_load IS NULL OR r.load_id < w.before_load)
ORDER BY w.review_quarter, r.indicator_id, r.quarter, r.geography, r.breakdown, r.load_id;

INSERT INTO marts.quarter_missing
SELECT DISTINCT indicator_id, quarter FROM marts.submission_coverage WHERE NOT submitted
ORDER BY indicator_id, quarter;
