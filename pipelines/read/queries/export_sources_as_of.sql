-- export_sources.sql as known at the end of a day ($known_at): a submission's source is listed
-- once its first figure was shown (marts.observation_vintages, pipelines/marts/vintages.py);
-- the other sources are known from the start. The same columns, filters and labels as
-- export_sources.sql.
SELECT s.* REPLACE (CASE WHEN $lang = 'fr' THEN coalesce(s.publisher_fr, s.publisher)
                         ELSE s.publisher END AS publisher),
       CASE WHEN $lang = 'fr' THEN s.edition_fr ELSE s.edition_en END AS edition
FROM meta.sources s
WHERE ($include_demo OR s.kind <> 'demo')
  AND ($source IS NULL OR list_contains($source::VARCHAR[], s.source_id))
  AND (s.kind NOT IN ('submission', 'demo')
       OR s.source_id IN (SELECT source_id FROM marts.observation_vintages
                          WHERE known_from <= $known_at))
ORDER BY s.source_id
