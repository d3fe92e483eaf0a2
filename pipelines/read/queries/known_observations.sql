-- The observations as known at the end of a day ($known_at), read through the vintages the build
-- keeps (pipelines/marts/vintages.py); a fragment that stands in for marts.observations in the
-- export_observations query (pipelines/read/exports.py).
SELECT * EXCLUDE (known_from, known_until) FROM marts.observation_vintages
    WHERE known_from <= $known_at AND (known_until IS NULL OR known_until > $known_at)
    UNION ALL BY NAME
    SELECT * FROM marts.observations WHERE load_id IS NULL
