"""Checks on how each published observation records its value and its period.

A printed range ("45-50 entrevues") is ``value`` 45, ``value_high`` 50, ``qualifier`` range; a
printed "all" ("tous les conseils scolaires") is a share of 100 percent with ``qualifier`` all;
a value the project worked out rather than read is ``value_basis`` derived. A derived value or
an inferred period must say how in both notes (docs/architecture.md › Domain rules: periods).
"""

from __future__ import annotations

from pipelines.errors import Problem
from pipelines.problem_codes import Code, Said
from pipelines.sources.tables import Row, Table

DEFAULT_VALUE_BASIS = "printed"
# A share written as "all" (or "tous") is the whole: 100 percent, never another number.
ALL_PERCENT = 100.0


def apply_defaults(observations: Table) -> None:
    """An empty ``value_basis`` cell means the document prints the value."""
    for row in observations.rows:
        if row.get("value_basis") is None:
            row["value_basis"] = DEFAULT_VALUE_BASIS


def check_values(observations: Table, unit_kinds: dict[object, object]) -> list[Problem]:
    """``unit_kinds`` maps each indicator id to its unit's kind (count, money, percent...)."""
    problems: list[Problem] = []
    for i, row in observations.numbered():
        problems += [observations.problem(i, column, code, **values)
                     for column, (code, values) in _row_problems(row, unit_kinds)]
    return problems


Found = list[tuple[str, Said]]  # (column, problem)


def _row_problems(row: Row, unit_kinds: dict[object, object]) -> Found:
    found = [*_range_problems(row), *_all_problems(row, unit_kinds)]
    if row.get("value_basis") == "derived":
        found += _notes_needed(row, Code.DERIVED_NEEDS_NOTE)
    if row.get("period_basis") == "inferred":
        found += _notes_needed(row, Code.INFERRED_NEEDS_NOTE)
    return found


def _range_problems(row: Row) -> Found:
    low, high, qualifier = row.get("value"), row.get("value_high"), row.get("qualifier")
    if qualifier != "range":
        return [] if high is None else [("value_high", (Code.HIGH_WITHOUT_RANGE, {}))]
    if high is None:
        return [("value_high", (Code.RANGE_NEEDS_HIGH, {}))]
    if low is not None and high <= low:  # type: ignore[operator]
        return [("value_high", (Code.RANGE_HIGH_NOT_ABOVE, {"high": high, "low": low}))]
    return []


def _all_problems(row: Row, unit_kinds: dict[object, object]) -> Found:
    if row.get("qualifier") != "all":
        return []
    kind = unit_kinds.get(row.get("indicator_id"))
    if kind is not None and kind != "percent":
        return [("qualifier", (Code.ALL_NEEDS_PERCENT, {"kind": kind}))]
    if row.get("value") is not None and row["value"] != ALL_PERCENT:
        return [("value", (Code.ALL_MEANS_100, {"value": row["value"]}))]
    return []


def _notes_needed(row: Row, code: Code) -> Found:
    return [(column, (code, {"column": column}))
            for column in ("note_en", "note_fr") if not row.get(column)]
