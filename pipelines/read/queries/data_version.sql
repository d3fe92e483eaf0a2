-- What identifies the data a response is made from (API ETags and cursors): the build's
-- data_version when the writer stored one; else the build's inputs, its time and the latest
-- load (an ingest changes the data without rebuilding).
SELECT (SELECT value FROM meta.build_info WHERE key = 'data_version') AS data_version,
       (SELECT value FROM meta.build_info WHERE key = 'inputs_sha256') AS inputs_sha256,
       (SELECT value FROM meta.build_info WHERE key = 'built_at') AS built_at,
       (SELECT value FROM meta.build_info WHERE key = 'snapshot_label') AS snapshot_label,
       (SELECT max(load_id) FROM meta.loads) AS last_load_id,
       (SELECT count(*) FROM meta.loads) AS loads
