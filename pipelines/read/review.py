"""The quarterly review's reads: "where are we this quarter?" Every figure and status comes
from ``marts.progress``; this module only fetches and groups (one per pillar, one per
indicator with its quarters, revisions and missing submissions). Used by the page, the
briefing download and ``python -m dashboard report``, so the three cannot disagree.

The last review is the review of the previous quarter, taken to happen once that quarter's
first submission was loaded. Revisions since then are values replaced by a load after that
one and before the first submission for the next quarter (so an old quarter's review does not
show later corrections). The build computes them once per quarter
(:mod:`pipelines.marts.review`): a review reads a few rows, never the submission history.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime

from pipelines.periods import FiscalQuarter
from pipelines.read import milestones, progress, strategy
from pipelines.read.core import Reader, fetch
from pipelines.read.rows import (
    Comparison,
    Count,
    Figure,
    MilestoneQuarter,
    MissingSubmission,
    Pillar,
    Progress,
    QuarterLabel,
    QuarterLoad,
    Revision,
)
from pipelines.vocabulary import PROGRESS_STATUSES


class NoQuarterlyData(LookupError):
    """The quarter is well formed but has no submitted data."""


@dataclass(frozen=True)
class LastReview:
    quarter: FiscalQuarter
    load_id: int | None  # its first load; None when it had no submission
    loaded_at: datetime | None
    until_load_id: int | None  # first load of the next quarter (excluded); None: up to now


@dataclass(frozen=True)
class IndicatorReview:
    row: Progress  # the indicator at the reviewed quarter
    series: tuple[Progress, ...]  # the strategy's first quarter to the reviewed one
    revisions: tuple[Revision, ...]
    missing: tuple[str, ...]  # quarters up to the reviewed one with no submission
    # Why each change has a number or not (marts.quarter_comparisons), by comparison.
    comparisons: dict[str, Comparison] = field(default_factory=dict)


@dataclass(frozen=True)
class PillarReview:
    pillar: Pillar
    indicators: tuple[IndicatorReview, ...]


@dataclass(frozen=True)
class QuarterReview:
    quarter: FiscalQuarter
    quarters: tuple[FiscalQuarter, ...]  # every quarter with data, newest first
    last_review: LastReview
    pillars: tuple[PillarReview, ...]
    has_demo: bool
    # The summary's reads: pillar indicators per status at the quarter (every status of
    # pipelines.vocabulary.PROGRESS_STATUSES, zero when none), the deliverables that changed
    # status or fell overdue during it, and the day the strategy began.
    status_counts: dict[str, int] = field(default_factory=dict)
    # The same indicators by glance group (GLANCE_GROUPS): judged statuses, then "not
    # assessed" split into awaiting data, no numeric target and reported activity.
    group_counts: dict[str, int] = field(default_factory=dict)
    deliverable_changes: tuple[MilestoneQuarter, ...] = ()
    strategy_start: date | None = None

    @property
    def indicators(self) -> tuple[IndicatorReview, ...]:
        return tuple(i for p in self.pillars for i in p.indicators)


def available_quarters(reader: Reader) -> tuple[FiscalQuarter, ...]:
    """Quarters with submitted data, newest first (the picker's choices)."""
    return tuple(FiscalQuarter.parse(r.quarter)
                 for r in fetch(reader, "review_quarters", QuarterLabel))


def last_review(reader: Reader, quarter: FiscalQuarter) -> LastReview:
    first = {r.quarter: r for r in fetch(reader, "quarter_first_loads", QuarterLoad)}
    previous = first.get(quarter.previous().label)
    following = first.get(quarter.next().label)
    return LastReview(quarter.previous(), previous.load_id if previous else None,
                      previous.loaded_at if previous else None,
                      following.load_id if following else None)


def _is_demo(item: IndicatorReview) -> bool:
    return (any(r.this_quarter_state == "demo" or r.value_to_date_status == "demo"
                for r in item.series) or any(r.demo for r in item.revisions))


def status_counts(reader: Reader, quarter: FiscalQuarter) -> dict[str, int]:
    """Pillar indicators per status at ``quarter``, read from marts.progress."""
    counts = {c.status: c.n for c in fetch(reader, "quarter_status_counts", Count,
                                           quarter=quarter.label)}
    return {status: counts.get(status, 0) for status in PROGRESS_STATUSES}


GLANCE_GROUPS = ("achieved", "on_track", "needs_acceleration", "limited_progress",
                 "awaiting_data", "no_target", "reported_activity")


def glance_group(row: Progress) -> str:
    """The glance group of one progress row (the split of quarter_group_counts.sql)."""
    if row.status != "not_assessed":
        return row.status
    return {"no_target": "no_target", "not_applicable": "reported_activity"}.get(
        row.status_reason or "", "awaiting_data")


def statuses_of(groups: dict[str, int]) -> dict[str, int]:
    """Indicators per marts.progress status, from the glance's groups (the three split
    groups are all ``not_assessed``)."""
    counts = dict.fromkeys(PROGRESS_STATUSES, 0)
    for group, n in groups.items():
        counts[group if group in counts else "not_assessed"] += n
    return counts


def group_counts(reader: Reader, quarter: FiscalQuarter) -> dict[str, int]:
    counts = {c.status: c.n for c in fetch(reader, "quarter_group_counts", Count,
                                           quarter=quarter.label)}
    return {group: counts.get(group, 0) for group in GLANCE_GROUPS}


def _comparisons(reader: Reader, quarter: FiscalQuarter) -> dict[str, dict[str, Comparison]]:
    found: dict[str, dict[str, Comparison]] = defaultdict(dict)
    for row in fetch(reader, "quarter_comparisons", Comparison, quarter=quarter.label):
        found[row.indicator_id][row.comparison] = row
    return found


def quarter_review(reader: Reader, quarter: FiscalQuarter,
                   quarters: tuple[FiscalQuarter, ...] | None = None) -> QuarterReview:
    """The whole review of ``quarter``; raises :class:`NoQuarterlyData` if it has none.
    ``quarters``: :func:`available_quarters`, when the caller has read them already."""
    quarters = available_quarters(reader) if quarters is None else quarters
    if quarter not in quarters:
        raise NoQuarterlyData(f"no quarterly data for {quarter.label}")
    since = last_review(reader, quarter)
    series: dict[str, list[Progress]] = defaultdict(list)
    for row in progress.history(reader, until_quarter=quarter.label):
        series[row.indicator_id].append(row)
    revisions: dict[str, list[Revision]] = defaultdict(list)
    for revision in fetch(reader, "quarter_revisions", Revision, quarter=quarter.label):
        revisions[revision.indicator_id].append(revision)
    missing: dict[str, list[str]] = defaultdict(list)
    for gap in fetch(reader, "quarter_missing", MissingSubmission, quarter=quarter.label):
        missing[gap.indicator_id].append(gap.quarter)
    comparisons = _comparisons(reader, quarter)
    by_pillar: dict[str | None, list[IndicatorReview]] = defaultdict(list)
    for row in progress.at_quarter(reader, quarter.label):
        rows = series[row.indicator_id]
        if all(r.this_quarter_state == "missing" for r in rows):
            continue  # an indicator that takes no submissions has nothing to review
        by_pillar[row.pillar_id].append(IndicatorReview(
            row, tuple(rows), tuple(revisions[row.indicator_id]),
            tuple(missing[row.indicator_id]), comparisons[row.indicator_id]))
    pillars = tuple(PillarReview(p, tuple(by_pillar[p.pillar_id]))
                    for p in strategy.pillars(reader) if by_pillar.get(p.pillar_id))
    has_demo = any(_is_demo(i) for p in pillars for i in p.indicators)
    current = strategy.current(reader)
    groups = group_counts(reader, quarter)
    return QuarterReview(quarter, quarters, since, pillars, has_demo,
                         statuses_of(groups), groups,
                         tuple(milestones.changes(reader, quarter.label)),
                         current.period_start if current else None)


@dataclass(frozen=True)
class Awaiting:
    """What the quarterly review shows before any submission has arrived: the quarter
    submissions are expected for (the latest one marts.progress assesses), each pillar
    indicator's status there and its latest published figure, and the deliverables."""

    quarter: FiscalQuarter | None
    rows: tuple[Progress, ...]
    figures: dict[str, Figure]
    pillars: tuple[Pillar, ...]
    deliverables: dict[str, dict[str, int]]  # pillar -> review state -> deliverables


def awaiting(reader: Reader) -> Awaiting:
    rows = tuple(progress.current(reader))
    figures = {f.indicator_id: f for f in strategy.latest_figures(reader)
               if f.pillar_id is not None}
    quarter = FiscalQuarter.parse(rows[0].as_of_quarter) if rows else None
    return Awaiting(quarter, rows, figures, tuple(strategy.pillars(reader)),
                    milestones.state_counts(reader))
