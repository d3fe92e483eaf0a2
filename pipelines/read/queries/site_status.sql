-- What every page's shell says about the data: when it was built, whether demonstration
-- figures are loaded, when the last submission was accepted.
SELECT (SELECT value FROM meta.build_info WHERE key = 'built_at') AS built_at,
       (SELECT value FROM meta.build_info WHERE key = 'inputs_sha256') AS inputs_sha256,
       EXISTS (SELECT 1 FROM marts.observations WHERE status = 'demo') AS has_demo,
       (SELECT max(loaded_at) FROM meta.loads WHERE outcome = 'accepted') AS last_submission
