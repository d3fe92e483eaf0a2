"""Validate submission rows. Every check runs and every problem is returned, never just the first.

Pure functions over text cells: one function per check, each returning the problems it finds.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass

from pipelines.errors import Problem
from pipelines.periods import FiscalQuarter
from pipelines.submissions.parse import NotANumber, parse_number
from pipelines.submissions.read import Table
from pipelines.submissions.template import (
    COLUMNS,
    DEFAULT_BREAKDOWN,
    DEFAULT_QUALIFIER,
    PROVINCE,
    REQUIRED_CELLS,
    REQUIRED_COLUMNS,
)
from pipelines.vocabulary import QUALIFIERS

# indicator, quarter, geography, breakdown: what makes a submitted row unique.
RowKey = tuple[str, FiscalQuarter, str, str]


@dataclass(frozen=True)
class Reference:
    """What the current database accepts, and the clock, for one ingest."""

    units: Mapping[str, str]  # indicator_id -> unit kind ('count', 'percent', 'money', 'rate')
    geographies: frozenset[str]
    regions: frozenset[str]  # geographies that partition the province
    first: FiscalQuarter
    last: FiscalQuarter
    latest_complete: FiscalQuarter


@dataclass(frozen=True)
class SubmissionRow:
    row_number: int
    indicator_id: str
    quarter: FiscalQuarter
    geography: str
    breakdown: str
    value: float
    qualifier: str
    note: str
    program: str

    @property
    def key(self) -> RowKey:
        return (self.indicator_id, self.quarter, self.geography, self.breakdown)


def fmt(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"


def validate_table(
    name: str, table: Table, ref: Reference
) -> tuple[list[SubmissionRow], list[Problem]]:
    """All rows that passed and all problems found in one file."""
    if any(p.row == 0 for p in table.problems):
        return [], list(table.problems)
    problems = list(table.problems) + check_header(name, table.header)
    # A row the reader already faulted (a formula cell) gets no second message about its value.
    faulted = {p.row for p in table.problems}
    rows: list[SubmissionRow] = []
    for number, cells in table.rows:
        if number in faulted:
            continue
        row, row_problems = check_row(name, number, cells, ref)
        problems += row_problems
        if row is not None:
            rows.append(row)
    problems += check_duplicates(name, rows)
    problems += check_parts_within_totals(name, rows, ref)
    return rows, problems


def check_header(name: str, header: list[str]) -> list[Problem]:
    problems = [
        Problem(name, 1, col, f'required column "{col}" is missing')
        for col in REQUIRED_COLUMNS
        if col not in header
    ]
    allowed = ", ".join(COLUMNS)
    for col in header:
        if col and col not in COLUMNS:
            problems.append(Problem(name, 1, col, f'unknown column "{col}"; allowed: {allowed}'))
    return problems


def check_row(
    name: str, number: int, cells: Mapping[str, str], ref: Reference
) -> tuple[SubmissionRow | None, list[Problem]]:
    """Parse one row; None when any cell of it has a problem."""
    messages: dict[str, str | None] = {
        # A missing column is reported once, on the header, not on every row.
        col: "required value is empty" for col in REQUIRED_CELLS if cells.get(col) == ""
    }
    indicator = cells.get("indicator_id", "")
    if indicator and "indicator_id" not in messages:
        messages["indicator_id"] = check_indicator(indicator, ref)
    quarter, messages["quarter"] = check_quarter(cells.get("quarter", ""), ref)
    geography = cells.get("geography", "")
    if geography:
        messages["geography"] = check_geography(geography, ref)
    breakdown = cells.get("breakdown", "") or DEFAULT_BREAKDOWN
    messages["breakdown"] = check_breakdown(breakdown)
    qualifier = cells.get("qualifier", "") or DEFAULT_QUALIFIER
    messages["qualifier"] = check_qualifier(qualifier)
    value, messages["value"] = check_value(cells.get("value", ""), ref.units.get(indicator))
    problems = [Problem(name, number, col, msg) for col, msg in messages.items() if msg]
    if problems or quarter is None or value is None:
        return None, problems
    row = SubmissionRow(
        number, indicator, quarter, geography, breakdown, value, qualifier,
        cells.get("note", ""), cells.get("program", ""),
    )
    return row, []


def check_indicator(indicator: str, ref: Reference) -> str | None:
    if indicator in ref.units:
        return None
    return f'unknown indicator "{indicator}"; submissions accept: {", ".join(sorted(ref.units))}'


def check_geography(geography: str, ref: Reference) -> str | None:
    if geography in ref.geographies:
        return None
    allowed = ", ".join(sorted(ref.geographies))
    return f'unknown geography "{geography}"; allowed: {allowed}'


def check_quarter(text: str, ref: Reference) -> tuple[FiscalQuarter | None, str | None]:
    if not text:
        return None, None  # reported as an empty required cell
    try:
        quarter = FiscalQuarter.parse(text.strip())
    except ValueError:
        return None, f'malformed quarter "{text}"; expected a fiscal quarter such as 2026-27Q2'
    if quarter < ref.first or quarter > ref.last:
        period = f"{ref.first}–{ref.last}"
        return None, f"quarter {quarter} is outside the strategy period {period}"
    if quarter > ref.latest_complete:
        latest = ref.latest_complete
        return None, f"quarter {quarter} is in the future; the latest complete quarter is {latest}"
    return quarter, None


def check_breakdown(breakdown: str) -> str | None:
    if breakdown == DEFAULT_BREAKDOWN:
        return None
    dimension, _, part = breakdown.partition(":")
    if dimension and part and dimension.isidentifier() and ":" not in part:
        return None
    return f'malformed breakdown "{breakdown}"; expected "total" or "dimension:value" (age:12-15)'


def check_qualifier(qualifier: str) -> str | None:
    if qualifier in QUALIFIERS:
        return None
    return f'unknown qualifier "{qualifier}"; allowed: {", ".join(QUALIFIERS)}'


def check_value(text: str, kind: str | None) -> tuple[float | None, str | None]:
    """Parse a value for an indicator whose unit is of ``kind`` (None: unknown indicator)."""
    if not text:
        return None, None
    whole = kind == "count"
    try:
        value = parse_number(text, whole=whole)
    except NotANumber:
        return None, f'not a number: "{text}"'
    if value < 0:
        return None, f'value cannot be negative: "{text}"'
    if whole and not value.is_integer():
        return None, f'a count must be a whole number: "{text}"'
    if kind == "percent" and value > 100:
        return None, f'a percentage cannot be above 100: "{text}"'
    return value, None


def check_duplicates(name: str, rows: list[SubmissionRow]) -> list[Problem]:
    first_seen: dict[RowKey, int] = {}
    problems = []
    for row in rows:
        if row.key in first_seen:
            message = (
                f"duplicate of row {first_seen[row.key]} "
                "(same indicator_id, quarter, geography and breakdown)"
            )
            problems.append(Problem(name, row.row_number, "-", message))
        else:
            first_seen[row.key] = row.row_number
    return problems


def check_parts_within_totals(
    name: str, rows: list[SubmissionRow], ref: Reference
) -> list[Problem]:
    """Parts of a breakdown (age groups; regions of the province) must not exceed the total."""
    by_key = {row.key: row for row in rows}
    groups: dict[tuple[RowKey, str], list[SubmissionRow]] = defaultdict(list)
    for row in rows:
        if row.breakdown != DEFAULT_BREAKDOWN:
            dimension = row.breakdown.partition(":")[0]
            total_key = (row.indicator_id, row.quarter, row.geography, DEFAULT_BREAKDOWN)
            groups[(total_key, dimension)].append(row)
        if row.geography in ref.regions:
            total_key = (row.indicator_id, row.quarter, PROVINCE, row.breakdown)
            groups[(total_key, "regions")].append(row)
    problems = []
    for (total_key, label), parts in groups.items():
        total = by_key.get(total_key)
        # "more than 60" or "at least 60" as a total leaves the parts unbounded.
        if total is None or total.qualifier in ("more_than", "at_least"):
            continue
        added = sum(part.value for part in parts)
        if added <= total.value:
            continue
        what = "regions" if label == "regions" else f"{label} breakdown"
        message = (
            f"{what} parts add up to {fmt(added)}, more than the total "
            f"{fmt(total.value)} on row {total.row_number}"
        )
        problems += [Problem(name, part.row_number, "value", message) for part in parts]
    return problems
