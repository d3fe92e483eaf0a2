"""What a submission file would change, without writing anything (the staff upload page shows
it before the file is sent to the ingest).

The file goes through the very checks of an ingest (:func:`.ingest.check_file`: staging,
validation, deliverable statuses) in a private in-memory DuckDB, against the reference data
of the served database opened read-only. No writer lock is taken and nothing is written, so a
preview never waits for a build and never delays one. Each valid figure is then compared with
the value shown now for its key: the latest in ``staging.submission_rows`` by the rule of
:mod:`.publish` (real submissions win over demonstration ones, then the latest load, then the
later row).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Final

import duckdb

from pipelines.errors import Problem
from pipelines.marts.milestones import MilestoneRecord
from pipelines.release.snapshot import open_read_only
from pipelines.settings import Settings
from pipelines.submissions.ingest import CheckedFile, check_file, load_reference

# Rows listed per kind of change (the counts stay exact): a page lists a few hundred at most.
PREVIEW_LIMIT: Final = 500


@dataclass(frozen=True)
class Change:
    """One figure of the file and the value shown now for its key (None: no value yet)."""

    indicator_id: str
    quarter: str
    geography: str
    breakdown: str
    old_value: float | None
    new_value: float
    old_qualifier: str | None
    new_qualifier: str


@dataclass(frozen=True)
class SubmissionPreview:
    """What ingesting the file would do. ``problems`` is bounded as the ingest's report is
    (``problem_count`` counts them all); when there is any, the ingest would load nothing and
    no change is listed. ``rows`` and ``deliverables`` are the figure rows and deliverable
    statuses that passed the checks. When ``identical_to_load`` is set the same bytes were
    accepted before and the ingest would record the file as unchanged: no change is listed
    and every row counts as unchanged."""

    name: str
    sha256: str
    problems: list[Problem]
    problem_count: int
    rows: int
    new_rows: list[Change]  # at most PREVIEW_LIMIT; new_count counts them all
    new_count: int
    revisions: list[Change]  # at most PREVIEW_LIMIT; revision_count counts them all
    revision_count: int
    unchanged_rows: int
    deliverables: list[MilestoneRecord]
    identical_to_load: int | None
    checked: CheckedFile  # what the ingest's checks found: a refusal is recorded from it


# The valid rows (registered as sub_incoming) against the latest stored value of each key.
_COMPARE_SQL = """
WITH latest AS (
    SELECT indicator_id, quarter, geography, breakdown,
           arg_max(value, {'submitted': status = 'submitted', 'load_id': load_id,
                           'row_number': row_number}) AS old_value,
           arg_max(qualifier, {'submitted': status = 'submitted', 'load_id': load_id,
                               'row_number': row_number}) AS old_qualifier,
           true AS stored
    FROM staging.submission_rows
    SEMI JOIN sub_incoming USING (indicator_id, quarter, geography, breakdown)
    GROUP BY ALL
), compared AS (
    SELECT i.indicator_id, i.quarter, i.geography, i.breakdown, l.old_value, i.value,
           l.old_qualifier, i.qualifier,
           CASE WHEN l.stored IS NULL THEN 'new'
                WHEN l.old_value = i.value AND l.old_qualifier = i.qualifier THEN 'unchanged'
                ELSE 'revision' END AS kind
    FROM sub_incoming AS i
    LEFT JOIN latest AS l USING (indicator_id, quarter, geography, breakdown)
)
SELECT * FROM (
    SELECT *, count(*) OVER (PARTITION BY kind) AS n,
           row_number() OVER (PARTITION BY kind
                              ORDER BY indicator_id, quarter, geography, breakdown) AS i
    FROM compared)
WHERE i = 1 OR (kind <> 'unchanged' AND i <= $limit)
ORDER BY kind, i
"""


def preview_submission(settings: Settings, name: str, path: Path, *,
                       today: date | None = None,
                       keep_cells: Path | None = None) -> SubmissionPreview:
    """Check ``path`` (called ``name`` in problems) as an ingest would and say what it would
    change in ``settings.db_path``; writes nothing to it. ``today`` decides which quarters
    are complete, as for the ingest; ``keep_cells`` is a folder where the staged cells are
    kept, so that the Load checks them again without parsing the file again."""
    with open_read_only(settings.db_path) as served, duckdb.connect() as staging:
        ref = load_reference(served, settings, today or date.today())
        checked = check_file(staging, 0, name, path, settings, ref, keep_cells=keep_cells)
        identical = _accepted_before(served, checked.sha256)
        changes: dict[str, tuple[int, list[Change]]] = {}
        if not checked.problems and identical is None and checked.valid_table:
            changes = _compare(served, staging.table(checked.valid_table).to_arrow_table())
    new_count, new_rows = changes.get("new", (0, []))
    revision_count, revisions = changes.get("revision", (0, []))
    unchanged = (changes.get("unchanged", (0, []))[0] if identical is None
                 else checked.rows)
    return SubmissionPreview(
        name=name, sha256=checked.sha256, problems=checked.problems,
        problem_count=checked.problem_count, rows=checked.rows, new_rows=new_rows,
        new_count=new_count, revisions=revisions, revision_count=revision_count,
        unchanged_rows=unchanged, deliverables=checked.records, identical_to_load=identical,
        checked=checked)


def _accepted_before(con: duckdb.DuckDBPyConnection, sha256: str) -> int | None:
    if not sha256:
        return None
    # fetchall, not fetchone: DuckDB refuses to register a table on a connection with a
    # result left unread.
    (first,), = con.execute("SELECT min(load_id) FROM meta.loads WHERE outcome = 'accepted' "
                            "AND sha256 = $sha", {"sha": sha256}).fetchall()
    return None if first is None else int(first)


def _compare(con: duckdb.DuckDBPyConnection,
             incoming: Any) -> dict[str, tuple[int, list[Change]]]:  # a pyarrow.Table
    """(count, first rows) of each kind: 'new', 'revision', 'unchanged' (no rows listed)."""
    # A registered Arrow table is a view of this connection only: nothing is written to the
    # read-only database.
    con.register("sub_incoming", incoming)
    try:
        rows = con.execute(_COMPARE_SQL, {"limit": PREVIEW_LIMIT}).fetchall()
    finally:
        con.unregister("sub_incoming")
    found: dict[str, tuple[int, list[Change]]] = {}
    for (indicator, quarter, geography, breakdown, old_value, value, old_qualifier,
         qualifier, kind, n, _) in rows:
        listed = found.setdefault(kind, (int(n), []))[1]
        if kind != "unchanged":
            listed.append(Change(indicator, quarter, geography, breakdown,
                                 None if old_value is None else float(old_value), float(value),
                                 old_qualifier, qualifier))
    return found
