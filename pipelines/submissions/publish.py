"""Derive the public submission rows from the kept history: latest value per key, revision
marks, small-cell suppression, coverage. Runs inside the caller's transaction.

Called by ``ingest`` after a load and by the build after reference data (and demo rows) are
in. Everything is SQL over ``staging.submission_rows`` except complementary suppression, an
iterative search that runs in Python (:mod:`.suppression`) on the few indicator × quarter
groups that hold a small count at all: a group without one hides nothing.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import NamedTuple

import duckdb

from pipelines.marts import build_marts
from pipelines.periods import FiscalQuarter
from pipelines.settings import Settings
from pipelines.submissions.suppression import Cell, Key, suppress
from pipelines.submissions.template import DEFAULT_BREAKDOWN, NEVER_SUPPRESSED_GEOGRAPHIES

# Every accepted value of every key, with the latest marked, stored in the order the public
# tables are written in. Real submissions win over demo ones; within a status the latest load
# wins (then the later row). A key whose values (or qualifiers) differ between loads of the
# latest's status is a revision. Most keys have one value: only keys given more than once
# are ranked, and every other row is its key's latest.
_VERSIONS_SQL = """
CREATE OR REPLACE TEMP TABLE sub_versions AS
WITH repeated AS (
    SELECT indicator_id, quarter, geography, breakdown
    FROM staging.submission_rows GROUP BY ALL HAVING count(*) > 1
), keyed AS (
    SELECT indicator_id, quarter, geography, breakdown,
           max({'submitted': status = 'submitted', 'load_id': load_id,
                'row_number': row_number}) AS top,
           bool_or(status = 'submitted') AS any_submitted,
           min(value) FILTER (WHERE status = 'submitted')
               <> max(value) FILTER (WHERE status = 'submitted')
           OR min(qualifier) FILTER (WHERE status = 'submitted')
               <> max(qualifier) FILTER (WHERE status = 'submitted') AS revised_submitted,
           min(value) FILTER (WHERE status <> 'submitted')
               <> max(value) FILTER (WHERE status <> 'submitted')
           OR min(qualifier) FILTER (WHERE status <> 'submitted')
               <> max(qualifier) FILTER (WHERE status <> 'submitted') AS revised_other
    FROM staging.submission_rows
    SEMI JOIN repeated USING (indicator_id, quarter, geography, breakdown)
    GROUP BY ALL
)
SELECT s.indicator_id, s.geography, s.breakdown, s.quarter, s.period_start, s.period_end,
       s.value, s.qualifier, i.unit, s.status, s.load_id, l.loaded_at, s.file, s.program,
       s.note, s.row_number, u.is_people,
       coalesce({'submitted': s.status = 'submitted', 'load_id': s.load_id,
                 'row_number': s.row_number} = k.top, true) AS is_latest,
       coalesce(CASE WHEN k.any_submitted THEN k.revised_submitted
                     ELSE k.revised_other END, false) AS revision,
       false AS suppressed
FROM staging.submission_rows AS s
JOIN meta.loads AS l USING (load_id)
JOIN marts.indicators AS i USING (indicator_id)
JOIN marts.units AS u ON u.unit = i.unit
LEFT JOIN keyed AS k USING (indicator_id, quarter, geography, breakdown)
ORDER BY s.indicator_id, s.quarter, s.geography, s.breakdown, s.load_id, s.row_number
"""

# Groups that can hide anything: a count of people from 1 to threshold - 1 below the
# provincial total, in any version.
_SMALL_SQL = """
SELECT v.indicator_id, v.quarter, v.geography, v.breakdown, v.value, v.is_people, v.load_id,
       v.status, v.row_number, v.is_latest
FROM sub_versions AS v SEMI JOIN (
    SELECT DISTINCT indicator_id, quarter FROM sub_versions
    WHERE is_people AND value >= 1 AND value < $threshold
      AND NOT (list_contains($protected, geography) AND breakdown = $total)
) AS g USING (indicator_id, quarter)
"""

# Suppression marks the few hidden versions in place, which keeps the stored order.
_SUPPRESS_SQL = """
UPDATE sub_versions AS v SET suppressed = true
WHERE EXISTS (SELECT 1 FROM sub_hidden AS h
              WHERE h.indicator_id = v.indicator_id AND h.quarter = v.quarter
                AND h.geography = v.geography AND h.breakdown = v.breakdown
                AND (h.load_id IS NULL OR h.load_id = v.load_id))
