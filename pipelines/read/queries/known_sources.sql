-- The sources as known at the end of a day ($known_at), read through the vintages the build
-- keeps (pipelines/marts/vintages.py); a fragment that stands in for meta.sources in the
-- export_sources query (pipelines/read/exports.py).
SELECT * FROM meta.sources WHERE kind NOT IN ('submission', 'demo')
       OR source_id IN (SELECT source_id FROM marts.observation_vintages
                        WHERE known_from <= $known_at)
