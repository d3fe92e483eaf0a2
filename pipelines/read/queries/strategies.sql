-- The strategies (2020–2025, 2025–2030) with their periods and how the periods were read.
-- $strategy_id: one strategy, or NULL for all.
SELECT strategy_id, name_en, name_fr, period_start, period_end, period_basis,
       review_interval_years, locator, note_en, note_fr, source_id
FROM marts.strategies
WHERE $strategy_id IS NULL OR strategy_id = $strategy_id
ORDER BY period_start
