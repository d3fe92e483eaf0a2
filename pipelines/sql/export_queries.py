"""The static queries behind the download set, one per public table.

Every filter is a named parameter that may be NULL ("no filter"): lists are matched with
``list_contains``, ``$date_from``/``$date_to`` keep periods that overlap the range. Nothing is
spliced in. Label columns follow ``$lang``. Suppressed values come out empty whatever is stored.

Observations come in the order the build stored them (``rowid``: reference figures as curated,
then submissions by indicator, quarter, geography and breakdown), which is stable for the same
data and lets the web download read the table in bounded ``rowid`` ranges instead of sorting
the whole table in memory first.
"""

from __future__ import annotations

from typing import Final

OBSERVATIONS = """
SELECT o.observation_id, o.indicator_id,
       CASE WHEN $lang = 'fr' THEN i.name_fr ELSE i.name_en END AS indicator_name,
       i.pillar_id, o.geography,
       CASE WHEN $lang = 'fr' THEN g.name_fr ELSE g.name_en END AS geography_name,
       o.breakdown, o.period_start, o.period_end, o.period_basis,
       CASE WHEN o.suppressed THEN NULL ELSE o.value END AS value,
       o.qualifier, o.unit,
       CASE WHEN $lang = 'fr' THEN u.name_fr ELSE u.name_en END AS unit_name,
       o.source_id, o.locator, o.status, o.suppressed, o.revision,
       CASE WHEN $lang = 'fr' THEN coalesce(o.note_fr, o.note_en)
            ELSE coalesce(o.note_en, o.note_fr) END AS note,
       CASE WHEN o.suppressed THEN NULL ELSE o.value_high END AS value_high, o.value_basis
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
"""

INDICATORS = """
SELECT i.indicator_id, i.pillar_id, i.topic,
       CASE WHEN $lang = 'fr' THEN i.name_fr ELSE i.name_en END AS name,
       i.unit, CASE WHEN $lang = 'fr' THEN u.name_fr ELSE u.name_en END AS unit_name,
       i.measure, i.interpretation,
       CASE WHEN $lang = 'fr' THEN i.definition_fr ELSE i.definition_en END AS definition,
       i.sort_order
FROM marts.indicators i LEFT JOIN marts.units u ON u.unit = i.unit
WHERE ($pillar IS NULL OR list_contains($pillar::VARCHAR[], i.pillar_id))
  AND ($indicator IS NULL OR list_contains($indicator::VARCHAR[], i.indicator_id))
ORDER BY i.sort_order, i.indicator_id
"""

TARGETS = """
SELECT t.indicator_id,
       CASE WHEN $lang = 'fr' THEN i.name_fr ELSE i.name_en END AS indicator_name,
       t.target_kind, t.target_value, t.period_start, t.period_end, t.baseline_value,
       t.baseline_period_start, t.baseline_period_end, t.source_id, t.locator,
       CASE WHEN $lang = 'fr' THEN coalesce(t.note_fr, t.note_en)
            ELSE coalesce(t.note_en, t.note_fr) END AS note
FROM marts.targets t JOIN marts.indicators i USING (indicator_id)
WHERE ($pillar IS NULL OR list_contains($pillar::VARCHAR[], i.pillar_id))
  AND ($indicator IS NULL OR list_contains($indicator::VARCHAR[], t.indicator_id))
  AND ($source IS NULL OR list_contains($source::VARCHAR[], t.source_id))
  AND ($date_from IS NULL OR coalesce(t.period_end, t.period_start) >= $date_from::DATE)
  AND ($date_to IS NULL OR coalesce(t.period_start, t.period_end) <= $date_to::DATE)
ORDER BY i.sort_order, t.indicator_id, t.period_start, t.period_end
"""

MILESTONES = """
SELECT m.milestone_id, m.pillar_id, m.kind,
       CASE WHEN $lang = 'fr' THEN m.text_fr ELSE m.text_en END AS text,
       m.status, m.status_date, m.note, m.source_id, m.locator
FROM marts.milestones m LEFT JOIN marts.pillars p USING (pillar_id)
WHERE ($pillar IS NULL OR list_contains($pillar::VARCHAR[], m.pillar_id))
  AND ($status IS NULL OR list_contains($status::VARCHAR[], m.status))
  AND ($source IS NULL OR list_contains($source::VARCHAR[], m.source_id))
ORDER BY p.sort_order, m.sort_order, m.milestone_id
"""

SOURCES = """
SELECT s.source_id, s.title,
       CASE WHEN $lang = 'fr' THEN coalesce(s.publisher_fr, s.publisher)
            ELSE s.publisher END AS publisher,
       s.language, s.published, s.published_about, s.url,
       s.sha256, s.kind,
       CASE WHEN $lang = 'fr' THEN s.edition_fr ELSE s.edition_en END AS edition
FROM meta.sources s
WHERE ($include_demo OR s.kind <> 'demo')
  AND ($source IS NULL OR list_contains($source::VARCHAR[], s.source_id))
ORDER BY s.source_id
"""

