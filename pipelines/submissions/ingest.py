"""Load submission files through the one writer (docs/architecture.md › One writer).

Inside the writer's lock every file is staged and validated in SQL, in a private in-memory
DuckDB (a file DuckDB's CSV reader refuses must not abort the writer's transaction, and the
checks see the reference data of the very version they will change); then either all of
them load (one ``INSERT … SELECT`` each, their deliverable statuses into
``staging.milestone_records``, then ``publish``) or, when any has a problem, only the attempt
is recorded. Load ids are taken inside the lock, so concurrent ingests never share one.

Outcomes recorded in ``meta.loads``: 'accepted' (rows kept in staging.submission_rows),
'unchanged' (the same bytes were accepted before) and 'rejected' (nothing but the load record is
written; the file and an error report are kept under ``<submissions>/rejected/``).
"""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field, replace
from datetime import date, datetime
from pathlib import Path

import duckdb

from pipelines import sql, writer
from pipelines.errors import DataRejected, Problem
from pipelines.marts.milestones import RECORDS_TABLE, MilestoneRecord
from pipelines.periods import FiscalQuarter
from pipelines.settings import Settings
from pipelines.sources.raw import sha256_of
from pipelines.submissions import read, report
from pipelines.submissions.deliverables import check_deliverables
from pipelines.submissions.publish import publish
from pipelines.submissions.validate import Reference, drop_work_tables, validate

_UNITS_SQL = """
SELECT i.indicator_id, u.kind FROM marts.indicators AS i JOIN marts.units AS u USING (unit)
WHERE i.pillar_id IS NOT NULL ORDER BY 1
"""

# Valid rows of one file (from validate, via Arrow) into the kept history. The quarter's dates
# come from its ordinal (fiscal year x 4 + quarter - 1; Q1 starts on 1 April), computed once
# per quarter rather than per row.
_INSERT_SQL = """
INSERT INTO staging.submission_rows
WITH quarters AS (
    SELECT q_ord, (make_date(q_ord // 4, 4, 1) + to_months(3 * (q_ord % 4)))::DATE AS s,
           (make_date(q_ord // 4, 4, 1) + to_months(3 * (q_ord % 4) + 3)
            - INTERVAL 1 DAY)::DATE AS e
    FROM (SELECT DISTINCT q_ord FROM {table})
)
SELECT $load_id, $file, v.rowno, v.indicator_id, v.geography, v.breakdown, v.quarter, q.s, q.e,
       v.value, v.qualifier, v.note, v.program, $status
FROM {table} AS v JOIN quarters AS q USING (q_ord)
"""




@dataclass
class CheckedFile:
    name: str  # as given on the command line (problems refer to it)
    path: Path
    sha256: str
    problems: list[Problem] = field(default_factory=list)  # bounded (see report.py)
    problem_count: int = 0
    bad_rows: int = 0
    rows: int = 0  # valid figure rows
    valid_table: str = ""  # empty when the file has no figures
    deliverables: int = 0  # valid deliverable statuses
    records: list[MilestoneRecord] = field(default_factory=list)  # load_id/recorded_at unset
    outcome: str = ""
    load_id: int = 0
    message: str = ""


class SubmissionRejected(DataRejected):
    """A rejected ingest: ``problems`` is the bounded report, ``total`` counts them all."""

    def __init__(self, problems: list[Problem], total: int) -> None:
        super().__init__(problems)
        self.total = total
        self.args = (f"{total:,} problem(s) found; nothing was written",)


def load_reference(con: duckdb.DuckDBPyConnection, settings: Settings, today: date) -> Reference:
    geographies = con.execute("SELECT geography_id, level FROM marts.geographies").fetchall()
    return Reference(
        units=dict(con.execute(_UNITS_SQL).fetchall()),
        geographies=frozenset(g for g, _ in geographies),
        regions=frozenset(g for g, level in geographies if level == "region"),
        first=FiscalQuarter.from_date(settings.strategy_start),
        last=FiscalQuarter.from_date(settings.strategy_end),
        # The last quarter that has ended: submissions for the current one are not due yet.
        latest_complete=FiscalQuarter.from_date(today).previous(),
        milestones=frozenset(r[0] for r in con.execute(
            "SELECT milestone_id FROM marts.milestones").fetchall()),
        today=today,
        strategy_start=settings.strategy_start,
    )


def check_file(con: duckdb.DuckDBPyConnection, index: int, name: str, path: Path,
               settings: Settings, ref: Reference) -> CheckedFile:
    """Stage and validate one file: its valid figure rows stay in TEMP table
    ``sub_valid_<index>``, its deliverable statuses in ``CheckedFile.records``."""
    if not path.is_file():
        missing = Problem(name, 0, "-", "file not found")
        return CheckedFile(name, path, "", problems=[missing], problem_count=1)
    checked = CheckedFile(name, path, sha256_of(path))
    for part in read.stage_parts(con, path, name, settings):
        if part.kind == read.DELIVERABLES:
            statuses = check_deliverables(con, part, ref)
            checked.problems += statuses.problems
            checked.problem_count += statuses.problem_count
            checked.bad_rows += statuses.bad_rows
            checked.records += statuses.records
        else:
            result = validate(con, name, part, ref, f"sub_valid_{index}")
            checked.problems += result.problems
            checked.problem_count += result.problem_count
            checked.bad_rows += result.bad_rows
            checked.rows, checked.valid_table = result.valid_rows, result.valid_table
    checked.deliverables = len(checked.records)
    drop_work_tables(con)
    return checked


