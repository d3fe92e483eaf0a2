-- The download set's sources table (pipelines/release/export.py). Every source (documents,
-- context sources, submission loads unless demo). Filters are named parameters that may be NULL
-- (no filter); nothing is spliced in. Every stored column comes out (s.*): the download set
-- keeps the declared ones (pipelines/release/public_fields); this query only makes the others.
-- export_sources_as_of.sql is the same as known at the end of a day.
SELECT s.* REPLACE (CASE WHEN $lang = 'fr' THEN coalesce(s.publisher_fr, s.publisher)
                         ELSE s.publisher END AS publisher),
       CASE WHEN $lang = 'fr' THEN s.edition_fr ELSE s.edition_en END AS edition
FROM meta.sources s
WHERE ($include_demo OR s.kind <> 'demo')
  AND ($source IS NULL OR list_contains($source::VARCHAR[], s.source_id))
ORDER BY s.source_id
