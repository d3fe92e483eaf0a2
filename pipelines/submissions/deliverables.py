"""The deliverables section of a submission: one dated status per row, checked row by row.

A section is small (a program reports on a few of the strategy's deliverables each quarter),
so its rows are read from the staged cells into Python and each becomes a
:class:`~pipelines.marts.milestones.MilestoneRecord` checked by
:func:`~pipelines.marts.milestones.check_record`, the one check every way in shares (the staff
form too). Problems are coded and placed (``FILE:ROW:COLUMN``) like the figures' and bounded
the same way (:func:`.report.first_of_each`). The ingest gives each record its load and time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Final

import duckdb

from pipelines.errors import Problem
from pipelines.marts.milestones import MilestoneRecord, check_record
from pipelines.problem_codes import Code
from pipelines.submissions import cells, report
from pipelines.submissions.read import Staged
from pipelines.submissions.template import DELIVERABLE_COLUMNS, DELIVERABLE_REQUIRED
from pipelines.submissions.validate import Reference

# A quarter's report names a few dozen deliverables at most (the strategy has 29); a larger
# section is a mistake, and refusing it keeps a hostile file from filling memory.
ROW_LIMIT: Final = 5_000
SOURCE: Final = "submission"
# An ISO date, or an XLSX date cell (a datetime at midnight, as openpyxl reads it).
_DATE: Final = re.compile(r"(\d{4}-\d{2}-\d{2})(?:[T ]00:00(?::00(?:\.0+)?)?)?")
# check_record's name for the program that reported a status, and the file's.
_FILE_COLUMN: Final = {"recorded_by": "program"}


@dataclass
class CheckedDeliverables:
    """The outcome for one deliverables part: bounded problems, how many there were, and the
    records (loadable only when there is no problem)."""

    problems: list[Problem] = field(default_factory=list)
    problem_count: int = 0
    bad_rows: int = 0
    records: list[MilestoneRecord] = field(default_factory=list)


def parse_date(text: str) -> date | None:
    match = _DATE.fullmatch(text)
    if not match:
        return None
    try:
        return date.fromisoformat(match.group(1))
    except ValueError:
        return None


def check_deliverables(con: duckdb.DuckDBPyConnection, staged: Staged,
                       ref: Reference) -> CheckedDeliverables:
    """Check the staged deliverables part ``staged`` (its cells in ``staged.table``)."""
    name = staged.label
    header = check_header(name, staged.header)
    n = cells.width(con, staged.table)
    rows = con.execute(f"SELECT rowid + 1, * FROM {staged.table} "  # noqa: S608 (names from code)
                       f"WHERE rowid + 1 > $after AND {cells.not_blank(n)} ORDER BY rowid "
                       "LIMIT $limit", {"after": staged.header_row, "limit": ROW_LIMIT + 1}
                       ).fetchall()
    if len(rows) > ROW_LIMIT:
        too_many = Problem(name, 0, "-", Code.TOO_MANY_DELIVERABLE_ROWS, limit=ROW_LIMIT)
        return CheckedDeliverables([too_many, *header], 1 + len(header), 0)
    positions = {col: i for i, col in enumerate(staged.header) if col}
    complete = all(col in positions for col in DELIVERABLE_REQUIRED)
    found: list[Problem] = []
    records: list[MilestoneRecord] = []
    first_of: dict[tuple[str, date], int] = {}
    bad = 0
    for rowno, *values in rows:
        problems, record = _check_row(name, int(rowno), [str(v) for v in values], staged.header,
                                      positions, ref)
        if record is not None and complete:
            key = (record.milestone_id, record.as_of)
            if key in first_of:
                problems.append(Problem(name, int(rowno), "-", Code.DUPLICATE_STATUS,
                                        row=first_of[key]))
            else:
                first_of[key] = int(rowno)
                records.append(record)
        found += problems
        bad += bool(problems)
    return CheckedDeliverables(header + report.first_of_each(found), len(header) + len(found),
                               bad, records if complete else [])


def check_header(name: str, header: list[str]) -> list[Problem]:
    return ([Problem(name, 1, col, Code.COLUMN_MISSING, column=col)
             for col in DELIVERABLE_REQUIRED if col not in header]
            + [Problem(name, 1, col, Code.COLUMN_UNKNOWN, column=col[:40],
                       allowed=DELIVERABLE_COLUMNS)
               for col in header if col and col not in DELIVERABLE_COLUMNS])


def _check_row(name: str, rowno: int, values: list[str], header: list[str],
               positions: dict[str, int], ref: Reference
               ) -> tuple[list[Problem], MilestoneRecord | None]:
    """The problems of one row and, when it has none, its record."""
    if any(values[len(header):]):
        return [Problem(name, rowno, "-", Code.EXTRA_CELLS)], None
    formulas = [Problem(name, rowno, header[i] or "-", Code.FORMULA_CELL, cell=v[:40])
                for i, v in enumerate(values) if v.startswith("=")]
    if formulas:  # a formula (or a spreadsheet-injection attempt) is not checked further
        return formulas, None

    def cell(col: str) -> str:
        return values[positions[col]] if col in positions and positions[col] < len(values) \
            else ""

    problems = [Problem(name, rowno, col, Code.REQUIRED_EMPTY)
                for col in DELIVERABLE_REQUIRED if col in positions and not cell(col)]
    dates: dict[str, date | None] = {}
    for col in ("as_of", "due_date"):
        dates[col] = parse_date(cell(col)) if cell(col) else None
        if cell(col) and dates[col] is None:
            problems.append(Problem(name, rowno, col, Code.MALFORMED_DATE,
                                    value=cell(col)[:40]))
    as_of = dates["as_of"]
    if problems or as_of is None:
        return problems, None
    record = MilestoneRecord(cell("milestone_id"), cell("status"), as_of, cell("program"),
                             SOURCE, note=cell("note") or None,
                             evidence_url=cell("evidence_url") or None,
                             due_date=dates["due_date"])
    problems = [p.at(column=_FILE_COLUMN.get(p.column, p.column))
                for p in check_record(record, ref.milestones, today=ref.today,
                                      strategy_start=ref.strategy_start, file=name, row=rowno)]
    return problems, (None if problems else record)
