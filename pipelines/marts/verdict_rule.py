"""A verdict for every pillar (docs/architecture.md › Domain rules). Pure: no database, no I/O.
Published on /about with a worked example; the build runs it once into
``marts.indicator_assessments`` and ``marts.pillar_verdicts`` (:mod:`pipelines.marts.verdicts`),
and every page, briefing and download reads those.

**Each core indicator of a pillar** gets one assessment, in the spirit of Closing the Gap's
legend:

* with a published target, from its status (:mod:`pipelines.marts.status_rule`):
  ``on_track`` (achieved, or on track) or ``not_on_track`` (needs acceleration, limited
  progress); ``not_assessable`` with the status's reason otherwise;
* without a target, by the **direction of change** from its baseline to its latest figure on a
  comparable basis (:mod:`pipelines.marts.rates`: per-year rates, or levels as they stand):
  ``improvement``, ``no_change`` (within ±5 % of the baseline) or ``worsening``, read through
  ``higher_is_better`` / ``lower_is_better``. A qualified figure is an interval ("more than
  9,666" is 9,666 to no upper end); the direction is given only when the whole interval of
  changes points one way, else ``not_assessable`` (``bound``);
* ``reported_activity`` is **never judged**: its change is kept as a change in reported cases
  (``direction`` ``up``/``down``/``flat``), never as improvement or worsening;
* ``not_assessable`` with its reason when the evidence is too thin (no baseline, no figure
  since the strategy began, periods that cannot be compared).

**The pillar's deliverables** (``marts.milestone_quarters`` at the latest quarter) read as
``late`` when any is late (at risk, or not done by its due date), ``on_schedule`` when at
least half have a reported status and none is late, and ``not_assessable`` when fewer than
half have been reported.

**The pillar's verdict**, in this order:

1. ``not_assessable`` when no indicator is judged and the deliverables are not assessable;
2. ``worsening`` when a judged indicator is worsening and none is improving or on track;
3. ``not_on_track`` when a judged indicator is not on track or worsening, or a deliverable is
   late;
4. ``no_change`` when every judged indicator shows no change;
5. ``on_track`` otherwise (every judged indicator improving or on track, deliverables on
   schedule or not yet reported).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Final

from pipelines.marts.rates import PerYear, comparable, per_year

METHOD: Final = "pillar-verdict-v1"
NO_CHANGE_BAND: Final = 0.05
REPORTED_SHARE: Final = 0.5

ASSESSMENTS: Final = ("on_track", "not_on_track", "improvement", "no_change", "worsening",
                      "reported_activity", "context", "not_assessable")
JUDGED: Final = frozenset({"on_track", "not_on_track", "improvement", "no_change", "worsening"})
GOOD: Final = frozenset({"on_track", "improvement"})
BAD: Final = frozenset({"not_on_track", "worsening"})
DIRECTIONS: Final = ("up", "down", "flat", "undetermined")
VERDICTS: Final = ("on_track", "not_on_track", "no_change", "worsening", "not_assessable")
DELIVERABLE_READINGS: Final = ("on_schedule", "late", "not_assessable")
# Why an indicator or a pillar cannot be assessed yet.
REASONS: Final = ("no_baseline", "no_latest", "refused", "bound", "no_data",
                  "period_not_started", "no_evidence")

_TARGET_STATUS: Final = {"achieved": "on_track", "on_track": "on_track",
                         "needs_acceleration": "not_on_track",
                         "limited_progress": "not_on_track"}
# The interval a qualified value stands for, as factors of the value: (low, high).
_INTERVALS: Final = {"exact": (1.0, 1.0), "more_than": (1.0, math.inf),
                     "at_least": (1.0, math.inf), "up_to": (0.0, 1.0),
                     "nearly": (0.0, 1.0), "about": (0.95, 1.05), "all": (1.0, 1.0)}


@dataclass(frozen=True)
class Figure:
    """A figure the assessment compares: its value, qualifier and exact period."""

    value: float | None
    qualifier: str = "exact"
    start: date | None = None
    end: date | None = None


@dataclass(frozen=True)
class IndicatorInput:
    indicator_id: str
    interpretation: str  # after the reporting note: reported_activity when it has one
    measure: str
    unit_kind: str
    baseline: Figure | None
    latest: Figure | None
    status: str | None = None  # marts.progress status, for an indicator with a target
    status_reason: str | None = None
    has_target: bool = False


@dataclass(frozen=True)
class Assessment:
    indicator_id: str
    assessment: str
    reason: str | None
    direction: str | None  # of the compared figures; None when not compared
    change: float | None  # latest ÷ baseline − 1 on the compared basis (exact figures only)
    comparable: str  # rates.COMPARABLE
    refusal: str | None
    baseline_rate: PerYear
    latest_rate: PerYear


def _interval(value: float, qualifier: str) -> tuple[float, float]:
    low, high = _INTERVALS.get(qualifier, (1.0, 1.0))
    return value * low, value * high


def direction(old: float, old_q: str, new: float, new_q: str,
              band: float = NO_CHANGE_BAND) -> tuple[str, float | None]:
    """(up | down | flat | undetermined, the change when both figures are exact)."""
    (old_lo, old_hi), (new_lo, new_hi) = _interval(old, old_q), _interval(new, new_q)
    if old_lo <= 0:
        return ("up" if new_lo > 0 else "undetermined"), None
    least = new_lo / old_hi - 1 if math.isfinite(old_hi) else -1.0
    most = new_hi / old_lo - 1
    change = new / old - 1 if old_q == new_q == "exact" else None
    if least > band:
        return "up", change
    if most < -band:
        return "down", change
    if least >= -band and most <= band:
        return "flat", change
    return "undetermined", change


def _compared(item: IndicatorInput) -> tuple[PerYear, PerYear, str, str | None]:
    def rate(figure: Figure | None) -> PerYear:
        if figure is None:
            return per_year(None, "exact", None, None, item.measure, item.unit_kind)
        return per_year(figure.value, figure.qualifier, figure.start, figure.end,
                        item.measure, item.unit_kind)

    old, new = rate(item.baseline), rate(item.latest)
    kind, refusal = comparable(old, new)
    return old, new, kind, refusal


def _values(item: IndicatorInput, old: PerYear, new: PerYear,
            kind: str) -> tuple[float, str, float, str] | None:
    if kind == "per_year" and old.value is not None and new.value is not None:
        return old.value, old.qualifier, new.value, new.qualifier
    if (kind == "as_is" and item.baseline and item.latest and item.baseline.value is not None
            and item.latest.value is not None):
        return (item.baseline.value, item.baseline.qualifier, item.latest.value,
                item.latest.qualifier)
    return None


def assess_indicator(item: IndicatorInput) -> Assessment:
    """One indicator's assessment (see the module docstring)."""
    old, new, kind, refusal = _compared(item)
    values = _values(item, old, new, kind)
    way, change = direction(*values) if values else (None, None)

    def result(assessment: str, reason: str | None = None) -> Assessment:
        return Assessment(item.indicator_id, assessment, reason, way, change, kind, refusal,
                          old, new)

    if item.interpretation in ("reported_activity", "context"):
        return result(item.interpretation)
    if item.has_target:
        if item.status in _TARGET_STATUS:
            return result(_TARGET_STATUS[item.status])
        return result("not_assessable", item.status_reason or "no_data")
    if item.baseline is None:
        return result("not_assessable", "no_baseline")
    if item.latest is None:
        return result("not_assessable", "no_latest")
    if way is None:
        return result("not_assessable", "refused")
    if way == "undetermined":
        return result("not_assessable", "bound")
    if way == "flat":
        return result("no_change")
    better = (way == "up") == (item.interpretation != "lower_is_better")
    return result("improvement" if better else "worsening")


