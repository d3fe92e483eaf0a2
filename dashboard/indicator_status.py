"""The progress status of one indicator, from the database through the published method.

A thin adapter: it fetches the target and the provincial series and hands them to
:func:`pipelines.marts.status_rule.assess_progress`, so pages never compute a status their own way.
"""

from __future__ import annotations

from dashboard import strategy_queries
from dashboard.database import Database
from pipelines.marts.status_rule import (
    Observation,
    ProgressResult,
    Target,
    assess_progress,
    cumulate,
)


def _cumulative_series(
    observations: list[Observation], target: Target, measure: str
) -> list[Observation] | None:
    """The series as a cumulative target needs it. Indicators already counted cumulatively
    pass through; per-period counts are summed over the target period. None when they
    cannot be summed without double counting (the method then says "not assessed")."""
    if target.target_kind != "cumulative" or measure == "cumulative":
        return observations
    try:
        total = cumulate(observations, target.period_start, target.period_end)
    except ValueError:
        return None
    return [] if total is None else [total]


def indicator_progress(
    db: Database, indicator_id: str, interpretation: str, measure: str
) -> ProgressResult:
    target = strategy_queries.target(db, indicator_id)
    observations = strategy_queries.series(db, indicator_id)
    if target is not None:
        summed = _cumulative_series(observations, target, measure)
        observations = summed if summed is not None else []
    return assess_progress(target, observations, interpretation)
