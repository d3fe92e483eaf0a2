"""Progress against a target (docs/architecture.md › Domain rules). Pure: no database, no I/O.

The method, published on /about (in the spirit of Healthy People 2030's "percent of targeted
change achieved" and Closing the Gap's straight-line trajectories; not Open SDG's compound
growth, which breaks on cumulative counts and zero baselines):

* **Time elapsed** is counted in whole days, both ends included: an observation whose period
  ends on ``as_of`` counts every day up to the end of ``as_of``. ``share_elapsed`` is
  ``(as_of − start + 1 day) ÷ (end − start + 1 day)``, clamped to 0..1. It is 0 only before the
  target period starts and 1 from the end of its last day on.
* **Expected to date** = baseline + (target − baseline) × share_elapsed. For counts (people
  trained, teams) it is rounded to a whole number, half up, before anything is compared with
  it: 330.1 people cannot be expected, and a reader can check the ratio from the two whole
  numbers shown.
* **Ratio** = achieved ÷ expected, exactly as the published method states. For ``lower_is_better``
  indicators it is mirrored, expected ÷ achieved, so that a lower value counts as progress.
  (The stricter "share of the expected change achieved", (achieved − baseline) ÷
  (expected − baseline), is the same number when the baseline is 0, as for the cumulative
  training target; with a non-zero baseline achieved ÷ expected is kinder to slow change.
  We publish achieved ÷ expected to match the design.)
* **Status**: ``achieved`` when the achieved value has reached the target (``≥``; ``≤`` when
  lower is better), even before the period ends; otherwise ``on_track`` (ratio ≥ 0.95),
  ``needs_acceleration`` (0.60 ≤ ratio < 0.95) or ``limited_progress`` (ratio < 0.60, which
  includes going backwards). ``not_assessed`` comes with a ``reason``: ``no_data``,
  ``no_target``, ``no_baseline``, ``period_not_started`` or ``not_applicable``.
* **Expected by now depends on the date, not on the data.** With no figure yet
  (``no_data``), ``share_elapsed`` and ``expected_to_date`` are still given as of the
  ``today`` the caller passes (the end of the quarter assessed), so a reader sees "330
  expected by now" before the first figure arrives.
* **Missing baselines.** A ``cumulative`` target counts from 0 at the start of its period
  (``baseline_is_assumed=True``). A ``level`` target without a baseline has no line to
  follow: ``not_assessed``/``no_baseline`` unless the target is already reached. An
  ``annual_floor`` is a floor every year, so it has no ramp: expected = target from the first
  day, ratio = latest annual value ÷ target; its baseline is reported but not used.
* **Interpretation.** ``reported_activity`` and ``context`` indicators never get a good or bad
  status (a rise in reported cases can mean the strategy is working): ``not_assessed``/
  ``not_applicable`` with ``direction_neutral=True``, whatever the data.
* **Qualifiers.** "More than"/"at least" values are used as they are and flagged
  ``achieved_is_lower_bound``; "up to"/"nearly" values are flagged ``achieved_is_upper_bound``.
* Values are non-negative quantities (counts, amounts, shares, rates); the achieved value is
  the latest observation (latest ``period_end``). Observations with no value (suppressed) or
  no stated end date are skipped.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from itertools import pairwise

from pipelines.settings import Settings
from pipelines.vocabulary import (
    DIRECTION_NEUTRAL,
    INTERPRETATIONS,
    LOWER_BOUND_QUALIFIERS,
    QUALIFIERS,
    TARGET_KINDS,
    UPPER_BOUND_QUALIFIERS,
)

ON_TRACK = 0.95
NEEDS_ACCELERATION = 0.60
_DAY = timedelta(days=1)


def _check_quantity(name: str, value: float | None) -> None:
    if value is not None and not (math.isfinite(value) and value >= 0):
        raise ValueError(f"{name} must be a finite number ≥ 0, not {value!r}")


@dataclass(frozen=True)
class Target:
    """The fields of one ``marts.targets`` row that the method needs."""

    target_kind: str
    target_value: float
    period_start: date
    period_end: date
    baseline_value: float | None = None
    indicator_id: str = ""

    def __post_init__(self) -> None:
        if self.target_kind not in TARGET_KINDS:
            raise ValueError(f"unknown target_kind {self.target_kind!r}")
        if self.period_end < self.period_start:
            raise ValueError(f"target period ends ({self.period_end}) before it starts")
        _check_quantity("target_value", self.target_value)
        _check_quantity("baseline_value", self.baseline_value)


@dataclass(frozen=True)
class Observation:
    """The fields of one ``marts.observations`` row that the method needs.
    ``value`` is None when suppressed; either date is None when the source states none."""

    period_start: date | None
    period_end: date | None
    value: float | None
    qualifier: str = "exact"

    def __post_init__(self) -> None:
        if self.qualifier not in QUALIFIERS:
            raise ValueError(f"unknown qualifier {self.qualifier!r}")
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValueError(f"observation period ends ({self.period_end}) before it starts")
        _check_quantity("value", self.value)


@dataclass(frozen=True)
class ProgressResult:
    """A status and every number behind it (None where a number does not apply)."""

    status: str
    reason: str | None
    baseline: float | None
    target: float | None
    achieved: float | None
    expected_to_date: float | None
    ratio: float | None
    share_elapsed: float | None
    as_of: date | None
    period_start: date | None
    period_end: date | None
    achieved_is_lower_bound: bool = False
    achieved_is_upper_bound: bool = False
    direction_neutral: bool = False
    baseline_is_assumed: bool = False  # True when a cumulative target counts from 0


def days_elapsed(start: date, end: date, as_of: date) -> tuple[int, int]:
    """(days elapsed by the end of ``as_of``, clamped to the period; days in the period),
    both ends of the period included."""
    total = (end - start).days + 1
    return min(max((as_of - start).days + 1, 0), total), total


def share_elapsed(start: date, end: date, as_of: date) -> float:
    """Share of ``start``–``end`` elapsed by the end of ``as_of``, in 0..1."""
    elapsed, total = days_elapsed(start, end, as_of)
    return elapsed / total


def expected_to_date(baseline: float, target: float, share: float) -> float:
    """baseline + (target − baseline) × share."""
    return baseline + (target - baseline) * share


def classify(ratio: float) -> str:
    """``on_track``, ``needs_acceleration`` or ``limited_progress`` for a ratio."""
    if ratio >= ON_TRACK:
        return "on_track"
    if ratio >= NEEDS_ACCELERATION:
        return "needs_acceleration"
    return "limited_progress"


def resolve_baseline(target: Target) -> tuple[float | None, bool]:
    """(baseline to use, whether it was assumed). Only a cumulative target assumes 0."""
    if target.baseline_value is not None:
        return target.baseline_value, False
    if target.target_kind == "cumulative":
        return 0.0, True
    return None, False


def latest_observation(observations: Iterable[Observation]) -> Observation | None:
    """The usable observation with the latest ``period_end``; on a tie, the longest period
    (for a cumulative series, the total to date rather than the last quarter)."""
    usable = [o for o in observations if o.value is not None and o.period_end is not None]

    def key(o: Observation) -> tuple[date, int]:
        assert o.period_end is not None
        return o.period_end, (o.period_end - (o.period_start or o.period_end)).days

    return max(usable, key=key, default=None)


def assess_progress(
    target: Target | None, observations: Iterable[Observation], interpretation: str,
    *, whole: bool = False, today: date | None = None,
) -> ProgressResult:
    """Status of one indicator's series against its target (see the module docstring).

    ``observations`` is one series: one geography, breakdown ``total``, per the target's
    ``target_kind`` (cumulative totals for a cumulative target; see :func:`cumulate`)."""
    if interpretation not in INTERPRETATIONS:
        raise ValueError(f"unknown interpretation {interpretation!r}")
    latest = latest_observation(observations)
    result = ProgressResult(
        status="not_assessed",
        reason=None,
        baseline=target.baseline_value if target else None,
        target=target.target_value if target else None,
        achieved=latest.value if latest else None,
        expected_to_date=None,
        ratio=None,
        share_elapsed=None,
        as_of=latest.period_end if latest else None,
        period_start=target.period_start if target else None,
        period_end=target.period_end if target else None,
        achieved_is_lower_bound=bool(latest and latest.qualifier in LOWER_BOUND_QUALIFIERS),
        achieved_is_upper_bound=bool(latest and latest.qualifier in UPPER_BOUND_QUALIFIERS),
    )
    if interpretation in DIRECTION_NEUTRAL:
        return replace(result, reason="not_applicable", direction_neutral=True)
    if target is None:
        return replace(result, reason="no_target")
    if latest is None:
        return _expected_by(replace(result, reason="no_data"), target, today, whole)
    return _against_target(result, target, interpretation == "lower_is_better", whole)


def _expected_by(result: ProgressResult, target: Target, today: date | None,
                 whole: bool) -> ProgressResult:
    """``result`` with the share elapsed and the value expected by the end of ``today``
    (nothing when no date is given or the target has no line to follow)."""
    if today is None:
        return result
    share = share_elapsed(target.period_start, target.period_end, today)
    baseline, assumed = resolve_baseline(target)
    expected: float | None = None
    if target.target_kind == "annual_floor":
        expected = target.target_value
    elif baseline is not None:
        expected = expected_to_date(baseline, target.target_value, share)
    if whole and expected is not None:
        expected = whole_number(expected)
    return replace(result, share_elapsed=share, expected_to_date=expected, baseline=baseline,
                   baseline_is_assumed=assumed)


def whole_number(value: float) -> float:
    """Rounded half up (330.5 -> 331), not to even as ``round`` does."""
    return float(math.floor(value + 0.5))


def _against_target(result: ProgressResult, target: Target, lower: bool,
                    whole: bool) -> ProgressResult:
    achieved, as_of = result.achieved, result.as_of
    assert achieved is not None and as_of is not None
    share = share_elapsed(target.period_start, target.period_end, as_of)
    if share == 0:
        return replace(result, reason="period_not_started", share_elapsed=0.0)
    baseline, assumed = resolve_baseline(target)
    expected: float | None
    if target.target_kind == "annual_floor":
        expected = target.target_value
    elif baseline is None:
        expected = None
    else:
        expected = expected_to_date(baseline, target.target_value, share)
    if whole and expected is not None:
        expected = whole_number(expected)
    ratio = _ratio(achieved, expected, lower)
    result = replace(
        result,
        baseline=baseline,
        baseline_is_assumed=assumed,
        share_elapsed=share,
        expected_to_date=expected,
        ratio=ratio,
    )
    met = achieved <= target.target_value if lower else achieved >= target.target_value
    if met:
        return replace(result, status="achieved")
    if expected is None:
        return replace(result, reason="no_baseline")
    if ratio is None:
        return replace(result, reason="period_not_started")
    return replace(result, status=classify(ratio))


def _ratio(achieved: float, expected: float | None, lower: bool) -> float | None:
    """achieved ÷ expected (expected ÷ achieved when lower is better); None, never a
    division by zero, when the divisor is 0."""
    if expected is None:
        return None
    numerator, divisor = (expected, achieved) if lower else (achieved, expected)
    return numerator / divisor if divisor else None


def cumulate(observations: Iterable[Observation], start: date, end: date) -> Observation | None:
    """Sum per-period counts into one cumulative observation for ``start``–``end``.

    Periods wholly outside ``start``–``end`` are ignored; None when none is inside. The sum is
    ``at_least`` when a day of the period up to the last count is not covered or a count is
    suppressed; ``up_to`` when a part is an upper bound; ``about`` when bounds of both kinds or
    an ``about`` are mixed in. Raises :class:`ValueError` (never double-counts or guesses) for
    a count with no stated period, one that straddles ``start`` or ``end``, or two that
    overlap."""
    inside: list[tuple[date, date, Observation]] = []
    for obs in observations:
        if obs.period_start is None or obs.period_end is None:
            raise ValueError("an observation with no stated period cannot be cumulated")
        if obs.period_end < start or obs.period_start > end:
            continue
        if obs.period_start < start or obs.period_end > end:
            raise ValueError(
                f"the count for {obs.period_start} to {obs.period_end} straddles the period "
                f"{start} to {end} and cannot be split"
            )
        inside.append((obs.period_start, obs.period_end, obs))
    if not inside:
        return None
    inside.sort(key=lambda row: row[:2])
    for (a_start, a_end, _), (b_start, b_end, _) in pairwise(inside):
        if b_start <= a_end:
            raise ValueError(
                f"the counts for {a_start} to {a_end} and {b_start} to {b_end} overlap; "
                "summing them would count people twice"
            )
    parts = [obs for _, _, obs in inside]
    gap = inside[0][0] != start or any(b[0] != a[1] + _DAY for a, b in pairwise(inside))
    unknown = gap or any(o.value is None for o in parts)
    total = sum(o.value for o in parts if o.value is not None)
    return Observation(start, inside[-1][1], total, _sum_qualifier(parts, unknown))


def _sum_qualifier(parts: Sequence[Observation], missing: bool) -> str:
    lower = missing or any(o.qualifier in LOWER_BOUND_QUALIFIERS for o in parts)
    upper = any(o.qualifier in UPPER_BOUND_QUALIFIERS for o in parts)
    if (lower and upper) or any(o.qualifier == "about" for o in parts):
        return "about"
    return "at_least" if lower else "up_to" if upper else "exact"


def trajectory(
    target: Target, baseline: float | None = None, points: int = 2
) -> list[tuple[date, float]]:
    """The line the method expects, for charts: from (period_start, baseline) to
    (period_end, target) at ``points`` evenly spaced dates. Every point after the first is
    exactly :func:`expected_to_date` as of the end of its date, as :func:`assess_progress`
    computes it; the first is the baseline at the start of the first day. ``baseline``
    defaults to the target's (0 for a cumulative target without one). An ``annual_floor``
    is flat at the target, as assessed."""
    if points < 2:
        raise ValueError(f"a trajectory needs at least 2 points, not {points}")
    if baseline is None:
        baseline = resolve_baseline(target)[0]
    if baseline is None:
        raise ValueError("a level target without a baseline has no trajectory")
    _check_quantity("baseline", baseline)
    if target.target_kind == "annual_floor":
        baseline = target.target_value
    start, end = target.period_start, target.period_end
    span = (end - start).days
    dates = [start + timedelta(days=round(i * span / (points - 1))) for i in range(1, points)]
    goal = target.target_value
    return [(start, baseline)] + [
        (d, expected_to_date(baseline, goal, share_elapsed(start, end, d))) for d in dates
    ]


@dataclass(frozen=True)
class WorkedExample:
    """The /about page's worked example. ``hypothetical`` is always True: the observation is
    invented to show the arithmetic, not a reported figure."""

    hypothetical: bool
    target: Target
    observation: Observation
    days_elapsed: int
    days_in_period: int
    result: ProgressResult


def worked_example(settings: Settings | None = None) -> WorkedExample:
    """The published target, 1,100 front-line workers trained over the strategy period
    (cumulative, baseline 0), against a hypothetical 300 trained as of 2026-09-30."""
    settings = settings or Settings()
    target = Target(
        target_kind="cumulative",
        target_value=1100,
        period_start=settings.strategy_start,
        period_end=settings.strategy_end,
        baseline_value=0,
        indicator_id="frontline_workers_trained",
    )
    observation = Observation(settings.strategy_start, date(2026, 9, 30), 300)
    elapsed, total = days_elapsed(target.period_start, target.period_end, date(2026, 9, 30))
    result = assess_progress(target, [observation], "higher_is_better", whole=True)
    return WorkedExample(True, target, observation, elapsed, total, result)
