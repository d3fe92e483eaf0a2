-- The strategy this build follows: the one meta.build_info names (written by the build from
-- the settings); a database built before the build recorded it follows its latest strategy.
SELECT strategy_id, name_en, name_fr, period_start, period_end, period_basis,
       review_interval_years, locator, note_en, note_fr, source_id
FROM marts.strategies
ORDER BY strategy_id = (SELECT max(value) FROM meta.build_info WHERE key = 'strategy_id')
             IS TRUE DESC,
         period_start DESC
LIMIT 1
