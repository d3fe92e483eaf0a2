-- The rows of one indicator that its chart, table and sources list show: every row of a
-- published document (each is quoted), but only the totals of submissions (their breakdowns
-- are never charted; indicator_submissions.sql counts them). Submission loads each have their
-- own source row, so series_source groups them by kind: a quarterly series is one line.
-- $indicator_id: the indicator.
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
FROM marts.observations AS o
LEFT JOIN marts.geographies AS g ON g.geography_id = o.geography
LEFT JOIN marts.units AS u ON u.unit = o.unit
LEFT JOIN meta.sources AS s ON s.source_id = o.source_id
WHERE o.indicator_id = $indicator_id
  AND (o.breakdown = 'total' OR coalesce(s.kind, 'document') NOT IN ('submission', 'demo'))
ORDER BY o.geography, series_source, o.period_end NULLS FIRST, o.period_start,
         o.breakdown, o.observation_id
