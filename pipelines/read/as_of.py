"""Figures as they were known at a time, read from the vintages the build keeps
(``marts.observation_vintages``, ``marts.progress_vintages``; docs/architecture.md › Data
flow). Nothing here decides a figure or a status: it picks the vintage in force.

"As known on" a day means at the end of that day. The quarterly review of a quarter is taken
to happen when that quarter's first submission was loaded (:mod:`pipelines.read.review`), so
"as shown at the review" is the vintage in force right after that load.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Final

from pipelines.periods import FiscalQuarter
from pipelines.read import progress
from pipelines.read.core import Reader, fetch
from pipelines.read.rows import Progress, QuarterLoad

# What a reader compares between two versions of one marts.progress row.
COMPARED: Final = ("value_this_quarter", "value_to_date", "status")


def end_of_day(day: date) -> datetime:
    """The last instant of ``day``: what was known "on" it."""
    return datetime.combine(day, time.max)


@dataclass(frozen=True)
class Compared:
    """One indicator at the reviewed quarter, as shown at the review and as known today."""

    at_review: Progress | None  # None: the indicator had no row then
    today: Progress
    changed: tuple[str, ...]  # names of COMPARED that differ


@dataclass(frozen=True)
class ReviewThenAndNow:
    quarter: FiscalQuarter
    reviewed_at: datetime | None  # the quarter's first load; None: never submitted
    indicators: tuple[Compared, ...]  # every indicator reviewed, in the review's order

    @property
    def changed(self) -> tuple[Compared, ...]:
        return tuple(c for c in self.indicators if c.changed)


def progress_history(reader: Reader, known_at: datetime, indicator_id: str | None = None,
                     until_quarter: str | None = None) -> list[Progress]:
    """Every assessed quarter as known at ``known_at`` (the vintage the build kept for that
    time), oldest first per indicator: what ``progress.history`` gives for today."""
    return fetch(reader, "progress_as_of", Progress, known_at=known_at,
                 indicator_id=indicator_id, until_quarter=until_quarter)


def reviewed_at(reader: Reader, quarter: FiscalQuarter) -> datetime | None:
    """When the review of ``quarter`` is taken to have happened (its first load)."""
    for row in fetch(reader, "quarter_first_loads", QuarterLoad):
        if row.quarter == quarter.label:
            return row.loaded_at
    return None


def _changed(then: Progress | None, now: Progress) -> tuple[str, ...]:
    if then is None:
        return COMPARED
    return tuple(name for name in COMPARED if getattr(then, name) != getattr(now, name))


def review_then_and_now(reader: Reader, quarter: FiscalQuarter) -> ReviewThenAndNow:
    """The indicators that take submissions at ``quarter``: as shown at its review and as
    known today (both rows from the build)."""
    when = reviewed_at(reader, quarter)
    then = {r.indicator_id: r for r in progress_history(
        reader, when, until_quarter=quarter.label)
        if r.as_of_quarter == quarter.label} if when else {}
    today = [r for r in progress.at_quarter(reader, quarter.label)
             if r.this_quarter_state != "missing" or (
                 r.indicator_id in then and then[r.indicator_id].this_quarter_state != "missing")]
    return ReviewThenAndNow(quarter, when, tuple(
        Compared(then.get(r.indicator_id), r, _changed(then.get(r.indicator_id), r))
        for r in today))


def parse_day(text: str, today: date | None = None) -> date:
    """A day written ``YYYY-MM-DD``, not after ``today`` (ValueError otherwise, one line):
    nothing is known yet about a future day, so it is refused like a malformed one."""
    value = text.strip()
    if len(value) != 10 or value[4] != "-" or value[7] != "-":
        raise ValueError(f"as_of must be a date written YYYY-MM-DD, not {value[:40]!r}")
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"as_of must be a date written YYYY-MM-DD, not {value[:40]!r}") from None
    if day > (today or date.today()):
        raise ValueError(f"as_of {value} is in the future: figures are known up to today")
    return day
