-- Every key of meta.build_info (built_at, inputs_sha256, demo, schema_version, ...).
SELECT key, value FROM meta.build_info ORDER BY key
