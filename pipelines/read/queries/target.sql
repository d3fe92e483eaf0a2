-- An indicator's target (the latest-ending one) with its provenance.
-- $indicator_id: the indicator.
SELECT t.indicator_id, t.target_kind, t.target_value, t.period_start, t.period_end,
       t.baseline_value, t.baseline_period_start, t.baseline_period_end,
       t.source_id, t.locator, t.note_en, t.note_fr,
       s.publisher, s.publisher_fr, s.edition_en, s.edition_fr, s.title,
       s.language AS source_language
FROM marts.targets AS t
LEFT JOIN meta.sources AS s ON s.source_id = t.source_id
WHERE t.indicator_id = $indicator_id
ORDER BY t.period_end DESC
LIMIT 1
