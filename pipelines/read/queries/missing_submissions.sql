-- Quarters up to $quarter for which an indicator that takes submissions has none.
SELECT indicator_id, quarter FROM marts.submission_coverage
WHERE NOT submitted AND quarter <= $quarter
ORDER BY indicator_id, quarter
