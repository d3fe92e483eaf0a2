-- The latest published or submitted total of indicators (marts.latest_figures decides which
-- observation is the latest, once per write), with what is needed to write it out in full.
-- $indicator_id / $pillar_id: filters, NULL for all; $headline: true for the overview's.
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
WHERE ($indicator_id IS NULL OR i.indicator_id = $indicator_id)
  AND ($pillar_id IS NULL OR i.pillar_id = $pillar_id)
  AND ($headline IS NULL OR (i.headline = $headline AND i.pillar_id IS NOT NULL))
ORDER BY i.pillar_id, i.sort_order, i.indicator_id
