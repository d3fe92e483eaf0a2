-- Whether an indicator id exists. $indicator_id: the id.
SELECT count(*) > 0 AS found FROM marts.indicators WHERE indicator_id = $indicator_id
