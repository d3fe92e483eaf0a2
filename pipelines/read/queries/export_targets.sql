-- The download set's targets table (pipelines/release/export.py). Every published target with
-- its source and locator. Filters are named parameters that may be NULL (no filter); nothing is
-- spliced in. Every stored column comes out (t.*): the download set keeps the declared ones
-- (pipelines/release/public_fields); this query only makes the others. Targets are known from
-- the start: the same on any day.
SELECT t.*,
       CASE WHEN $lang = 'fr' THEN i.name_fr ELSE i.name_en END AS indicator_name,
       CASE WHEN $lang = 'fr' THEN coalesce(t.note_fr, t.note_en)
            ELSE coalesce(t.note_en, t.note_fr) END AS note,
       CASE WHEN $lang = 'fr' THEN CASE WHEN t.note_fr IS NOT NULL THEN 'fr'
                                        WHEN t.note_en IS NOT NULL THEN 'en' END
            ELSE CASE WHEN t.note_en IS NOT NULL THEN 'en'
                      WHEN t.note_fr IS NOT NULL THEN 'fr' END END AS note_language
FROM marts.targets t JOIN marts.indicators i USING (indicator_id)
WHERE ($pillar IS NULL OR list_contains($pillar::VARCHAR[], i.pillar_id))
  AND ($indicator IS NULL OR list_contains($indicator::VARCHAR[], t.indicator_id))
  AND ($source IS NULL OR list_contains($source::VARCHAR[], t.source_id))
  AND ($date_from IS NULL OR coalesce(t.period_end, t.period_start) >= $date_from::DATE)
  AND ($date_to IS NULL OR coalesce(t.period_start, t.period_end) <= $date_to::DATE)
ORDER BY i.sort_order, t.indicator_id, t.period_start, t.period_end
