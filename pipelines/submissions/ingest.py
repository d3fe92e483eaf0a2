"""Load submission files: all files are checked first, then written in one transaction to a
copy of the database that replaces the served file only when complete.

Outcomes recorded in ``meta.loads``: 'accepted' (rows kept in staging.submission_rows),
'unchanged' (the same bytes were accepted before) and 'rejected' (nothing but the load record is
written; the file and an error report are kept under ``<submissions>/rejected/``).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import duckdb

from pipelines.errors import DatabaseNotBuilt, DataRejected, Problem
from pipelines.periods import FiscalQuarter
from pipelines.settings import Settings
from pipelines.sources.raw import sha256_of
from pipelines.sql import insert_values
from pipelines.submissions.publish import publish
from pipelines.submissions.read import read_table
from pipelines.submissions.validate import Reference, SubmissionRow, validate_table

_UNITS_SQL = """
SELECT i.indicator_id, u.kind FROM marts.indicators AS i JOIN marts.units AS u USING (unit)
WHERE i.pillar_id IS NOT NULL
"""


@dataclass
class CheckedFile:
    name: str  # as given on the command line (problems refer to it)
    path: Path
    sha256: str
    rows: list[SubmissionRow] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    outcome: str = ""
    load_id: int = 0
    message: str = ""


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
    )


def check_file(name: str, path: Path, settings: Settings, ref: Reference) -> CheckedFile:
    if not path.is_file():
        return CheckedFile(name, path, "", problems=[Problem(name, 0, "-", "file not found")])
    checked = CheckedFile(name, path, sha256_of(path))
    table = read_table(path, name, settings.max_submission_bytes)
    checked.rows, checked.problems = validate_table(name, table, ref)
    return checked


def ingest(
    files: Sequence[tuple[str, Path]],
    settings: Settings,
    *,
    today: date | None = None,
    now: datetime | None = None,
) -> list[CheckedFile]:
    """Check and load ``files`` ((name, path) pairs). Raises DataRejected when any file fails,
    after recording the attempt."""
    if not settings.db_path.exists():
        raise DatabaseNotBuilt(f"no database at {settings.db_path}; run: python -m pipelines build")
    with duckdb.connect(str(settings.db_path), read_only=True) as con:
        ref = load_reference(con, settings, today or date.today())
    checked = [check_file(name, path, settings, ref) for name, path in files]
    rejected = any(c.problems for c in checked)
    with _working_copy(settings.db_path) as con:
        if rejected:
            _record_rejection(con, checked, now or datetime.now())
        else:
            _load(con, checked, now or datetime.now())
            publish(con, settings)
    if rejected:
        _keep_rejected(checked, settings.submissions_dir / "rejected")
        raise DataRejected([p for c in checked for p in c.problems])
    return checked


@contextmanager
def _working_copy(db_path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-write copy next to the served file, swapped in only after a clean commit, so the
    dashboard never sees a half-written database."""
    fd, temp_name = tempfile.mkstemp(prefix=f".{db_path.name}.", dir=db_path.parent)
    os.close(fd)
    temp = Path(temp_name)
    try:
        shutil.copyfile(db_path, temp)
        con = duckdb.connect(str(temp))
        try:
            con.execute("BEGIN TRANSACTION")
            yield con
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        finally:
            con.close()
        os.replace(temp, db_path)
    finally:
        temp.unlink(missing_ok=True)


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
            c.message = "\n".join(str(p) for p in sorted(set(c.problems)))
            bad_rows = len({p.row for p in c.problems if p.row > 1})
        else:
            c.message = f"not loaded: another file in the same ingest was rejected ({failed})"
            bad_rows = 0
        _insert_load(con, c, now, 0, bad_rows)


def _load(con: duckdb.DuckDBPyConnection, checked: list[CheckedFile], now: datetime) -> None:
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
        _insert_load(con, c, now, len(c.rows), 0)
        seen[c.sha256] = c.load_id
        insert_rows(con, c.load_id, c.path.name, c.rows, "submitted")


def insert_rows(
    con: duckdb.DuckDBPyConnection, load_id: int, file: str, rows: list[SubmissionRow], status: str
) -> None:
    insert_values(
        con,
        "staging.submission_rows",
        None,
        [
            (load_id, file, r.row_number, r.indicator_id, r.geography, r.breakdown,
             r.quarter.label, r.quarter.start, r.quarter.end, r.value, r.qualifier,
             r.note or None, r.program, status)
            for r in rows
        ],
    )


def _keep_rejected(checked: list[CheckedFile], folder: Path) -> None:
    """Keep each failing file with its report so staff can fix it and send it again."""
    folder.mkdir(parents=True, exist_ok=True)
    for c in checked:
        if not c.problems or not c.path.is_file():
            continue
        stem = f"load-{c.load_id}-{c.path.name}"
        shutil.copyfile(c.path, folder / stem)
        report = [f"Rejected {c.name} (load {c.load_id}). Fix every line and send it again:", ""]
        report += [str(p) for p in sorted(set(c.problems))]
        (folder / f"{stem}.errors.txt").write_text("\n".join(report) + "\n", encoding="utf-8")
