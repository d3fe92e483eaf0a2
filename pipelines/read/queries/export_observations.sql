-- The download set's observations table (pipelines/release/export.py). Every observation as the
-- download set writes it: labels in $lang, suppressed values empty, in the order the build
-- stored the rows (rowid), so the web download can read it in ranges. Filters are named
-- parameters that may be NULL (no filter); nothing is spliced in. Every stored column comes
-- out (o.*): the download set keeps the declared ones (pipelines/release/public_fields), so a
-- column added to the declaration needs no edit here; this query only makes the others.
-- export_observations_as_of.sql is the same as known at the end of a day.
-- Not the columns only the database keeps (a 10^6-row download paid for carrying them).
SELECT o.* EXCLUDE (series_id, load_id, note_en, note_fr)
           REPLACE (CASE WHEN o.suppressed THEN NULL ELSE o.value END AS value,
                    CASE WHEN o.suppressed THEN NULL ELSE o.value_high END AS value_high),
       CASE WHEN $lang = 'fr' THEN i.name_fr ELSE i.name_en END AS indicator_name,
       i.pillar_id,
       CASE WHEN $lang = 'fr' THEN g.name_fr ELSE g.name_en END AS geography_name,
       CASE WHEN $lang = 'fr' THEN u.name_fr ELSE u.name_en END AS unit_name,
       CASE WHEN $lang = 'fr' THEN coalesce(o.note_fr, o.note_en)
            ELSE coalesce(o.note_en, o.note_fr) END AS note,
       -- The language of the note given: a note in the other language only is marked as such.
       CASE WHEN $lang = 'fr' THEN CASE WHEN o.note_fr IS NOT NULL THEN 'fr'
                                        WHEN o.note_en IS NOT NULL THEN 'en' END
            ELSE CASE WHEN o.note_en IS NOT NULL THEN 'en'
                      WHEN o.note_fr IS NOT NULL THEN 'fr' END END AS note_language
FROM marts.observations o
JOIN marts.indicators i USING (indicator_id)
LEFT JOIN marts.geographies g ON g.geography_id = o.geography
LEFT JOIN marts.units u ON u.unit = o.unit
WHERE ($include_demo OR o.status <> 'demo')
  AND ($pillar IS NULL OR list_contains($pillar::VARCHAR[], i.pillar_id))
  AND ($indicator IS NULL OR list_contains($indicator::VARCHAR[], o.indicator_id))
  AND ($geography IS NULL OR list_contains($geography::VARCHAR[], o.geography))
  AND ($status IS NULL OR list_contains($status::VARCHAR[], o.status))
  AND ($source IS NULL OR list_contains($source::VARCHAR[], o.source_id))
  AND ($breakdown IS NULL OR list_contains($breakdown::VARCHAR[], o.breakdown))
  AND ($date_from IS NULL OR coalesce(o.period_end, o.period_start) >= $date_from::DATE)
  AND ($date_to IS NULL OR coalesce(o.period_start, o.period_end) <= $date_to::DATE)
ORDER BY o.rowid
