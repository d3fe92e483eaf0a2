"""Derive the public submission rows from the kept history: latest value per key, revision
marks, small-cell suppression, coverage. Runs inside the caller's transaction.

Called by ``ingest`` after a load and by the build after reference data (and demo rows) are in.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import datetime

import duckdb

from pipelines.marts import build_marts
from pipelines.periods import FiscalQuarter
from pipelines.settings import Settings
from pipelines.sql import insert_values
from pipelines.submissions.suppression import Cell, Key, suppress

_HISTORY_SQL = """
SELECT s.indicator_id, s.geography, s.breakdown, s.quarter, s.period_start, s.period_end,
       s.value, s.qualifier, i.unit, s.status, s.load_id, l.loaded_at, s.file, s.program,
       s.note, s.row_number, u.is_people
FROM staging.submission_rows AS s
JOIN meta.loads AS l USING (load_id)
JOIN marts.indicators AS i USING (indicator_id)
JOIN marts.units AS u ON u.unit = i.unit
ORDER BY s.indicator_id, s.quarter, s.geography, s.breakdown, s.load_id
"""


@dataclass(frozen=True)
class Version:
    """One accepted value of one key, as loaded."""

    indicator_id: str
    geography: str
    breakdown: str
    quarter: str
    period_start: object
    period_end: object
    value: float
    qualifier: str
    unit: str
    status: str
    load_id: int
    loaded_at: datetime
    file: str
    program: str
    note: str | None
    row_number: int
    is_people: bool
    is_latest: bool = False
    revision: bool = False
    suppressed: bool = False

    @property
    def key(self) -> Key:
        return (self.indicator_id, self.quarter, self.geography, self.breakdown)


def publish(con: duckdb.DuckDBPyConnection, settings: Settings) -> None:
    """Replace every submission-derived row of marts (and their meta.sources) from history."""
    con.execute("DELETE FROM marts.observations WHERE status IN ('submitted', 'revised', 'demo')")
    con.execute("DELETE FROM marts.observation_history")
    con.execute("DELETE FROM marts.submission_coverage")
    con.execute("DELETE FROM meta.sources WHERE kind IN ('submission', 'demo')")
    versions = [Version(*row) for row in con.execute(_HISTORY_SQL).fetchall()]
    versions = mark_latest(versions)
    levels = dict(con.execute("SELECT geography_id, level FROM marts.geographies").fetchall())
    versions = hide_small_cells(versions, settings.suppression_threshold, levels)
    _insert_history(con, versions)
    _insert_observations(con, [v for v in versions if v.is_latest])
    _insert_sources(con)
    _insert_coverage(con, settings)
    # Last: the submission rows just replaced change the figures every mart is built from.
    build_marts(con, settings)


def mark_latest(versions: list[Version]) -> list[Version]:
    """Real submissions win over demo ones; within a status the latest load wins. A key whose
    values (or qualifiers) differ between loads of that status is a revision."""
    groups: dict[Key, list[Version]] = defaultdict(list)
    for version in versions:
        groups[version.key].append(version)
    out = []
    for group in groups.values():
        latest = max(group, key=lambda v: (v.status == "submitted", v.load_id, v.row_number))
        same_status = {(v.value, v.qualifier) for v in group if v.status == latest.status}
        revised = len(same_status) > 1
        out += [replace(v, is_latest=v is latest, revision=revised) for v in group]
    return out


def hide_small_cells(
    versions: list[Version], threshold: int, levels: dict[str, str]
) -> list[Version]:
    """Suppress the latest values, and in history hide any value that was hidden in the table
    as it stood after its own load (so old releases cannot be differenced either). A key hidden
    now is hidden in every version."""
    hidden: set[tuple[Key, int]] = set()
    for load in sorted({v.load_id for v in versions}):
        snapshot = _snapshot(versions, load)
        cells = [Cell(key, v.value, v.is_people) for key, v in snapshot.items()]
        hidden |= {(key, snapshot[key].load_id) for key in suppress(cells, threshold, levels)}
    current = {v.key for v in versions if v.is_latest and (v.key, v.load_id) in hidden}
    return [
        replace(v, suppressed=(v.key, v.load_id) in hidden or v.key in current)
        for v in versions
    ]


def _rank(v: Version) -> tuple[bool, int, int]:
    return (v.status == "submitted", v.load_id, v.row_number)


def _snapshot(versions: list[Version], load: int) -> dict[Key, Version]:
    """The table as published right after ``load``: latest value per key among loads so far."""
    best: dict[Key, Version] = {}
    for v in versions:
        held = best.get(v.key)
        if v.load_id <= load and (held is None or _rank(v) > _rank(held)):
            best[v.key] = v
    return best


def observation_id(v: Version) -> str:
    natural = "|".join(("submission", v.indicator_id, v.geography, v.breakdown, v.quarter))
    return "sub-" + hashlib.sha256(natural.encode()).hexdigest()[:16]


def source_id(load_id: int, status: str) -> str:
    return f"{'demo' if status == 'demo' else 'submission'}-{load_id}"


def _insert_history(con: duckdb.DuckDBPyConnection, versions: list[Version]) -> None:
    rows = [
        (v.indicator_id, v.geography, v.breakdown, v.quarter, v.period_start, v.period_end,
         None if v.suppressed else v.value, v.qualifier, v.unit, v.suppressed, v.status,
         v.load_id, v.loaded_at, v.file, v.program, None if v.suppressed else v.note,
         v.is_latest, v.revision)
        for v in versions
    ]
    if rows:
        insert_values(con, "marts.observation_history", None, rows)


def _status(v: Version) -> str:
    if v.status == "demo":
        return "demo"
    return "revised" if v.revision else "submitted"


def _insert_observations(con: duckdb.DuckDBPyConnection, latest: list[Version]) -> None:
    rows = [
        (observation_id(v), v.indicator_id, v.geography, v.breakdown, v.period_start,
         v.period_end, "stated", None if v.suppressed else v.value, v.qualifier, v.unit,
         source_id(v.load_id, v.status), f"{v.file}, row {v.row_number}", _status(v),
         v.suppressed, None, v.load_id, v.revision,
         None if v.suppressed else v.note, None if v.suppressed else v.note)
        for v in latest
    ]
    if rows:
        insert_values(con, "marts.observations", OBSERVATION_COLUMNS, rows)


OBSERVATION_COLUMNS = (
    "observation_id", "indicator_id", "geography", "breakdown", "period_start", "period_end",
    "period_basis", "value", "qualifier", "unit", "source_id", "locator", "status", "suppressed",
    "series_id", "load_id", "revision", "note_en", "note_fr",
)


_SOURCES_SQL = """
INSERT INTO meta.sources (source_id, title, publisher, publisher_fr, language, published,
    published_about, url, sha256, raw_file, kind, tier, edition_en, edition_fr)
