-- Every load that supplied a submitted value, for the briefing's sources.
SELECT DISTINCT load_id FROM marts.observation_history ORDER BY load_id