"""


class Held(NamedTuple):
    """One accepted value of one key, as far as suppression needs it."""

    key: Key
    value: float
    is_people: bool
    load_id: int
    status: str
    row_number: int
    is_latest: bool


def publish(con: duckdb.DuckDBPyConnection, settings: Settings) -> None:
    """Replace every submission-derived row of marts (and their meta.sources) from history."""
    con.execute("DELETE FROM marts.observations WHERE status IN ('submitted', 'revised', 'demo')")
    con.execute("DELETE FROM marts.observation_history")
    con.execute("DELETE FROM marts.submission_coverage")
    con.execute("DELETE FROM meta.sources WHERE kind IN ('submission', 'demo')")
    con.execute(_VERSIONS_SQL)
    _mark_hidden(con, settings.suppression_threshold)
    con.execute(_HISTORY_SQL)
    con.execute(_OBSERVATIONS_SQL)
    con.execute(_SOURCES_SQL)
    _insert_coverage(con, settings)
    con.execute("DROP TABLE sub_versions")
    # Last: the submission rows just replaced change the figures every mart is built from.
    build_marts(con, settings)


def _mark_hidden(con: duckdb.DuckDBPyConnection, threshold: int) -> None:
    rows = con.execute(_SMALL_SQL, {"threshold": threshold, "total": DEFAULT_BREAKDOWN,
                                    "protected": sorted(NEVER_SUPPRESSED_GEOGRAPHIES)}).fetchall()
    if not rows:
        return
    held = [Held((r[0], r[1], r[2], r[3]), *r[4:]) for r in rows]
    levels = dict(con.execute("SELECT geography_id, level FROM marts.geographies").fetchall())
    pairs, keys = hidden_versions(held, threshold, levels)
    # A NULL load_id stands for every version of a key hidden now.
    hidden = sorted((*key, load) for key, load in pairs) + sorted((*key, None) for key in keys)
    if not hidden:
        return
    columns = list(zip(*hidden, strict=True))
    con.execute("CREATE OR REPLACE TEMP TABLE sub_hidden AS SELECT unnest($i) AS indicator_id,"
                " unnest($q) AS quarter, unnest($g) AS geography, unnest($b) AS breakdown,"
                " unnest($l)::BIGINT AS load_id",
                dict(zip(("i", "q", "g", "b", "l"), map(list, columns), strict=True)))
    con.execute(_SUPPRESS_SQL)
    con.execute("DROP TABLE sub_hidden")


def hidden_versions(held: Iterable[Held], threshold: int,
                    levels: dict[str, str]) -> tuple[set[tuple[Key, int]], set[Key]]:
    """(key, load) pairs hidden in the table as it stood after that load (so old releases
    cannot be differenced either), and the keys hidden now, hidden in every version.

    Relations never cross an indicator × quarter group, and a group's table changes only
    with a load that has rows in it, so each group is recomputed at its own loads only."""
    groups: dict[tuple[str, str], list[Held]] = defaultdict(list)
    for h in held:
        groups[h.key[:2]].append(h)
    hidden: set[tuple[Key, int]] = set()
    for versions in groups.values():
        for load in sorted({h.load_id for h in versions}):
            snapshot = _snapshot(versions, load)
            cells = [Cell(key, h.value, h.is_people) for key, h in snapshot.items()]
            hidden |= {(key, snapshot[key].load_id) for key in suppress(cells, threshold, levels)}
    current = {h.key for g in groups.values() for h in g
               if h.is_latest and (h.key, h.load_id) in hidden}
    return hidden, current


def _rank(h: Held) -> tuple[bool, int, int]:
    return (h.status == "submitted", h.load_id, h.row_number)


def _snapshot(versions: list[Held], load: int) -> dict[Key, Held]:
    """The group as published right after ``load``: latest value per key among loads so far."""
    best: dict[Key, Held] = {}
    for h in versions:
        current = best.get(h.key)
        if h.load_id <= load and (current is None or _rank(h) > _rank(current)):
            best[h.key] = h
    return best


_HISTORY_SQL = """
INSERT INTO marts.observation_history
SELECT indicator_id, geography, breakdown, quarter, period_start, period_end,
       CASE WHEN suppressed THEN NULL ELSE value END, qualifier, unit, suppressed, status,
       load_id, loaded_at, file, program, CASE WHEN suppressed THEN NULL ELSE note END,
       is_latest, revision
