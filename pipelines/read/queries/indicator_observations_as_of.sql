-- indicator_observations.sql as known at $known_at (the end of an as_of day): published
-- figures are known from the start; a submitted figure is the version shown then
-- (marts.observation_vintages: absent when first loaded later, its old value when revised
-- since). $indicator_id: the indicator; $known_at: a timestamp.
WITH known AS (
    SELECT * EXCLUDE (known_from, known_until) FROM marts.observation_vintages
    WHERE indicator_id = $indicator_id AND known_from <= $known_at
      AND (known_until IS NULL OR known_until > $known_at)
    UNION ALL BY NAME
    SELECT * FROM marts.observations WHERE load_id IS NULL AND indicator_id = $indicator_id
)
SELECT o.observation_id, o.indicator_id, o.geography,
       coalesce(g.name_en, o.geography) AS geography_en,
       coalesce(g.name_fr, o.geography) AS geography_fr,
       o.breakdown, o.period_start, o.period_end, o.period_basis,
       CASE WHEN o.suppressed THEN NULL ELSE o.value END AS value,
       CASE WHEN o.suppressed THEN NULL ELSE o.value_high END AS value_high, o.value_basis,
       o.qualifier, o.unit, coalesce(u.kind, 'count') AS unit_kind,
       o.source_id, o.locator, o.status, o.suppressed, o.revision, o.series_id,
       o.note_en, o.note_fr,
       s.title, s.publisher, s.publisher_fr, s.published, s.url,
       s.language AS source_language, coalesce(s.kind, 'document') AS source_kind,
       s.edition_en, s.edition_fr,
       CASE WHEN s.kind IN ('submission', 'demo') THEN 'submissions:' || s.kind
            ELSE o.source_id END AS series_source
FROM known AS o
LEFT JOIN marts.geographies AS g ON g.geography_id = o.geography
LEFT JOIN marts.units AS u ON u.unit = o.unit
LEFT JOIN meta.sources AS s ON s.source_id = o.source_id
WHERE o.indicator_id = $indicator_id
  AND (o.breakdown = 'total' OR coalesce(s.kind, 'document') NOT IN ('submission', 'demo'))
ORDER BY o.geography, series_source, o.period_end NULLS FIRST, o.period_start,
         o.breakdown, o.observation_id
