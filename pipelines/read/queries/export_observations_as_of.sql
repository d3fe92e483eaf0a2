-- export_observations.sql as known at the end of a day ($known_at), read through the vintages
-- the build keeps (pipelines/marts/vintages.py): published figures are known from the start; a
-- submitted figure is the version shown at $known_at. The same columns, filters and labels as
-- export_observations.sql (tests/downloads check both give the declared columns).
WITH known AS (
    SELECT * EXCLUDE (known_from, known_until) FROM marts.observation_vintages
    WHERE known_from <= $known_at AND (known_until IS NULL OR known_until > $known_at)
    UNION ALL BY NAME
    SELECT * FROM marts.observations WHERE load_id IS NULL
)
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
FROM known o
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
-- Written out: a union of vintages has no stored row order (rowid).
ORDER BY i.sort_order, o.indicator_id, o.geography, o.breakdown,
         o.period_start NULLS FIRST, o.period_end NULLS FIRST, o.source_id, o.observation_id
