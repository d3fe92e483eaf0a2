"""The statutory review's reads: "did the strategy deliver?" Per pillar, every core indicator
(``pipelines.vocabulary.CORE_INDICATORS``) with its baseline (the latest published figure
that ended before the strategy began), its latest figure since, its target and its status
(``marts.progress``), and the pillar's deliverables by state (``marts.milestone_quarters``).
The page, the statutory briefing and ``python -m dashboard report --statutory`` all read
:func:`statutory_review`, on the live database or a frozen snapshot."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Final

from pipelines.read import milestones, progress, strategy, verdicts
from pipelines.read.core import Reader, fetch
from pipelines.read.indicator import target
from pipelines.read.rows import (
    Figure,
    Indicator,
    IndicatorAssessment,
    Pillar,
    PillarVerdictRow,
    Progress,
    SeriesValue,
    Strategy,
    TargetInfo,
)
from pipelines.vocabulary import CORE_INDICATORS, DELIVERABLE_STATES

# What each strategy's published funding is read from (context series of the announcements).
FUNDING_INDICATORS: Final = ("strategy_investment", "on_ahts_funding")
# Police-reported series across the decade (one line per Juristat edition).
CONTEXT_INDICATORS: Final = ("ca_ht_incidents", "ca_ht_rate")
DECADE_START: Final = date(2015, 1, 1)


@dataclass(frozen=True)
class VerdictRow:
    indicator: Indicator
    baseline: Figure | None  # None: no figure published before the strategy began
    latest: Figure | None  # None: no figure published since (or undated)
    progress: Progress | None  # the latest assessed quarter; None without a status rule
    target: TargetInfo | None
    # The build's assessment with both figures' per-year rates (marts.indicator_assessments);
    # None in a snapshot made before that mart.
    assessment: IndicatorAssessment | None = None


@dataclass(frozen=True)
class PillarVerdict:
    pillar: Pillar | None  # None: the core indicators that belong to no pillar
    rows: tuple[VerdictRow, ...]
    deliverables: dict[str, int]  # review state -> deliverables at the latest quarter
    verdict: PillarVerdictRow | None = None  # marts.pillar_verdicts; None for "other"


@dataclass(frozen=True)
class StatutoryReview:
    strategy_start: date
    as_of_quarter: str | None  # the latest quarter marts.progress assesses
    pillars: tuple[PillarVerdict, ...]
    strategies: tuple[Strategy, ...]
    funding: tuple[SeriesValue, ...]
    context: tuple[SeriesValue, ...]


def series(reader: Reader, indicator_ids: tuple[str, ...],
           date_from: date | None = None) -> list[SeriesValue]:
    return fetch(reader, "indicator_figures", SeriesValue, indicator_ids=list(indicator_ids),
                 date_from=date_from)


def _rows(reader: Reader, indicators: list[Indicator], start: date) -> list[VerdictRow]:
    baselines = {f.indicator_id: f for f in fetch(reader, "baseline_figures", Figure,
                                                  strategy_start=start)}
    latest = {f.indicator_id: f for f in fetch(reader, "strategy_figures", Figure,
                                               strategy_start=start)}
    statuses = {r.indicator_id: r for r in progress.current(reader)}
    assessed = verdicts.assessments(reader)
    return [VerdictRow(i, baselines.get(i.indicator_id), latest.get(i.indicator_id),
                       statuses.get(i.indicator_id), target(reader, i.indicator_id),
                       assessed.get(i.indicator_id))
            for i in indicators]


def _strategy_start(reader: Reader) -> date:
    current = strategy.current(reader)
    assert current is not None, "marts.strategies is empty"
    return current.period_start


def statutory_review(reader: Reader) -> StatutoryReview:
    start = _strategy_start(reader)
    core = sorted((i for i in strategy.indicators(reader) if i.indicator_id in CORE_INDICATORS),
                  key=lambda i: CORE_INDICATORS.index(i.indicator_id))
    rows = _rows(reader, core, start)
    states = milestones.state_counts(reader)
    empty = dict.fromkeys(DELIVERABLE_STATES, 0)
    decided = verdicts.pillar_verdicts(reader)
    pillars = [PillarVerdict(p, tuple(r for r in rows if r.indicator.pillar_id == p.pillar_id),
                             states.get(p.pillar_id, empty),
                             decided.get(p.pillar_id))
               for p in strategy.pillars(reader)]
    pillars.append(PillarVerdict(None, tuple(r for r in rows if r.indicator.pillar_id is None),
                                 empty))
    quarter = next((r.progress.as_of_quarter for r in rows if r.progress), None)
    return StatutoryReview(start, quarter, tuple(pillars),
                           tuple(strategy.strategies(reader)),
                           tuple(series(reader, FUNDING_INDICATORS)),
                           tuple(series(reader, CONTEXT_INDICATORS, DECADE_START)))
