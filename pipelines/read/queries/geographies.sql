-- Every geography with its names.
SELECT geography_id, name_en, name_fr, level, parent_id FROM marts.geographies
ORDER BY geography_id
