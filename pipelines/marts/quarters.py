"""Quarter by quarter facts of one indicator's submitted provincial totals: the quarter's own
value, sums over a run of quarters, and changes between two quarters. Pure: rows in, facts out.

Rules (docs/architecture.md › Domain rules), each shown on the pages that use them:

* A quarter's value is the ``ontario``/``total`` row of the quarterly submissions; it is
  ``missing`` when nothing was submitted and ``suppressed`` when hidden (no value either way).
* A sum over quarters (:func:`summed`) never guesses: it covers exactly the quarters up to the
  last one submitted (its period says so), and it is ``at_least`` when a quarter inside that
  period is missing or suppressed.
* A change is computed only when both values exist; its percentage is None when the earlier
  value is 0, and it is approximate when either value is qualified ("at least 5").
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from pipelines.marts.status_rule import Observation, cumulate
from pipelines.periods import FiscalQuarter

Series = Mapping[FiscalQuarter, "QuarterValue"]


@dataclass(frozen=True)
class QuarterValue:
    """One quarter's provincial total. ``value`` is None when missing or suppressed."""

    value: float | None
    qualifier: str = "exact"
    state: str = "missing"  # submitted | revised | demo | suppressed | missing


MISSING = QuarterValue(None)


@dataclass(frozen=True)
class Sum:
    """A sum over a run of quarters and exactly the period it covers."""

    value: float
    qualifier: str
    start: date
    end: date
    demo: bool


@dataclass(frozen=True)
class Change:
    absolute: float
    percent: float | None
    approximate: bool


def quarter_value(value: float | None, qualifier: str, status: str, suppressed: bool,
                  revision: bool) -> QuarterValue:
    """A stored submission row as a :class:`QuarterValue`."""
    if suppressed:
        return QuarterValue(None, qualifier, "suppressed")
    state = "demo" if status == "demo" else "revised" if revision or status == "revised" \
        else "submitted"
    return QuarterValue(value, qualifier, state)


def summed(series: Series, first: FiscalQuarter, last: FiscalQuarter) -> Sum | None:
    """The sum of the quarters from ``first`` to ``last``; None when none has a value."""
    quarters = list(FiscalQuarter.range(first, last))
    parts = [Observation(q.start, q.end, series[q].value, series[q].qualifier)
             for q in quarters if q in series and series[q].state != "missing"]
    total = cumulate(parts, first.start, last.end)
    if total is None or total.value is None or total.period_end is None:
        return None
    if not any(series.get(q, MISSING).value is not None for q in quarters):
        return None
    demo = any(series.get(q, MISSING).state == "demo" for q in quarters)
    return Sum(total.value, total.qualifier, first.start, total.period_end, demo)


def change(new: QuarterValue, old: QuarterValue) -> Change | None:
    """``new − old``, or None when either side has no value."""
    if new.value is None or old.value is None:
        return None
    difference = new.value - old.value
    percent = difference / old.value * 100 if old.value else None
    approximate = new.qualifier != "exact" or old.qualifier != "exact"
    return Change(difference, percent, approximate)
