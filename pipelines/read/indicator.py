"""Everything an indicator page reads, fetched once."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from pipelines.read import milestones, progress, strategy
from pipelines.read.as_of import end_of_day, progress_history
from pipelines.read.core import Reader, fetch, fetch_one
from pipelines.read.rows import (
    Indicator,
    MilestoneLink,
    Observation,
    Progress,
    SubmissionSummary,
    TargetInfo,
)


@dataclass(frozen=True)
class IndicatorPage:
    indicator: Indicator
    observations: tuple[Observation, ...]
    target: TargetInfo | None
    submissions: tuple[SubmissionSummary, ...]
    progress: tuple[Progress, ...]  # every assessed quarter, oldest first; empty: no rule
    deliverables: tuple[MilestoneLink, ...] = ()  # the deliverables that should move it

    @property
    def current(self) -> Progress | None:
        return self.progress[-1] if self.progress else None


def observations(reader: Reader, indicator_id: str,
                 known_at: datetime | None = None) -> list[Observation]:
    if known_at is not None:
        return fetch(reader, "indicator_observations_as_of", Observation,
                     indicator_id=indicator_id, known_at=known_at)
    return fetch(reader, "indicator_observations", Observation, indicator_id=indicator_id)


def target(reader: Reader, indicator_id: str) -> TargetInfo | None:
    return fetch_one(reader, "target", TargetInfo, indicator_id=indicator_id)


def submissions(reader: Reader, indicator_id: str,
                known_at: datetime | None = None) -> list[SubmissionSummary]:
    if known_at is not None:
        return fetch(reader, "indicator_submissions_as_of", SubmissionSummary,
                     indicator_id=indicator_id, known_at=known_at)
    return fetch(reader, "indicator_submissions", SubmissionSummary, indicator_id=indicator_id)


def indicator_page(reader: Reader, indicator_id: str,
                   as_of: date | None = None) -> IndicatorPage | None:
    """Everything the page shows; as known at the end of ``as_of`` when given (the figures
    and statuses of the vintages the build kept; indicator and target are reference data,
    known from the start)."""
    found = strategy.indicator(reader, indicator_id)
    if found is None:
        return None
    known_at = end_of_day(as_of) if as_of else None
    return IndicatorPage(
        found, tuple(observations(reader, indicator_id, known_at)),
        target(reader, indicator_id), tuple(submissions(reader, indicator_id, known_at)),
        tuple(progress.history(reader, indicator_id) if known_at is None
              else progress_history(reader, known_at, indicator_id)),
        tuple(milestones.links(reader, indicator_id=indicator_id)))
