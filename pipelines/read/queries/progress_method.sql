-- The published method's thresholds and worked example (computed by the build's rule).
SELECT * FROM marts.progress_method
