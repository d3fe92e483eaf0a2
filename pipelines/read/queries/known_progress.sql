-- The progress as known at the end of a day ($known_at), read through the vintages the build
-- keeps (pipelines/marts/vintages.py); a fragment that stands in for marts.progress in the
-- export_progress query (pipelines/read/exports.py).
SELECT * EXCLUDE (vintage_at, vintage_load_id) FROM marts.progress_vintages
    WHERE vintage_at = (SELECT max(vintage_at) FROM marts.progress_vintages
                        WHERE vintage_at <= $known_at)