def deliverables_reading(counts: Mapping[str, int]) -> str:
    """``late``, ``on_schedule`` or ``not_assessable`` for a pillar's deliverables by state."""
    total = sum(counts.values())
    if counts.get("late", 0):
        return "late"
    reported = total - counts.get("not_reported", 0)
    return "on_schedule" if total and reported / total >= REPORTED_SHARE else "not_assessable"


@dataclass(frozen=True)
class PillarVerdict:
    verdict: str
    reason: str | None
    deliverables: str


def pillar_verdict(assessments: Sequence[str], deliverables: Mapping[str, int]) -> PillarVerdict:
    """The pillar's verdict from its indicators' assessments and its deliverables."""
    judged = [a for a in assessments if a in JUDGED]
    reading = deliverables_reading(deliverables)
    good = any(a in GOOD for a in judged)
    if not judged and reading == "not_assessable":
        return PillarVerdict("not_assessable", "no_evidence", reading)
    if "worsening" in judged and not good:
        return PillarVerdict("worsening", None, reading)
    if any(a in BAD for a in judged) or reading == "late":
        return PillarVerdict("not_on_track", None, reading)
    if judged and all(a == "no_change" for a in judged):
        return PillarVerdict("no_change", None, reading)
    return PillarVerdict("on_track", None, reading)


@dataclass(frozen=True)
class WorkedExample:
    """The /about page's worked example: a hypothetical pillar, not a reported one."""

    hypothetical: bool
    indicator: IndicatorInput
    assessment: Assessment
    assessments: tuple[str, ...]
    deliverables: dict[str, int]
    verdict: PillarVerdict


def worked_example() -> WorkedExample:
    """People served: a baseline of 27,000 over three fiscal years (9,000 a year) against a
    hypothetical 14,400 over eighteen months (9,600 a year): +6.7 %, an improvement. Beside
    it, a target indicator on track and a reported-activity one (never judged); nine
    deliverables of which one is late."""
    indicator = IndicatorInput(
        "people_served_funded_orgs", "higher_is_better", "cumulative", "count",
        Figure(27000, "exact", date(2021, 4, 1), date(2024, 3, 31)),
        Figure(14400, "exact", date(2025, 4, 1), date(2026, 9, 30)))
    assessment = assess_indicator(indicator)
    assessments = ("on_track", assessment.assessment, "reported_activity")
    deliverables = {"done": 2, "in_progress": 3, "planned": 1, "late": 1, "not_reported": 2}
    return WorkedExample(True, indicator, assessment, assessments, deliverables,
                         pillar_verdict(assessments, deliverables))
