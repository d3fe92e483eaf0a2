-- Quarters of the strategy period with at least one submitted provincial total, newest first
-- (the quarterly review's picker).
SELECT DISTINCT as_of_quarter AS quarter FROM marts.progress
WHERE this_quarter_state <> 'missing'
ORDER BY quarter DESC
