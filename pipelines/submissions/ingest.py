"""Load submission files through the one writer (docs/architecture.md › One writer).

Each file is read once and checked once, before any lock: staged and validated in SQL in a
private in-memory DuckDB against the reference data of the served version (opened
read-only). Then:

* when any file has a problem, the attempt is recorded without the writer's lock and without
  touching the served database (:func:`record_refusal`: load ids and the record in
  :mod:`.journal`, which the next write copies into ``meta.loads``; the file and its report
  under ``<submissions>/rejected/``), so a refusal never waits for a build, never delays a
  write and leaves ``data_version`` as it was;
* otherwise the writer's lock is taken and the checked rows load (one ``INSERT … SELECT``
  each, their deliverable statuses into ``staging.milestone_records``, then ``publish``).
  Should the reference data have changed since the check (a build in between), the files
  are checked again, inside the lock, against the version they will change.

Load ids come from :mod:`.journal`, so refusals and loads never share one. Outcomes in
``meta.loads``: 'accepted' (rows kept in staging.submission_rows), 'unchanged' (the same bytes
were accepted before) and 'rejected' (nothing but the load record).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field, replace
from datetime import date, datetime
from pathlib import Path

import duckdb

from pipelines import logs, sql, writer
from pipelines.errors import DataRejected, Problem
from pipelines.marts.milestones import RECORDS_TABLE, MilestoneRecord
from pipelines.periods import FiscalQuarter, sql_macros
from pipelines.release.snapshot import open_read_only
from pipelines.settings import Settings
from pipelines.sources.raw import sha256_of
from pipelines.submissions import journal, read, report
from pipelines.submissions.deliverables import check_deliverables
from pipelines.submissions.publish import publish
from pipelines.submissions.validate import Reference, drop_work_tables, validate

_UNITS_SQL = """
SELECT i.indicator_id, u.kind FROM marts.indicators AS i JOIN marts.units AS u USING (unit)
WHERE i.pillar_id IS NOT NULL ORDER BY 1
"""

# Valid rows of one file (from validate, via Arrow) into the kept history. The quarter's dates
# come from its ordinal through the fiscal calendar's macros (pipelines.periods.sql_macros),
# computed once per quarter rather than per row.
_INSERT_SQL = """
INSERT INTO staging.submission_rows
WITH quarters AS (
    SELECT q_ord, fiscal_quarter_start(q_ord) AS s, fiscal_quarter_end(q_ord) AS e
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
    """A rejected ingest: ``problems`` is the bounded report, ``total`` counts them all,
    ``load_ids`` are the ids its files were recorded under."""

    outcome = "rejected"

    def __init__(self, problems: list[Problem], total: int,
                 load_ids: Sequence[int] = ()) -> None:
        super().__init__(problems)
        self.total = total
        self.load_ids = list(load_ids)
        self.args = (f"{total:,} problem(s) found; nothing was written",)


# Called inside the writer's lock once load ids are given, before the new version is
# swapped in (the staff area notes what it is about to load, to reconcile after a crash).
BeforeSwap = Callable[[list["CheckedFile"]], None]


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
               settings: Settings, ref: Reference, *, cells: Path | None = None,
               keep_cells: Path | None = None) -> CheckedFile:
    """Stage and validate one file: its valid figure rows stay in TEMP table
    ``sub_valid_<index>``, its deliverable statuses in ``CheckedFile.records``. The file is
    parsed unless ``cells`` holds its cells as staged before (:func:`.read.save_cells`);
    ``keep_cells`` is where to save them for a later check."""
    if not path.is_file():
        missing = Problem(name, 0, "-", "file not found")
        return CheckedFile(name, path, "", problems=[missing], problem_count=1)
    checked = CheckedFile(name, path, sha256_of(path))
    if cells is not None and read.has_cells(cells):
        parts = read.restage_parts(con, cells, name)
    else:
        parts = read.stage_parts(con, path, name, settings)
        if keep_cells is not None and not any(p.problems for p in parts):
            read.save_cells(con, keep_cells)
    for part in parts:
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
    actor: str = writer.COMMAND_LINE,
    cells: Sequence[Path | None] | None = None,
    before_swap: BeforeSwap | None = None,
) -> list[CheckedFile]:
    """Check and load ``files`` ((name, path) pairs; ``cells``: for each, a folder holding
    its cells as staged before, or None). Raises :class:`SubmissionRejected` when any file
    fails, after recording the attempt (without the writer's lock)."""
    day, moment = today or date.today(), now or datetime.now()
    folders = list(cells or [None] * len(files))
    names = ", ".join(path.name for _, path in files)
    with duckdb.connect() as staging:
        with open_read_only(settings.db_path) as served:
            ref = load_reference(served, settings, day)
        checked = _check_all(staging, files, folders, settings, ref)
        if any(c.problems for c in checked):
            record_refusal(settings, checked, now=moment, actor=actor)
        with writer.transaction(settings, reason=f"ingest of {names}", marts=False,
                                actor=actor) as con:
            if load_reference(con, settings, day) != ref:  # a build came in between
                checked = _check_all(staging, files, folders, settings,
                                     load_reference(con, settings, day))
                if any(c.problems for c in checked):
                    _refuse(settings, checked, moment, journal.highest_load_id(con))
            _load(con, staging, checked, moment, settings.db_path)
            writer.note(outcome=checked[0].outcome if len(checked) == 1 else "accepted",
                        detail=", ".join(f"load {c.load_id}: {c.outcome}, {c.rows} rows, "
                                         f"{c.deliverables} deliverable(s)" for c in checked))
            if before_swap is not None:
                before_swap(checked)
            publish(con, settings)  # recomputes the marts too
    return checked


