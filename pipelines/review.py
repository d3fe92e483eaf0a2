"""The quarterly review: "where are we this quarter?" Pure: plain rows in, a review out.

Used by the ``/review/quarterly`` page, its briefing download and ``python -m pipelines
report``, so the three can never disagree. :mod:`pipelines.review_data` fetches the rows.

Rules, each stated on the page as well:

* **This quarter's value** is the provincial total (``ontario``, breakdown ``total``) of the
  quarterly submissions; its status is ``submitted``, ``revised``, ``demo``, ``suppressed`` or
  ``missing``.
* **Changes** (on the last quarter, on the same quarter last year) are computed only when both
  values exist: never from a missing or suppressed value. The percentage is None when the
  earlier value is 0. A change between qualified values ("at least 5") is flagged approximate.
* **Fiscal year to date** sums the quarters from 1 April with
  :func:`pipelines.marts.status_rule.cumulate`;
  it reads "at least" when a quarter of the year so far is missing or suppressed. Only
  cumulative measures are summed: four quarters of "3 teams" are not 12 teams.
* **Progress status** exists only for an indicator with a target: the cumulative total from the
  start of the target period against the straight line, now and at the end of the previous
  quarter. Reported-activity and context indicators never get one.
* **The last review** is the review of the previous quarter, taken to happen once that
  quarter's first submission was loaded. Revisions since then are values replaced by a load
  after that one and before the first submission for the next quarter (so an old quarter's
  review does not show later corrections).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from pipelines.marts.status_rule import (
    DIRECTION_NEUTRAL,
    Observation,
    ProgressResult,
    Target,
    assess_progress,
    cumulate,
)
from pipelines.periods import FiscalQuarter, fiscal_year_to_date

SUMMABLE_MEASURES = frozenset({"cumulative"})


@dataclass(frozen=True)
class QuarterValue:
    """One quarter's provincial total. ``value`` is None when missing or suppressed."""

    quarter: FiscalQuarter
    value: float | None
    qualifier: str = "exact"
    status: str = "missing"  # submitted | revised | demo | suppressed | missing
    revised: bool = False
    demo: bool = False

    @property
    def usable(self) -> bool:
        return self.value is not None


@dataclass(frozen=True)
class Change:
    absolute: float
    percent: float | None  # None when the earlier value is 0
    approximate: bool  # True when either side is qualified ("at least", "about", ...)


@dataclass(frozen=True)
class YearToDate:
    value: float
    qualifier: str  # "at_least" when a quarter of the year so far is missing or suppressed
    first: FiscalQuarter
    last: FiscalQuarter


@dataclass(frozen=True)
class Revision:
    indicator_id: str
    geography: str
    breakdown: str
    quarter: str
    load_id: int
    loaded_at: datetime
    old_value: float | None  # None: it was suppressed
    new_value: float | None
    demo: bool


@dataclass(frozen=True)
class Indicator:
    """What the review needs to know about one indicator (a ``marts.indicators`` row)."""

    indicator_id: str
    pillar_id: str
    name_en: str
    name_fr: str
    interpretation: str
    reporting_note: bool
    unit_kind: str
    measure: str = "cumulative"
    target: Target | None = None

    @property
    def neutral(self) -> bool:
        return self.interpretation in DIRECTION_NEUTRAL or self.reporting_note

    @property
    def summable(self) -> bool:
        """Quarterly counts of a cumulative measure (people trained, charges laid) add up over
        the year; a level (teams, organizations) or an annual average does not."""
        return self.measure in SUMMABLE_MEASURES


@dataclass(frozen=True)
class IndicatorReview:
    indicator: Indicator
    current: QuarterValue
    previous: QuarterValue
    last_year: QuarterValue
    change_previous: Change | None
    change_last_year: Change | None
    year_to_date: YearToDate | None
    status_now: ProgressResult | None  # None for neutral indicators
    status_before: ProgressResult | None
    series: tuple[QuarterValue, ...]  # strategy start → this quarter, for the chart
    revisions: tuple[Revision, ...]
    missing: tuple[str, ...]  # quarters up to this one with no submission

    @property
    def status_changed(self) -> bool:
        if self.status_now is None or self.status_before is None:
            return False
        return self.status_now.status != self.status_before.status


