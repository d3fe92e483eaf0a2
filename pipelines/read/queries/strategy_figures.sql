-- The latest published or submitted total of each indicator dated inside the strategy period
-- (its period ends on or after $strategy_start) or undated: the statutory review's "latest"
-- beside the baseline of baseline_figures.sql. Same columns as latest_figures.sql.
SELECT i.indicator_id, i.pillar_id, i.name_en, i.name_fr, i.interpretation, i.measure,
       i.reporting_note, r.value, r.qualifier, coalesce(u.kind, 'count') AS unit_kind,
       coalesce(u.name_en, i.unit) AS unit_en, coalesce(u.name_fr, i.unit) AS unit_fr,
       r.period_start, r.period_end, r.period_basis, r.locator, r.status, r.geography,
       coalesce(g.name_en, r.geography) AS geography_en,
       coalesce(g.name_fr, r.geography) AS geography_fr,
       s.publisher AS publisher_en, s.publisher_fr, s.edition_en, s.edition_fr, s.url,
       s.language AS source_language
FROM marts.latest_figures AS r
JOIN marts.indicators AS i USING (indicator_id)
LEFT JOIN marts.units AS u ON u.unit = r.unit
LEFT JOIN marts.geographies AS g ON g.geography_id = r.geography
LEFT JOIN meta.sources AS s ON s.source_id = r.source_id
WHERE (r.period_end IS NULL OR r.period_end >= $strategy_start)
ORDER BY i.pillar_id, i.sort_order, i.indicator_id
