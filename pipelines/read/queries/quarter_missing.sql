-- Quarters up to $quarter for which an indicator that takes submissions has none
-- (marts.quarter_missing, computed once per write).
SELECT indicator_id, quarter FROM marts.quarter_missing
WHERE quarter <= $quarter
ORDER BY indicator_id, quarter