@dataclass(frozen=True)
class LastReview:
    """The previous quarter's review, as the module docstring defines it."""

    quarter: FiscalQuarter
    load_id: int | None  # its first load; None when it had no submission
    loaded_at: datetime | None
    until_load_id: int | None  # first load of the next quarter (excluded); None: up to now


def change(new: QuarterValue, old: QuarterValue) -> Change | None:
    """``new − old``, or None when either side is missing or suppressed."""
    if new.value is None or old.value is None:
        return None
    difference = new.value - old.value
    percent = difference / old.value * 100 if old.value else None
    approximate = new.qualifier != "exact" or old.qualifier != "exact"
    return Change(difference, percent, approximate)


def _observation(value: QuarterValue) -> Observation:
    return Observation(value.quarter.start, value.quarter.end, value.value, value.qualifier)


def year_to_date(series: Mapping[FiscalQuarter, QuarterValue],
                 quarter: FiscalQuarter) -> YearToDate | None:
    """The sum from 1 April to the end of ``quarter``; None when nothing has been submitted."""
    start, end = fiscal_year_to_date(quarter)
    first = FiscalQuarter.from_date(start)
    parts = [series[q] for q in FiscalQuarter.range(first, quarter) if q in series]
    total = cumulate([_observation(p) for p in parts], start, end)
    if total is None or total.value is None:
        return None
    # cumulate flags gaps before its last count; a missing last quarter is a gap too.
    short = total.period_end is not None and total.period_end < end
    qualifier = "at_least" if short and total.qualifier == "exact" else total.qualifier
    return YearToDate(total.value, qualifier, first, quarter)


def progress_at(indicator: Indicator, series: Mapping[FiscalQuarter, QuarterValue],
                quarter: FiscalQuarter) -> ProgressResult | None:
    """The status as of the end of ``quarter``; None for a neutral indicator. With a
    cumulative target the quarterly counts are summed from the start of its period."""
    if indicator.neutral:
        return None
    target = indicator.target
    observations = [_observation(v) for q, v in series.items() if q <= quarter]
    if target is not None and target.target_kind == "cumulative":
        start = target.period_start
        inside = [o for o in observations if o.period_start and o.period_start >= start]
        total = cumulate(inside, target.period_start, quarter.end)
        observations = [] if total is None else [total]
    return assess_progress(target, observations, indicator.interpretation)


def revisions_since(history: Iterable[Revision], last: LastReview) -> tuple[Revision, ...]:
    """Replacements loaded after the last review's first load and before the next quarter's."""
    after = last.load_id or 0
    return tuple(r for r in history
                 if r.load_id > after and (last.until_load_id is None
                                           or r.load_id < last.until_load_id))


def missing_quarters(expected: Iterable[tuple[str, bool]],
                     quarter: FiscalQuarter) -> tuple[str, ...]:
    """Labels of the quarters up to ``quarter`` expected but not submitted."""
    return tuple(label for label, submitted in expected
                 if not submitted and FiscalQuarter.parse(label) <= quarter)


def review_indicator(indicator: Indicator, series: Mapping[FiscalQuarter, QuarterValue],
                     quarter: FiscalQuarter, revisions: Sequence[Revision],
                     missing: Sequence[str], first: FiscalQuarter) -> IndicatorReview:
    def at(q: FiscalQuarter) -> QuarterValue:
        return series.get(q, QuarterValue(q, None))

    current, previous, last_year = at(quarter), at(quarter.previous()), at(
        quarter.same_quarter_last_year())
    return IndicatorReview(
        indicator=indicator, current=current, previous=previous, last_year=last_year,
        change_previous=change(current, previous), change_last_year=change(current, last_year),
        year_to_date=year_to_date(series, quarter) if indicator.summable else None,
        status_now=progress_at(indicator, series, quarter),
        status_before=progress_at(indicator, series, quarter.previous()),
        series=tuple(at(q) for q in FiscalQuarter.range(first, quarter)),
        revisions=tuple(revisions), missing=tuple(missing))
