-- Why each change at one quarter has a number or not (marts.quarter_comparisons).
-- $quarter: a quarter label.
SELECT indicator_id, comparison, compared_quarter, reason
FROM marts.quarter_comparisons
WHERE as_of_quarter = $quarter
ORDER BY indicator_id, comparison
