"""Which series exist, how they are grouped, what each has and when the next figure is
expected (``/data``, ``/data/availability``, the indicator pages and their data files).

Whether an indicator has figures is read from the marts by one named query
(``availability.sql``); what depends on the day (which quarters have ended, hence which
submissions could have arrived and when the next can) is worked out here from ``today``, so
the same rows give the same answer on the same day and tests pass a fixed day.

The submission calendar (data/submissions/README.md, "Format" and "Checks"): each pillar
indicator is submitted once per fiscal quarter, from the strategy's first quarter to its last;
a quarter's figures can be sent once the quarter has ended, never before. No deadline is
published, so "next expected" is the first day the next figures *can* arrive, never an
invented due date: the day after the earliest ended quarter not yet submitted (expected
now), else the day after the current quarter ends. Series read from published documents
follow no calendar: they change when their source publishes again.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Final

from pipelines.periods import FiscalQuarter
from pipelines.read import strategy
from pipelines.read.core import Reader, fetch, fetch_one
from pipelines.read.rows import (
    Availability,
    PeriodBounds,
    SeriesEntry,
    Strategy,
    SubmissionArrival,
)
from pipelines.vocabulary import TOPICS

# next_expected kinds: a submission can arrive now (an ended quarter is missing), after the
# current quarter ends, none (the strategy's last quarter is in), or no calendar at all.
NEXT_NOW: Final = "now"
NEXT_AFTER_QUARTER: Final = "after_quarter"
NEXT_NONE: Final = "strategy_over"
NEXT_UNSCHEDULED: Final = "unscheduled"
# A quarter's state in the per-quarter table.
ARRIVED: Final = "arrived"
ARRIVED_DEMO: Final = "arrived_demo"
MISSING: Final = "missing"
NOT_ENDED: Final = "not_ended"


@dataclass(frozen=True)
class NextExpected:
    kind: str  # NEXT_NOW | NEXT_AFTER_QUARTER | NEXT_NONE | NEXT_UNSCHEDULED
    quarter: FiscalQuarter | None = None  # the quarter whose figures are expected
    from_day: date | None = None  # the first day they can arrive


@dataclass(frozen=True)
class LastUpdated:
    """When an indicator's figures last changed: a load's day, or a source's publication
    date as precise as it is known (``2023-12``)."""

    kind: str  # "loaded" | "published" | "demo_loaded"
    day: date | None = None
    published: str | None = None


@dataclass(frozen=True)
class Freshness:
    """An indicator's availability with what depends on the day."""

    row: Availability
    last_updated: LastUpdated | None
    next_expected: NextExpected


@dataclass(frozen=True)
class QuarterCell:
    indicator_id: str
    state: str  # ARRIVED | ARRIVED_DEMO | MISSING | NOT_ENDED
    first_loaded: datetime | None = None


def series_list(reader: Reader) -> list[SeriesEntry]:
    return fetch(reader, "series_list", SeriesEntry, topics=list(TOPICS))


def current_strategy(reader: Reader, start: date) -> Strategy | None:
    """The strategy whose period starts on ``start`` (the settings' strategy start)."""
    return next((s for s in strategy.strategies(reader) if s.period_start == start), None)


def freshness_of(row: Availability, today: date, start: date, end: date) -> Freshness:
    return Freshness(row, last_updated(row), next_expected(row, today, start, end))


def period_bounds(reader: Reader) -> PeriodBounds:
    found = fetch_one(reader, "period_bounds", PeriodBounds)
    return found or PeriodBounds(None, None)


def availability(reader: Reader, indicator_id: str | None = None) -> list[Availability]:
    return fetch(reader, "availability", Availability, indicator_id=indicator_id)


def arrivals(reader: Reader) -> list[SubmissionArrival]:
    return fetch(reader, "submission_arrivals", SubmissionArrival)


def calendar(today: date, start: date, end: date) -> tuple[list[FiscalQuarter], FiscalQuarter]:
    """The strategy's quarters that have ended by ``today`` and the quarter in course."""
    first, last = FiscalQuarter.from_date(start), FiscalQuarter.from_date(end)
    current = FiscalQuarter.from_date(today)
    ended = [q for q in FiscalQuarter.range(first, last) if q < current]
    return ended, current


def next_expected(row: Availability, today: date, start: date, end: date) -> NextExpected:
    """When the indicator's next figures can arrive (see the module's calendar)."""
    if not row.takes_submissions:
        return NextExpected(NEXT_UNSCHEDULED)
    ended, current = calendar(today, start, end)
    submitted = set(row.quarters_submitted)
    missing = [q for q in ended if q.label not in submitted]
    if missing:
        return NextExpected(NEXT_NOW, missing[0], missing[0].end + timedelta(days=1))
    # Before the strategy starts, its first quarter is the next one expected.
    upcoming = max(current, FiscalQuarter.from_date(start))
    if upcoming <= FiscalQuarter.from_date(end):
        return NextExpected(NEXT_AFTER_QUARTER, upcoming, upcoming.end + timedelta(days=1))
    return NextExpected(NEXT_NONE)


def _published_start(text: str) -> date:
    """The first day a publication date as precise as known can mean (``2023`` -> 1 Jan)."""
    parts = [int(p) for p in text.split("-")] + [1, 1]
    return date(parts[0], parts[1], parts[2])


def last_updated(row: Availability) -> LastUpdated | None:
    """The later of the last accepted submission and the newest source's publication date;
    demonstration loads only when nothing real exists."""
    loaded = row.last_loaded.date() if row.last_loaded else None
    published = row.last_published
    if loaded and (not published or loaded >= _published_start(published)):
        return LastUpdated("loaded", day=loaded)
    if published:
        return LastUpdated("published", published=published)
    if row.last_demo_loaded:
        return LastUpdated("demo_loaded", day=row.last_demo_loaded.date())
    return None


def freshness(reader: Reader, indicator_id: str, today: date, start: date,
              end: date) -> Freshness | None:
    row = fetch_one(reader, "availability", Availability, indicator_id=indicator_id)
    return None if row is None else freshness_of(row, today, start, end)


def quarter_grid(indicator_ids: list[str], found: list[SubmissionArrival], today: date,
                 start: date, end: date) -> list[tuple[FiscalQuarter, list[QuarterCell]]]:
    """Per quarter of the strategy up to the one in course, newest first: each indicator's
    submission, a demonstration one, missing (the quarter has ended) or not yet possible."""
    ended, current = calendar(today, start, end)
    by_key: dict[tuple[str, str], list[SubmissionArrival]] = defaultdict(list)
    for arrival in found:
        by_key[(arrival.indicator_id, arrival.quarter)].append(arrival)
    quarters = [*ended, current] if current <= FiscalQuarter.from_date(end) else ended
    grid = []
    for quarter in reversed(quarters):
        cells = []
        for indicator_id in indicator_ids:
            got = by_key.get((indicator_id, quarter.label), [])
            real = [a for a in got if not a.demo]
            if real:
                cells.append(QuarterCell(indicator_id, ARRIVED, real[0].first_loaded))
            elif got:
                cells.append(QuarterCell(indicator_id, ARRIVED_DEMO, got[0].first_loaded))
            else:
                cells.append(QuarterCell(indicator_id,
                                         MISSING if quarter in ended else NOT_ENDED))
        grid.append((quarter, cells))
    return grid