def ingest(
    files: Sequence[tuple[str, Path]],
    settings: Settings,
    *,
    today: date | None = None,
    now: datetime | None = None,
) -> list[CheckedFile]:
    """Check and load ``files`` ((name, path) pairs). Raises :class:`SubmissionRejected` when
    any file fails, after recording the attempt."""
    names = ", ".join(path.name for _, path in files)
    with (writer.transaction(settings, reason=f"ingest of {names}", marts=False) as con,
          duckdb.connect() as staging):
        ref = load_reference(con, settings, today or date.today())
        checked = [check_file(staging, i, name, path, settings, ref)
                   for i, (name, path) in enumerate(files)]
        rejected = any(c.problems for c in checked)
        if rejected:
            _record_rejection(con, checked, now or datetime.now())
            _keep_rejected(checked, settings.submissions_dir / "rejected")
        else:
            _load(con, staging, checked, now or datetime.now())
            publish(con, settings)  # recomputes the marts too
    if rejected:
        raise SubmissionRejected([p for c in checked for p in c.problems],
                                 sum(c.problem_count for c in checked))
    return checked


def _next_load_id(con: duckdb.DuckDBPyConnection) -> int:
    row = con.execute("SELECT coalesce(max(load_id), 0) + 1 FROM meta.loads").fetchone()
    return int(row[0]) if row else 1


def _insert_load(
    con: duckdb.DuckDBPyConnection, c: CheckedFile, now: datetime, accepted: int, rejected: int
) -> None:
    c.load_id = _next_load_id(con)
    con.execute(
        "INSERT INTO meta.loads VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [c.load_id, c.path.name, c.sha256 or None, now, accepted, rejected, c.outcome,
         c.message or None],
    )


def _record_rejection(
    con: duckdb.DuckDBPyConnection, checked: list[CheckedFile], now: datetime
) -> None:
    failed = ", ".join(c.name for c in checked if c.problems)
    for c in checked:
        c.outcome = "rejected"
        if c.problems:
            c.message = report.load_message(c.problems)
        else:
            c.message = f"not loaded: another file in the same ingest was rejected ({failed})"
        _insert_load(con, c, now, 0, c.bad_rows if c.problems else 0)


def _load(con: duckdb.DuckDBPyConnection, staging: duckdb.DuckDBPyConnection,
          checked: list[CheckedFile], now: datetime) -> None:
    seen: dict[str, int] = dict(
        con.execute(
            "SELECT sha256, min(load_id) FROM meta.loads WHERE outcome = 'accepted' GROUP BY 1"
        ).fetchall()
    )
    for c in checked:
        if c.sha256 in seen:
            c.outcome, c.message = "unchanged", f"identical to load {seen[c.sha256]}"
            _insert_load(con, c, now, 0, 0)
            continue
        c.outcome = "accepted"
        # rows_accepted counts the rows of the file that were kept, whichever table they
        # went to, as rows_rejected counts the rows of every part.
        _insert_load(con, c, now, c.rows + c.deliverables, 0)
        seen[c.sha256] = c.load_id
        if c.valid_table:
            insert_rows(con, staging, c.valid_table, c.load_id, c.path.name, "submitted")
        # Before publish, which rebuilds marts.milestone_status from these records.
        sql.insert_rows(con, RECORDS_TABLE, [asdict(replace(r, load_id=c.load_id,
                                                            recorded_at=now))
                                             for r in c.records])


def insert_rows(con: duckdb.DuckDBPyConnection, staging: duckdb.DuckDBPyConnection,
                valid_table: str, load_id: int, file: str, status: str) -> None:
    """Copy the valid rows of one checked file (``valid_table`` in the ``staging``
    connection, from validate) into the kept history of ``con``."""
    # Arrow hands the staged columns over between the two DuckDB instances without
    # converting them row by row.
    con.register("sub_incoming", staging.table(valid_table).to_arrow_table())
    try:
        con.execute(_INSERT_SQL.format(table="sub_incoming"),
                    {"load_id": load_id, "file": file, "status": status})
    finally:
        con.unregister("sub_incoming")


def _keep_rejected(checked: list[CheckedFile], folder: Path) -> None:
    """Keep each failing file with its report so staff can fix it and send it again."""
    folder.mkdir(parents=True, exist_ok=True)
    for c in checked:
        if not c.problems or not c.path.is_file():
            continue
        stem = f"load-{c.load_id}-{c.path.name}"
        shutil.copyfile(c.path, folder / stem)
        lines = [f"Rejected {c.name} (load {c.load_id}): {c.problem_count:,} problem(s). "
                 "Fix every line and send it again:", ""]
        lines += report.lines(c.problems)
        (folder / f"{stem}.errors.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
