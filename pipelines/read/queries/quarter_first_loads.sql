-- The first load of each quarter's submissions (marts.quarter_first_loads, built once per
-- write): the quarterly review of a quarter is taken to happen once that quarter's first
-- submission was loaded.
SELECT quarter, load_id, loaded_at FROM marts.quarter_first_loads ORDER BY quarter
