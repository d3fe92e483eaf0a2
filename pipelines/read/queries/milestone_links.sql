-- Which indicators each deliverable should move, with both names and the reason.
-- $milestone_id / $indicator_id: filters, NULL for all.
SELECT l.milestone_id, m.pillar_id, m.text_en, m.text_fr, m.status, m.status_date,
       l.indicator_id, i.name_en AS indicator_en, i.name_fr AS indicator_fr, l.basis,
       l.rationale AS rationale_en, l.rationale_fr, l.locator
FROM marts.milestone_indicators AS l
JOIN marts.milestones AS m USING (milestone_id)
JOIN marts.indicators AS i USING (indicator_id)
JOIN marts.pillars AS p ON p.pillar_id = m.pillar_id
WHERE ($milestone_id IS NULL OR l.milestone_id = $milestone_id)
  AND ($indicator_id IS NULL OR l.indicator_id = $indicator_id)
ORDER BY p.sort_order, m.kind, m.sort_order, l.milestone_id, i.sort_order, l.indicator_id