FROM sub_versions
"""

# One column per line: the stable order of the public table's columns.
_OBSERVATIONS_SQL = """
INSERT INTO marts.observations (
    observation_id, indicator_id, geography, breakdown, period_start, period_end,
    period_basis, value, qualifier, unit, source_id, locator, status, suppressed,
    series_id, load_id, revision, note_en, note_fr)
SELECT
    'sub-' || left(sha256(concat_ws('|', 'submission', indicator_id, geography, breakdown,
                                    quarter)), 16),
    indicator_id, geography, breakdown, period_start, period_end,
    'stated',
    CASE WHEN suppressed THEN NULL ELSE value END,
    qualifier, unit,
    CASE WHEN status = 'demo' THEN 'demo-' ELSE 'submission-' END || load_id,
    -- The load and the row, never the file's name (a staff member's own name for it).
    'load ' || load_id || ', row ' || row_number,
    CASE WHEN status = 'demo' THEN 'demo' WHEN revision THEN 'revised' ELSE 'submitted' END,
    suppressed,
    NULL,
    load_id, revision,
    CASE WHEN suppressed THEN NULL ELSE note END,
    CASE WHEN suppressed THEN NULL ELSE note END
FROM sub_versions
WHERE is_latest
"""

_SOURCES_SQL = """
INSERT INTO meta.sources (source_id, title, publisher, publisher_fr, language, published,
    published_about, url, sha256, raw_file, kind, tier, edition_en, edition_fr)
SELECT CASE WHEN s.status = 'demo' THEN 'demo-' ELSE 'submission-' END || l.load_id,
       CASE WHEN s.status = 'demo' THEN 'DEMONSTRATION quarterly submission, load ' ELSE
            'Quarterly submission, load ' END || l.load_id,
       string_agg(DISTINCT s.program, '; ' ORDER BY s.program),
       string_agg(DISTINCT s.program, '; ' ORDER BY s.program),
       'en', strftime(l.loaded_at, '%Y-%m-%d'), false, NULL, coalesce(l.sha256, ''),
       'submissions/load-' || l.load_id,
       CASE WHEN s.status = 'demo' THEN 'demo' ELSE 'submission' END, NULL,
       CASE WHEN s.status = 'demo' THEN 'DEMONSTRATION data, load ' ELSE 'Submission, load '
            END || l.load_id,
       CASE WHEN s.status = 'demo' THEN 'Données de DÉMONSTRATION, chargement '
            ELSE 'Soumission, chargement ' END || l.load_id
FROM meta.loads AS l JOIN staging.submission_rows AS s USING (load_id)
GROUP BY l.load_id, l.file, l.loaded_at, l.sha256, s.status
"""


def _insert_coverage(con: duckdb.DuckDBPyConnection, settings: Settings) -> None:
    """Expected: every indicator that accepts submissions, every quarter from the start of the
    strategy to the latest quarter anyone has submitted."""
    latest = con.execute("SELECT max(period_start) FROM staging.submission_rows").fetchone()
    if latest is None or latest[0] is None:
        return
    first = FiscalQuarter.from_date(settings.strategy_start)
    quarters = list(FiscalQuarter.range(first, FiscalQuarter.from_date(latest[0])))
    con.execute("CREATE OR REPLACE TEMP TABLE sub_quarters AS SELECT unnest($q) AS quarter, "
                "unnest($s)::DATE AS s, unnest($e)::DATE AS e",
                {"q": [q.label for q in quarters], "s": [q.start for q in quarters],
                 "e": [q.end for q in quarters]})
    con.execute(_COVERAGE_SQL)
    con.execute("DROP TABLE sub_quarters")


_COVERAGE_SQL = """
INSERT INTO marts.submission_coverage
WITH submitted AS (
    SELECT indicator_id, quarter, max(load_id) AS load_id,
           CASE WHEN bool_or(status = 'submitted') THEN 'submitted' ELSE 'demo' END AS status
    FROM staging.submission_rows GROUP BY indicator_id, quarter
)
SELECT i.indicator_id, q.quarter, q.s, q.e, s.load_id IS NOT NULL, s.load_id, s.status
FROM marts.indicators AS i CROSS JOIN sub_quarters AS q
LEFT JOIN submitted AS s ON s.indicator_id = i.indicator_id AND s.quarter = q.quarter
WHERE i.pillar_id IS NOT NULL
ORDER BY i.indicator_id, q.s
"""
