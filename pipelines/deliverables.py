"""One deliverable status from the staff web form, through the one writer.

The form's record is checked by :func:`pipelines.marts.milestones.check_record`, the check a
submission's deliverables section goes through, and appended to
``staging.milestone_records``; the writer then recomputes the marts, so the status is the
deliverable's latest as soon as the write is swapped in (docs/architecture.md › One writer).
"""

from __future__ import annotations

from dataclasses import asdict, replace
from datetime import date, datetime
from typing import Final

import duckdb

from pipelines import sql, writer
from pipelines.errors import DataRejected, Problem
from pipelines.marts.milestones import RECORDS_TABLE, MilestoneRecord, check_record
from pipelines.release.snapshot import open_read_only
from pipelines.settings import Settings

FORM: Final = "deliverable form"
SOURCE: Final = "staff"


def record_deliverable(settings: Settings, record: MilestoneRecord, *,
                       today: date | None = None) -> None:
    """Append ``record`` as a staff record (``source``, ``load_id`` and ``recorded_at`` are
    set here). Raises :class:`DataRejected` with every problem, writing nothing, when it is
    invalid; :class:`pipelines.writer.WriterBusy` when another write holds the database."""
    day = today or date.today()
    # Checked first against the served version, so a form with a mistake neither waits for
    # the writer nor copies the database; checked again inside the lock, against the version
    # the record is written into.
    with open_read_only(settings.db_path) as served:
        _raise_problems(served, settings, record, day)
    with writer.transaction(settings, reason=f"deliverable status {record.milestone_id[:40]}",
                            actor=record.recorded_by) as con:
        staff = replace(record, source=SOURCE, load_id=None, recorded_at=datetime.now())
        _raise_problems(con, settings, staff, day)
        sql.insert_rows(con, RECORDS_TABLE, [asdict(staff)])


def _raise_problems(con: duckdb.DuckDBPyConnection, settings: Settings,
                    record: MilestoneRecord, today: date) -> None:
    problems = check(con, settings, replace(record, source=SOURCE), today)
    if problems:
        raise DataRejected(problems)


def check(con: duckdb.DuckDBPyConnection, settings: Settings, record: MilestoneRecord,
          today: date) -> list[Problem]:
    """Every problem of ``record`` against the deliverables of ``con``, each as
    ``deliverable form:1:COLUMN: message``."""
    known = [r[0] for r in con.execute("SELECT milestone_id FROM marts.milestones").fetchall()]
    return check_record(record, known, today=today, strategy_start=settings.strategy_start,
                        file=FORM, row=1)
