-- Every unit with its kind (count, money, percent, rate) and names.
SELECT unit, name_en, name_fr, kind, is_people FROM marts.units ORDER BY unit
