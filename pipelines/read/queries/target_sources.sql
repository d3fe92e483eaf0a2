-- The documents the targets come from, for the briefing's sources.
SELECT DISTINCT s.title, s.publisher, s.publisher_fr, coalesce(s.published, '') AS published
FROM meta.sources AS s JOIN marts.targets AS t USING (source_id)
ORDER BY s.title