def _check_all(staging: duckdb.DuckDBPyConnection, files: Sequence[tuple[str, Path]],
               folders: Sequence[Path | None], settings: Settings,
               ref: Reference) -> list[CheckedFile]:
    return [check_file(staging, i, name, path, settings, ref, cells=folder)
            for i, ((name, path), folder) in enumerate(zip(files, folders, strict=True))]


def record_refusal(settings: Settings, checked: list[CheckedFile], *,
                   now: datetime | None = None, actor: str = writer.COMMAND_LINE) -> None:
    """Record a refused ingest of ``checked`` (at least one has problems) without the
    writer's lock, log it, and raise :class:`SubmissionRejected`."""
    version = writer.data_version if settings.db_path.exists() else None
    with logs.logged(f"ingest of {', '.join(c.path.name for c in checked)}", actor,
                     (lambda: version(settings.db_path)) if version else None) as write:
        with open_read_only(settings.db_path) as served:
            highest = journal.highest_load_id(served)
        try:
            _refuse(settings, checked, now or datetime.now(), highest)
        except SubmissionRejected as rejected:
            write.detail = f"load {', '.join(map(str, rejected.load_ids))}: " \
                           f"{rejected.total:,} problem(s)"
            raise


def _refuse(settings: Settings, checked: list[CheckedFile], now: datetime,
            highest: int) -> None:
    """Give each file a load id, keep the failing ones under ``rejected/`` and record the
    attempt in the journal; then raise :class:`SubmissionRejected`."""
    ids = journal.new_load_ids(settings.db_path, highest, len(checked))
    failed = ", ".join(c.name for c in checked if c.problems)
    for c, load_id in zip(checked, ids, strict=True):
        c.outcome, c.load_id = "rejected", load_id
        c.message = (report.load_message(c.problems) if c.problems else
                     f"not loaded: another file in the same ingest was rejected ({failed})")
    _keep_rejected(checked, settings.submissions_dir / "rejected")
    journal.record(settings.db_path, [
        journal.Refused(c.load_id, c.path.name, c.sha256 or None, now,
                        c.bad_rows if c.problems else 0, c.message) for c in checked])
    raise SubmissionRejected([p for c in checked for p in c.problems],
                             sum(c.problem_count for c in checked), ids)


def _insert_load(con: duckdb.DuckDBPyConnection, c: CheckedFile, now: datetime, db: Path,
                 accepted: int, rejected: int) -> None:
    (c.load_id,) = journal.new_load_ids(db, journal.highest_load_id(con))
    con.execute(
        "INSERT INTO meta.loads VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [c.load_id, c.path.name, c.sha256 or None, now, accepted, rejected, c.outcome,
         c.message or None],
    )


def _load(con: duckdb.DuckDBPyConnection, staging: duckdb.DuckDBPyConnection,
          checked: list[CheckedFile], now: datetime, db: Path) -> None:
    seen: dict[str, int] = dict(
        con.execute(
            "SELECT sha256, min(load_id) FROM meta.loads WHERE outcome = 'accepted' GROUP BY 1"
        ).fetchall()
    )
    for c in checked:
        if c.sha256 in seen:
            c.outcome, c.message = "unchanged", f"identical to load {seen[c.sha256]}"
            _insert_load(con, c, now, db, 0, 0)
            continue
        c.outcome = "accepted"
        # rows_accepted counts the rows of the file that were kept, whichever table they
        # went to, as rows_rejected counts the rows of every part.
        _insert_load(con, c, now, db, c.rows + c.deliverables, 0)
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
    # The writer's sessions have the calendar's macros already; a connection opened
    # elsewhere (the demonstration rows added to a build) gets them here.
    con.execute(sql_macros())
    try:
        con.execute(_INSERT_SQL.format(table="sub_incoming"),
                    {"load_id": load_id, "file": file, "status": status})
    finally:
        con.unregister("sub_incoming")


def _keep_rejected(checked: list[CheckedFile], folder: Path) -> None:
    """Keep each failing file with its report so staff can fix it and send it again. Each is
    written under a temporary name and renamed: whoever lists the folder sees whole files."""
    folder.mkdir(parents=True, exist_ok=True)
    for c in checked:
        if not c.problems or not c.path.is_file():
            continue
        stem = f"load-{c.load_id}-{c.path.name}"
        lines = [f"Rejected {c.name} (load {c.load_id}): {c.problem_count:,} problem(s). "
                 "Fix every line and send it again:", ""]
        lines += report.lines(c.problems)
        temporary = folder / f".{stem}.{os.getpid()}.tmp"
        shutil.copyfile(c.path, temporary)
        os.replace(temporary, folder / stem)
        temporary.write_text("\n".join(lines) + "\n", encoding="utf-8")
        os.replace(temporary, folder / f"{stem}.errors.txt")
