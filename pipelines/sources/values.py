"""Checks on how each published observation records its value and its period.

A printed range ("45-50 entrevues") is ``value`` 45, ``value_high`` 50, ``qualifier`` range; a
printed "all" ("tous les conseils scolaires") is a share of 100 percent with ``qualifier`` all;
a value the project worked out rather than read is ``value_basis`` derived. A derived value or
an inferred period must say how in both notes (docs/architecture.md › Domain rules: periods).
"""

from __future__ import annotations

from pipelines.errors import Problem
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
        problems += [observations.problem(i, column, message)
                     for column, message in _row_problems(row, unit_kinds)]
    return problems


def _row_problems(row: Row, unit_kinds: dict[object, object]) -> list[tuple[str, str]]:
    found = [*_range_problems(row), *_all_problems(row, unit_kinds)]
    if row.get("value_basis") == "derived":
        found += _notes_needed(row, "value_basis derived")
    if row.get("period_basis") == "inferred":
        found += _notes_needed(row, "period_basis inferred")
    return found


def _range_problems(row: Row) -> list[tuple[str, str]]:
    low, high, qualifier = row.get("value"), row.get("value_high"), row.get("qualifier")
    if qualifier != "range":
        return [] if high is None else [("value_high", "value_high is only for qualifier range")]
    if high is None:
        return [("value_high", "qualifier range needs value_high (the high end)")]
    if low is not None and high <= low:  # type: ignore[operator]
        return [("value_high", f"value_high {high:g} must be above value {low:g}")]
    return []


def _all_problems(row: Row, unit_kinds: dict[object, object]) -> list[tuple[str, str]]:
    if row.get("qualifier") != "all":
        return []
    kind = unit_kinds.get(row.get("indicator_id"))
    if kind is not None and kind != "percent":
        return [("qualifier", f"qualifier all needs a percent indicator (unit kind is {kind})")]
    if row.get("value") is not None and row["value"] != ALL_PERCENT:
        return [("value", f"qualifier all means {ALL_PERCENT:g} percent, not {row['value']:g}")]
    return []


def _notes_needed(row: Row, why: str) -> list[tuple[str, str]]:
    return [(column, f"{why} needs {column} saying how")
            for column in ("note_en", "note_fr") if not row.get(column)]
