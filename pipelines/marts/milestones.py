"""Deliverables with a history: ``marts.milestone_status`` and ``marts.milestone_quarters``
(docs/architecture.md › Contract), built from the records in ``staging.milestone_records``.

A deliverable's status is a dated record, not a cell. Whoever takes records in (the quarterly
submission's deliverables sheet, the staff web form) checks them with :func:`check_record`
and appends them to ``staging.milestone_records``, one row per record:

=============  ========  ======================================================================
column         required  what
=============  ========  ======================================================================
milestone_id   yes       a ``marts.milestones`` id, e.g. ``awareness-a1``
status         yes       ``not_reported``, ``planned``, ``in_progress``, ``done`` or ``at_risk``
as_of          yes       the day the status was true (ISO date; not before the strategy began,
                         not after the day it is recorded)
recorded_by    yes       the program (submission) or staff account that reported it
source         yes       ``submission``, ``staff`` or ``demo``
note           no        plain text, what was done or what is in the way
evidence_url   no        an ``http://`` or ``https://`` address of the evidence
due_date       no        the day the deliverable is due, when the record says
load_id        no        the ``meta.loads`` row of a submission file
recorded_at    yes       when the tracker accepted the record (a timestamp)
=============  ========  ======================================================================

Records are never edited or deleted: a correction is a newer record. The build step
:func:`build_milestone_status` (run by :func:`pipelines.marts.build_marts` at the end of every
write) turns them into rows with :func:`history_rows` and :func:`quarter_rows` (pure).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from datetime import date, datetime
from typing import Any, Final
from urllib.parse import urlparse

import duckdb

from pipelines import sql
from pipelines.errors import Problem
from pipelines.periods import FiscalQuarter
from pipelines.problem_codes import Code, Said
from pipelines.settings import Settings
from pipelines.vocabulary import MILESTONE_RECORD_SOURCES, MILESTONE_STATUSES

RECORDS_TABLE: Final = "staging.milestone_records"
REFERENCE: Final = "reference"
# Sources a record may come from (the starting status is the build's own).
RECORD_SOURCES: Final = tuple(s for s in MILESTONE_RECORD_SOURCES if s != REFERENCE)
NOTE_LIMIT: Final = 2000


@dataclass(frozen=True)
class MilestoneRecord:
    """One status record of one deliverable (the row format of ``staging.milestone_records``)."""

    milestone_id: str
    status: str
    as_of: date
    recorded_by: str
    source: str
    note: str | None = None
    evidence_url: str | None = None
    due_date: date | None = None
    load_id: int | None = None
    recorded_at: datetime | None = None


@dataclass(frozen=True)
class HistoryRow:
    """One row of ``marts.milestone_status``."""

    milestone_id: str
    status: str
    as_of: date
    note: str | None
    evidence_url: str | None
    recorded_by: str
    source: str
    due_date: date | None
    load_id: int | None
    recorded_at: datetime | None
    sequence: int
    is_latest: bool


def check_record(record: MilestoneRecord, known: Iterable[str], *, today: date,
                 strategy_start: date, file: str, row: int) -> list[Problem]:
    """Every problem of one record, each at ``FILE:ROW:COLUMN`` (empty: valid)."""
    found: list[tuple[str, Said]] = []
    if record.milestone_id not in set(known):
        found.append(("milestone_id", (Code.UNKNOWN_DELIVERABLE,
                                       {"value": record.milestone_id[:40]})))
    if record.status not in MILESTONE_STATUSES:
        found.append(("status", (Code.STATUS_NOT_ALLOWED, {"value": record.status[:40],
                                                           "allowed": MILESTONE_STATUSES})))
    if record.source not in RECORD_SOURCES:
        found.append(("source", (Code.SOURCE_NOT_ALLOWED, {"value": record.source[:40],
                                                           "allowed": RECORD_SOURCES})))
    if record.as_of > today:
        found.append(("as_of", (Code.AS_OF_FUTURE, {"date": record.as_of})))
    if record.as_of < strategy_start:
        found.append(("as_of", (Code.AS_OF_BEFORE_START, {"date": record.as_of,
                                                          "start": strategy_start})))
    if not record.recorded_by.strip():
        found.append(("recorded_by", (Code.RECORDED_BY_EMPTY, {})))
    if record.evidence_url and urlparse(record.evidence_url).scheme not in ("http", "https"):
        found.append(("evidence_url", (Code.EVIDENCE_URL_SCHEME, {})))
    if record.note and len(record.note) > NOTE_LIMIT:
        found.append(("note", (Code.NOTE_TOO_LONG, {"limit": NOTE_LIMIT})))
    return [Problem(file, row, column, code, **values) for column, (code, values) in found]


def _order(record: MilestoneRecord) -> tuple[date, datetime, int]:
    return record.as_of, record.recorded_at or datetime.min, record.load_id or 0


def history_rows(starting: Sequence[MilestoneRecord],
                 records: Sequence[MilestoneRecord]) -> list[HistoryRow]:
    """Each deliverable's starting status, then its records oldest first (by ``as_of``, then
    the time they were recorded); the last one is the latest."""
    by_milestone: dict[str, list[MilestoneRecord]] = {s.milestone_id: [s] for s in starting}
    for record in sorted(records, key=_order):
        by_milestone.setdefault(record.milestone_id, []).append(record)
    rows = []
    for rows_of_one in by_milestone.values():
        last = len(rows_of_one)
        rows += [HistoryRow(r.milestone_id, r.status, r.as_of, r.note, r.evidence_url,
                            r.recorded_by, r.source, r.due_date, r.load_id, r.recorded_at,
                            i, i == last) for i, r in enumerate(rows_of_one, start=1)]
    return rows


def state_of(status: str, due_date: date | None, day: date) -> str:
    """How the reviews read a status on ``day``: ``late`` is at risk, or not done by its due
    date (pipelines.vocabulary.DELIVERABLE_STATES)."""
    if status == "done":
        return "done"
    if status == "at_risk" or (due_date is not None and due_date <= day):
        return "late"
    return status


def _in_force(rows: Sequence[HistoryRow], day: date) -> tuple[HistoryRow | None, date | None]:
    """The row in force at the end of ``day`` and the latest due date recorded by then."""
    known = [r for r in rows if r.as_of <= day]
    due = next((r.due_date for r in reversed(known) if r.due_date is not None), None)
    return (known[-1] if known else None), due


def quarter_rows(history: Sequence[HistoryRow], pillars: dict[str, str],
                 quarters: Sequence[FiscalQuarter]) -> list[dict[str, object]]:
    """Each deliverable at the end of each quarter, and what changed during it."""
    by_milestone: dict[str, list[HistoryRow]] = {}
    for row in history:
        by_milestone.setdefault(row.milestone_id, []).append(row)
    out: list[dict[str, object]] = []
    for milestone_id, rows in by_milestone.items():
        if milestone_id not in pillars:
            continue  # records are checked on the way in; a stray id is never shown
        for quarter in quarters:
            now, due = _in_force(rows, quarter.end)
            before, due_before = _in_force(rows, quarter.previous().end)
            if now is None:
                continue
            status_before = before.status if before else "not_reported"
            state_before = state_of(status_before, due_before, quarter.previous().end)
            state = state_of(now.status, due, quarter.end)
            out.append({
                "milestone_id": milestone_id, "pillar_id": pillars[milestone_id],
                "as_of_quarter": quarter.label, "quarter_end": quarter.end,
                "is_latest": quarter == quarters[-1], "status": now.status,
                "status_as_of": now.as_of, "due_date": due, "state": state,
                "status_previous": status_before, "state_previous": state_before,
                "status_changed": now.status != status_before,
                "fell_overdue": state == "late" and state_before != "late",
                "note": now.note, "recorded_by": now.recorded_by, "source": now.source})
    return out


def _records(con: duckdb.DuckDBPyConnection, query: str) -> list[dict[str, Any]]:
    cursor = con.execute(query)
    columns = [d[0] for d in cursor.description or ()]
    return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]


def _starting(con: duckdb.DuckDBPyConnection, settings: Settings) -> list[MilestoneRecord]:
    """The status each deliverable starts with. Built once from marts.milestones (as loaded
    from data/reference) and kept by later writes, which change marts.milestones."""
    kept = _records(con, "SELECT * FROM marts.milestone_status WHERE source = 'reference' "
                         "ORDER BY milestone_id")
    if kept:
        return [MilestoneRecord(r["milestone_id"], r["status"], r["as_of"], r["recorded_by"],
                                REFERENCE, r["note"]) for r in kept]
    return [MilestoneRecord(r["milestone_id"], r["status"],
                            r["status_date"] or settings.strategy_start, r["source_id"],
                            REFERENCE, r["note"])
            for r in _records(con, "SELECT milestone_id, status, status_date, source_id, note "
                                   "FROM marts.milestones ORDER BY milestone_id")]


def stored_records(con: duckdb.DuckDBPyConnection) -> list[MilestoneRecord]:
    """Every record of ``staging.milestone_records`` (none in a database that predates it)."""
    if not sql.table_exists(con, RECORDS_TABLE):
        return []
    return [MilestoneRecord(**r) for r in _records(con, f"SELECT * FROM {RECORDS_TABLE}")]  # noqa: S608 (a constant)


def _apply_latest(con: duckdb.DuckDBPyConnection, settings: Settings) -> None:
    con.execute("""
        UPDATE marts.milestones AS m
        SET status = s.status, status_date = s.as_of, note = coalesce(s.note, m.note)
        FROM marts.milestone_status AS s
        WHERE s.milestone_id = m.milestone_id AND s.is_latest AND s.source <> 'reference'""")
    # A deliverable left with no record (a snapshot leaves demonstration records out, a plain
    # build drops them) returns to its starting status. The starting row's as_of is the
    # strategy's start when the reference gave no date, so that date reads as none.
    con.execute("""
        UPDATE marts.milestones AS m
        SET status = s.status, note = s.note,
            status_date = CASE WHEN s.as_of = $start THEN NULL ELSE s.as_of END
        FROM marts.milestone_status AS s
        WHERE s.milestone_id = m.milestone_id AND s.is_latest AND s.source = 'reference'""",
                {"start": settings.strategy_start})


def build_milestone_status(con: duckdb.DuckDBPyConnection, settings: Settings) -> None:
    """Replace ``marts.milestone_status`` and ``marts.milestone_quarters`` from the records,
    and set ``marts.milestones.status``/``status_date`` to each deliverable's latest record.
    The quarters are those of ``marts.progress`` (build it first)."""
    history = history_rows(_starting(con, settings), stored_records(con))
    con.execute("DELETE FROM marts.milestone_status")
    sql.insert_rows(con, "marts.milestone_status", [asdict(r) for r in history])
    _apply_latest(con, settings)
    pillars = dict(con.execute("SELECT milestone_id, pillar_id FROM marts.milestones").fetchall())
    labels = [r[0] for r in con.execute(
        "SELECT DISTINCT as_of_quarter FROM marts.progress ORDER BY 1").fetchall()]
    con.execute("DELETE FROM marts.milestone_quarters")
    sql.insert_rows(con, "marts.milestone_quarters", quarter_rows(
        history, pillars, [FiscalQuarter.parse(label) for label in labels]))
