-- The verdict rule's parameters and worked example (marts.verdict_method, one row).
SELECT * FROM marts.verdict_method
