-- The revisions the review of $quarter shows (marts.quarter_revisions, computed once per
-- write over the submission history): loaded after the previous quarter's first load and
-- before the next quarter's.
SELECT indicator_id, geography, breakdown, quarter, load_id, loaded_at, old_value, new_value,
       demo
FROM marts.quarter_revisions
WHERE review_quarter = $quarter
ORDER BY indicator_id, quarter, geography, breakdown, load_id
