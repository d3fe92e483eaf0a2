-- Every source: documents first, then context sources and submission loads.
SELECT source_id, title, publisher, publisher_fr, language, published, published_about, url,
       sha256, kind, edition_en, edition_fr
FROM meta.sources ORDER BY kind <> 'document', kind, source_id