SELECT CASE WHEN s.status = 'demo' THEN 'demo-' ELSE 'submission-' END || l.load_id,
       CASE WHEN s.status = 'demo' THEN 'DEMONSTRATION quarterly submission ' ELSE
            'Quarterly submission ' END || l.file,
       string_agg(DISTINCT s.program, '; ' ORDER BY s.program),
       string_agg(DISTINCT s.program, '; ' ORDER BY s.program),
       'en', strftime(l.loaded_at, '%Y-%m-%d'), false, NULL, coalesce(l.sha256, ''),
       'submissions/' || l.file,
       CASE WHEN s.status = 'demo' THEN 'demo' ELSE 'submission' END, NULL,
       CASE WHEN s.status = 'demo' THEN 'DEMONSTRATION data, load ' ELSE 'Submission, load '
            END || l.load_id,
       CASE WHEN s.status = 'demo' THEN 'Données de DÉMONSTRATION, chargement '
            ELSE 'Soumission, chargement ' END || l.load_id
FROM meta.loads AS l JOIN staging.submission_rows AS s USING (load_id)
GROUP BY l.load_id, l.file, l.loaded_at, l.sha256, s.status
"""


def _insert_sources(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(_SOURCES_SQL)


def _insert_coverage(con: duckdb.DuckDBPyConnection, settings: Settings) -> None:
    """Expected: every indicator that accepts submissions, every quarter from the start of the
    strategy to the latest quarter anyone has submitted."""
    latest = con.execute("SELECT max(period_start) FROM staging.submission_rows").fetchone()
    if latest is None or latest[0] is None:
        return
    first = FiscalQuarter.from_date(settings.strategy_start)
    quarters = list(FiscalQuarter.range(first, FiscalQuarter.from_date(latest[0])))
    con.execute("CREATE OR REPLACE TEMP TABLE _quarters (quarter VARCHAR, s DATE, e DATE)")
    con.executemany("INSERT INTO _quarters VALUES (?, ?, ?)",
                    [(q.label, q.start, q.end) for q in quarters])
    con.execute(_COVERAGE_SQL)
    con.execute("DROP TABLE _quarters")


_COVERAGE_SQL = """
INSERT INTO marts.submission_coverage
WITH submitted AS (
    SELECT indicator_id, quarter, max(load_id) AS load_id,
           CASE WHEN bool_or(status = 'submitted') THEN 'submitted' ELSE 'demo' END AS status
    FROM staging.submission_rows GROUP BY indicator_id, quarter
)
SELECT i.indicator_id, q.quarter, q.s, q.e, s.load_id IS NOT NULL, s.load_id, s.status
FROM marts.indicators AS i CROSS JOIN _quarters AS q
LEFT JOIN submitted AS s ON s.indicator_id = i.indicator_id AND s.quarter = q.quarter
WHERE i.pillar_id IS NOT NULL
ORDER BY i.indicator_id, q.s
"""
