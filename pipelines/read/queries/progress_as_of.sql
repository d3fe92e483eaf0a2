-- marts.progress rows as known at $known_at: the vintage in force then
-- (marts.progress_vintages, computed by the build after each load), with the columns and
-- order of progress.sql. $known_at: a timestamp; $indicator_id: one indicator, or NULL for
-- all; $until_quarter: quarters up to this one, or NULL.
WITH known AS (
    SELECT * EXCLUDE (vintage_at, vintage_load_id) FROM marts.progress_vintages
    WHERE vintage_at = (SELECT max(vintage_at) FROM marts.progress_vintages
                        WHERE vintage_at <= $known_at)
)
SELECT p.*,
       i.pillar_id, i.name_en, i.name_fr, i.measure, i.interpretation, i.reporting_note,
       i.headline, i.sort_order, coalesce(u.kind, 'count') AS unit_kind,
       coalesce(u.name_en, i.unit) AS unit_en, coalesce(u.name_fr, i.unit) AS unit_fr
FROM known AS p
JOIN marts.indicators AS i USING (indicator_id)
LEFT JOIN marts.units AS u ON u.unit = i.unit
LEFT JOIN marts.pillars AS pl ON pl.pillar_id = i.pillar_id
WHERE ($indicator_id IS NULL OR p.indicator_id = $indicator_id)
  AND ($until_quarter IS NULL OR p.as_of_quarter <= $until_quarter)
ORDER BY pl.sort_order, i.sort_order, p.indicator_id, p.as_of_quarter
