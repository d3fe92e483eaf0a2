"""Per-year rates: how figures of different period lengths are put on one footing (README,
Architecture › Domain rules, "Comparable periods"). Pure: no database, no I/O.

Two figures whose periods differ in length (a baseline over three fiscal years beside a latest
figure over eighteen months) are never set side by side bare. Each gets a **per-year rate**, or
the comparison is **refused** with the reason:

* A count over a stated period (people served, workers trained, charges laid, money spent) is
  a flow: its rate is ``value ÷ years``. Years are whole months ÷ 12 when the period runs from
  the first day of a month to the last day of a month (fiscal years and quarters always do),
  else days ÷ 365.25.
* A level (teams, organizations: ``measure = 'count'``), a share or a rate does not grow with
  the period: it is compared as it stands (``comparable = 'as_is'``), no rate is made.
* Refused: a period with no stated start ("65 investigations to February 2023": since when?),
  no stated period at all, or one shorter than a quarter (a few weeks say nothing about a year).
* **Qualifiers are kept**, and rounding never crosses a bound: a rate is a whole number for
  counts, rounded *down* for a lower bound ("more than 29,000" over 3 years is "more than
  9,666 a year", which stays true), *up* for an upper bound, half up otherwise; money keeps
  whole dollars the same way.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Final

from pipelines.vocabulary import LOWER_BOUND_QUALIFIERS, UPPER_BOUND_QUALIFIERS

# Flows: their figure grows with the period they cover.
FLOW_MEASURES: Final = frozenset({"cumulative", "annual_average", "amount"})
# A period shorter than this many days is too short to say anything about a year.
SHORTEST_DAYS: Final = 89
# Why a per-year rate is not made (marts.indicator_assessments.*_refusal).
REFUSALS: Final = ("no_figure", "no_start", "no_period", "too_short", "range")
COMPARABLE: Final = ("per_year", "as_is", "refused")


@dataclass(frozen=True)
class PerYear:
    """A figure's per-year rate (None when refused or not applicable) and why not."""

    value: float | None
    qualifier: str
    years: float | None
    refusal: str | None  # one of REFUSALS, or None
    is_flow: bool


def _whole_months(start: date, end: date) -> int | None:
    if start.day != 1 or (end + timedelta(days=1)).day != 1:
        return None
    return (end.year - start.year) * 12 + end.month - start.month + 1


def years_between(start: date, end: date) -> float:
    """Length of ``start``–``end`` (both days included) in years."""
    months = _whole_months(start, end)
    if months is not None:
        return months / 12
    return ((end - start).days + 1) / 365.25


def rounded(value: float, qualifier: str) -> float:
    """A whole number that keeps a bound true: down for a lower bound, up for an upper."""
    if qualifier in LOWER_BOUND_QUALIFIERS:
        return float(math.floor(value))
    if qualifier in UPPER_BOUND_QUALIFIERS:
        return float(math.ceil(value))
    return float(math.floor(value + 0.5))


def per_year(value: float | None, qualifier: str, start: date | None, end: date | None,
             measure: str, unit_kind: str) -> PerYear:
    """The per-year rate of one figure (see the module docstring)."""
    flow = measure in FLOW_MEASURES and unit_kind in ("count", "money")
    if value is None:
        return PerYear(None, qualifier, None, "no_figure", flow)
    if not flow:
        return PerYear(None, qualifier, None, None, False)
    if qualifier == "range":
        return PerYear(None, qualifier, None, "range", True)
    if end is None:
        return PerYear(None, qualifier, None, "no_period", True)
    if start is None:
        return PerYear(None, qualifier, None, "no_start", True)
    if (end - start).days + 1 < SHORTEST_DAYS:
        return PerYear(None, qualifier, years_between(start, end), "too_short", True)
    years = years_between(start, end)
    return PerYear(rounded(value / years, qualifier), qualifier, years, None, True)


def comparable(first: PerYear, second: PerYear) -> tuple[str, str | None]:
    """('per_year' | 'as_is' | 'refused', the refusal and its side: 'baseline_no_start'…)."""
    for side, rate in (("baseline", first), ("latest", second)):
        if rate.refusal is not None:
            return "refused", f"{side}_{rate.refusal}"
    if not first.is_flow and not second.is_flow:
        return "as_is", None
    if first.is_flow and second.is_flow:
        return "per_year", None
    return "refused", "different_measures"