# marts.progress as every page shows it. A row decided on demonstration figures is a
# demonstration row: left out unless include_demo.
PROGRESS = """
SELECT p.indicator_id,
       CASE WHEN $lang = 'fr' THEN i.name_fr ELSE i.name_en END AS indicator_name,
       i.pillar_id, p.as_of_quarter, p.quarter_start, p.quarter_end, p.is_latest,
       p.to_date_kind, p.period_start, p.period_end, p.value_to_date,
       p.value_to_date_qualifier, p.value_to_date_status, p.value_this_quarter,
       p.value_this_quarter_qualifier, p.this_quarter_state, p.value_previous_quarter,
       p.value_same_quarter_last_year, p.change_previous_quarter, p.change_previous_quarter_pct,
       p.change_same_quarter_last_year, p.change_same_quarter_last_year_pct,
       p.change_is_approximate, p.fiscal_year_to_date, p.fiscal_year_to_date_qualifier,
       p.target_kind, p.target_value, p.target_period_start, p.target_period_end,
       p.baseline_value, p.baseline_is_assumed, p.expected_to_date, p.ratio, p.share_elapsed,
       p.assessed_at, p.status, p.status_reason, p.status_previous, p.status_changed,
       CASE WHEN $lang = 'fr' THEN p.basis_fr ELSE p.basis END AS basis, p.method
FROM marts.progress p JOIN marts.indicators i USING (indicator_id)
LEFT JOIN marts.pillars pl ON pl.pillar_id = i.pillar_id
WHERE ($include_demo OR (coalesce(p.value_to_date_status, '') <> 'demo'
                         AND p.this_quarter_state <> 'demo'))
  AND ($pillar IS NULL OR list_contains($pillar::VARCHAR[], i.pillar_id))
  AND ($indicator IS NULL OR list_contains($indicator::VARCHAR[], p.indicator_id))
  AND ($status IS NULL OR list_contains($status::VARCHAR[], p.status))
  AND ($quarter IS NULL OR list_contains($quarter::VARCHAR[], p.as_of_quarter))
  AND ($date_from IS NULL OR p.quarter_end >= $date_from::DATE)
  AND ($date_to IS NULL OR p.quarter_start <= $date_to::DATE)
ORDER BY pl.sort_order, i.sort_order, p.indicator_id, p.as_of_quarter
"""

QUERIES: Final[dict[str, str]] = {
    "observations": OBSERVATIONS, "indicators": INDICATORS, "targets": TARGETS,
    "milestones": MILESTONES, "sources": SOURCES, "progress": PROGRESS,
}

# As known at the end of a day ($known_at): the same queries over the vintages the build keeps
# (pipelines/marts/vintages.py): published figures are known from the start; a submitted
# figure is the version shown at $known_at (absent when first loaded later); progress is the
# vintage in force then; a submission's source is listed once it was loaded. The reference
# tables (indicators, targets, milestones) are known from the start.
_KNOWN: Final[dict[str, tuple[str, str]]] = {  # table -> (what it reads, as known)
    "observations": ("marts.observations o", """
    SELECT * EXCLUDE (known_from, known_until) FROM marts.observation_vintages
    WHERE known_from <= $known_at AND (known_until IS NULL OR known_until > $known_at)
    UNION ALL BY NAME
    SELECT * FROM marts.observations WHERE load_id IS NULL"""),
    "progress": ("marts.progress p", """
    SELECT * EXCLUDE (vintage_at, vintage_load_id) FROM marts.progress_vintages
    WHERE vintage_at = (SELECT max(vintage_at) FROM marts.progress_vintages
                        WHERE vintage_at <= $known_at)"""),
    "sources": ("meta.sources s", """
    SELECT * FROM meta.sources WHERE kind NOT IN ('submission', 'demo')
       OR source_id IN (SELECT source_id FROM marts.observation_vintages
                        WHERE known_from <= $known_at)"""),
}
# The observations' order, written out: the live query's order may rely on the stored row
# order (rowid), which a union of vintages does not have.
_OBSERVATIONS_ORDER: Final = """
ORDER BY i.sort_order, o.indicator_id, o.geography, o.breakdown,
         o.period_start NULLS FIRST, o.period_end NULLS FIRST, o.source_id, o.observation_id
"""


def _as_known(table: str, query: str) -> str:
    if table not in _KNOWN:
        return query
    reads, known = _KNOWN[table]
    alias = reads.split()[1]
    body = query.replace(f"FROM {reads}", f"FROM known {alias}", 1)
    if body == query:
        raise RuntimeError(f"the {table} query does not read {reads}")
    if table == "observations":
        body = body[:body.rindex("ORDER BY")].rstrip() + _OBSERVATIONS_ORDER
    return f"WITH known AS ({known}\n)" + body


AS_OF_QUERIES: Final[dict[str, str]] = {table: _as_known(table, query)
                                        for table, query in QUERIES.items()}


def paged(query: str) -> str:
    """``query`` (ending with its ORDER BY) restricted to $limit rows from $offset on."""
    return query.rstrip() + "\nLIMIT $limit OFFSET $offset\n"
