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
from pipelines.vocabulary import SUBMISSION_QUALIFIERS

if TYPE_CHECKING:
    from pipelines.submissions.validate import Reference

PER_KIND: Final = 10
MESSAGE_BYTES: Final = 9_000

Detail = tuple[str | None, str | None, float | None, float | None, int | None]


def fmt(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"


def _what(label: str | None) -> str:
    return "regions" if label == "regions" else f"{label} breakdown"


def _messages(ref: Reference) -> dict[str, Callable[[Detail], str]]:
    indicators = ", ".join(sorted(ref.units))
    geographies = ", ".join(sorted(ref.geographies))
    period = f"{ref.first}–{ref.last}"
    return {
        "formula": lambda d: f"formula cell {d[0]!r}; paste the value, not the formula",
        "extra": lambda d: "more cells than header columns",
        "empty": lambda d: "required value is empty",
        "indicator": lambda d: f'unknown indicator "{d[0]}"; submissions accept: {indicators}',
        "geography": lambda d: f'unknown geography "{d[0]}"; allowed: {geographies}',
        "quarter_malformed": lambda d: (f'malformed quarter "{d[0]}"; expected a fiscal '
                                        "quarter such as 2026-27Q2"),
        "quarter_outside": lambda d: f"quarter {d[0]} is outside the strategy period {period}",
        "quarter_future": lambda d: (f"quarter {d[0]} is in the future; the latest complete "
                                     f"quarter is {ref.latest_complete}"),
        "breakdown": lambda d: (f'malformed breakdown "{d[0]}"; expected "total" or '
                                '"dimension:value" (age:12-15)'),
        "qualifier": lambda d: (f'unknown qualifier "{d[0]}"; allowed: '
                                f'{", ".join(SUBMISSION_QUALIFIERS)}'),
        "not_a_number": lambda d: f'not a number: "{d[0]}"',
        "negative": lambda d: f'value cannot be negative: "{d[0]}"',
        "fraction": lambda d: f'a count must be a whole number: "{d[0]}"',
        "percent": lambda d: f'a percentage cannot be above 100: "{d[0]}"',
        "duplicate": lambda d: (f"duplicate of row {d[4]} (same indicator_id, quarter, "
                                "geography and breakdown)"),
        "parts": lambda d: (f"{_what(d[1])} parts add up to {fmt(d[2] or 0)}, more than the "
                            f"total {fmt(d[3] or 0)} on row {d[4]}"),
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
    messages = _messages(ref)
    problems = []
    for kind, col, rowno, text, label, n1, n2, n3, n, total in rows:
        problems.append(Problem(name, rowno, col, messages[kind]((text, label, n1, n2, n3))))
        if n == PER_KIND and total > PER_KIND:
            more = f"… and {total - PER_KIND:,} more rows with the same problem"
            problems.append(Problem(name, rowno, col, more))
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
            kept.append(Problem(tenth.file, tenth.row, tenth.column,
                                f"… and {n - PER_KIND:,} more rows with the same problem"))
    return kept
