"""Word the problems found in SQL, bounded: the first problems of each kind, then a count.

A file of 300,000 bad rows must not become 300,000 lines on a terminal, a web page and in
``meta.loads`` (which every later build carries). Each kind of problem (a check on a column)
keeps its first :data:`PER_KIND` rows, followed by one line saying how many more there are;
the message stored in ``meta.loads`` is further cut to stay under 10 KB.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Final

import duckdb

from pipelines.errors import Problem
from pipelines.problem_codes import Code, Said
from pipelines.vocabulary import SUBMISSION_QUALIFIERS

if TYPE_CHECKING:
    from pipelines.submissions.validate import Reference

PER_KIND: Final = 10
MESSAGE_BYTES: Final = 9_000

# What a check in SQL records of one problem: text, label, n1, n2, n3 (validate.PROBLEMS).
Detail = tuple[str | None, str | None, float | None, float | None, int | None]


def _parts(d: Detail) -> Said:
    amounts: dict[str, object] = {"sum": d[2] or 0, "total": d[3] or 0, "row": d[4] or 0}
    if d[1] == "regions":
        return Code.REGION_PARTS_OVER_TOTAL, amounts
    return Code.BREAKDOWN_PARTS_OVER_TOTAL, {"dimension": d[1] or "", **amounts}


def _codes(ref: Reference) -> dict[str, Callable[[Detail], Said]]:
    """Each kind the SQL checks record, as a code and the values its message names."""
    indicators, geographies = tuple(sorted(ref.units)), tuple(sorted(ref.geographies))
    first, last, latest = ref.first.label, ref.last.label, ref.latest_complete.label
    return {
        "formula": lambda d: (Code.FORMULA_CELL, {"cell": d[0]}),
        "extra": lambda d: (Code.EXTRA_CELLS, {}),
        "empty": lambda d: (Code.REQUIRED_EMPTY, {}),
        "indicator": lambda d: (Code.UNKNOWN_INDICATOR, {"value": d[0], "allowed": indicators}),
        "geography": lambda d: (Code.UNKNOWN_GEOGRAPHY, {"value": d[0],
                                                         "allowed": geographies}),
        "quarter_malformed": lambda d: (Code.MALFORMED_QUARTER, {"value": d[0]}),
        "quarter_outside": lambda d: (Code.QUARTER_OUTSIDE, {"value": d[0], "first": first,
                                                             "last": last}),
        "quarter_future": lambda d: (Code.QUARTER_FUTURE, {"value": d[0], "latest": latest}),
        "breakdown": lambda d: (Code.MALFORMED_BREAKDOWN, {"value": d[0]}),
        "qualifier": lambda d: (Code.UNKNOWN_QUALIFIER, {"value": d[0],
                                                         "allowed": SUBMISSION_QUALIFIERS}),
        "not_a_number": lambda d: (Code.NOT_A_NUMBER, {"value": d[0]}),
        "negative": lambda d: (Code.NEGATIVE_VALUE, {"value": d[0]}),
        "fraction": lambda d: (Code.FRACTIONAL_COUNT, {"value": d[0]}),
        "percent": lambda d: (Code.PERCENT_OVER_100, {"value": d[0]}),
        "duplicate": lambda d: (Code.DUPLICATE_FIGURE, {"row": d[4] or 0}),
        "parts": _parts,
    }


def bounded(con: duckdb.DuckDBPyConnection, name: str, table: str,
            ref: Reference) -> list[Problem]:
    """The first :data:`PER_KIND` problems of each kind in ``table`` (a name from code), each
    kind followed by a count of the rest."""
    rows = con.execute(f"""
        SELECT kind, col, rowno, text, label, n1, n2, n3, n, total FROM (
            SELECT *, row_number() OVER (PARTITION BY kind, col ORDER BY rowno, text) AS n,
                   count(*) OVER (PARTITION BY kind, col) AS total
            FROM {table})
        WHERE n <= $limit ORDER BY kind, col, n
    """, {"limit": PER_KIND}).fetchall()  # noqa: S608
    codes = _codes(ref)
    problems = []
    for kind, col, rowno, text, label, n1, n2, n3, n, total in rows:
        code, values = codes[kind]((text, label, n1, n2, n3))
        problems.append(Problem(name, rowno, col, code, **values))
        if n == PER_KIND and total > PER_KIND:
            problems.append(Problem(name, rowno, col, Code.MORE_ROWS, count=total - PER_KIND))
    return problems


def lines(problems: Iterable[Problem]) -> list[str]:
    return [str(p) for p in sorted(set(problems))]


def load_message(problems: Iterable[Problem]) -> str:
    """What ``meta.loads.message`` keeps of a rejection: the report, cut under 10 KB."""
    kept: list[str] = []
    size = 0
    every = lines(problems)
    for line in every:
        size += len(line.encode()) + 1
        if size > MESSAGE_BYTES:
            rest = len(every) - len(kept)
            kept.append(f"… and {rest:,} more lines in the error report kept with the file")
            break
        kept.append(line)
    return "\n".join(kept)


def first_of_each(problems: Iterable[Problem]) -> list[Problem]:
    """Problems found in Python (deliverable statuses), bounded as :func:`bounded` bounds
    those found in SQL: the first :data:`PER_KIND` of each file and column, then a count."""
    counts: dict[tuple[str, str], int] = {}
    kept: list[Problem] = []
    last: dict[tuple[str, str], Problem] = {}
    for problem in problems:
        key = (problem.file, problem.column)
        counts[key] = counts.get(key, 0) + 1
        if counts[key] <= PER_KIND:
            kept.append(problem)
            last[key] = problem
    for key, n in counts.items():
        if n > PER_KIND:
            tenth = last[key]
            kept.append(Problem(tenth.file, tenth.row, tenth.column, Code.MORE_ROWS,
                                count=n - PER_KIND))
    return kept
