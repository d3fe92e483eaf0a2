"""Everything an indicator page reads, fetched once."""

from __future__ import annotations

from dataclasses import dataclass

from pipelines.read import milestones, progress, strategy
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


def observations(reader: Reader, indicator_id: str) -> list[Observation]:
    return fetch(reader, "indicator_observations", Observation, indicator_id=indicator_id)


def target(reader: Reader, indicator_id: str) -> TargetInfo | None:
    return fetch_one(reader, "target", TargetInfo, indicator_id=indicator_id)


def indicator_page(reader: Reader, indicator_id: str) -> IndicatorPage | None:
    found = strategy.indicator(reader, indicator_id)
    if found is None:
        return None
    return IndicatorPage(
        found, tuple(observations(reader, indicator_id)), target(reader, indicator_id),
        tuple(fetch(reader, "indicator_submissions", SubmissionSummary,
                    indicator_id=indicator_id)),
        tuple(progress.history(reader, indicator_id)),
        tuple(milestones.links(reader, indicator_id=indicator_id)))
