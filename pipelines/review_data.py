"""Fetch the rows of the quarterly review (named, parameterised SQL) and assemble it with the
pure rules of :mod:`pipelines.review`. Works on any DuckDB cursor: the dashboard's read-only
one or the ``report`` command's."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from itertools import pairwise
from typing import Final

import duckdb

from pipelines.marts.status_rule import Target
from pipelines.periods import FiscalQuarter
from pipelines.review import (
    Indicator,
    IndicatorReview,
    LastReview,
    QuarterValue,
    Revision,
    missing_quarters,
    review_indicator,
    revisions_since,
)
from pipelines.settings import Settings

SQL: Final[dict[str, str]] = {
    # Quarters with a submitted provincial total, newest first.
    "quarters": """
        SELECT DISTINCT quarter FROM marts.observation_history
        WHERE period_start >= $start AND period_end <= $end ORDER BY quarter DESC""",
    "indicators": """
        SELECT i.indicator_id, i.pillar_id, i.name_en, i.name_fr, i.interpretation,
               coalesce(i.reporting_note, false), coalesce(u.kind, 'count'),
               i.measure
        FROM marts.indicators AS i
        LEFT JOIN marts.units AS u ON u.unit = i.unit
        WHERE i.indicator_id IN (SELECT indicator_id FROM marts.submission_coverage)
        ORDER BY i.sort_order, i.indicator_id""",
    "pillars": "SELECT pillar_id, name_en, name_fr FROM marts.pillars ORDER BY sort_order",
    "targets": """
        SELECT indicator_id, target_kind, target_value, period_start, period_end, baseline_value
        FROM marts.targets""",
    "values": """
        SELECT indicator_id, period_start, value, qualifier, status, suppressed, revision
        FROM marts.observations
        WHERE load_id IS NOT NULL AND geography = 'ontario' AND breakdown = 'total'""",
    "history": """
        SELECT indicator_id, geography, breakdown, quarter, load_id, loaded_at,
               CASE WHEN suppressed THEN NULL ELSE value END, status
        FROM marts.observation_history ORDER BY indicator_id, geography, breakdown, quarter,
               load_id""",
    "first_loads": """
        SELECT quarter, min(load_id), min(loaded_at) FROM marts.observation_history
        GROUP BY quarter""",
    "coverage": """
        SELECT indicator_id, quarter, submitted FROM marts.submission_coverage
        ORDER BY indicator_id, quarter""",
}


@dataclass(frozen=True)
class PillarReview:
    pillar_id: str
    name_en: str
    name_fr: str
    indicators: tuple[IndicatorReview, ...]


@dataclass(frozen=True)
class QuarterReview:
    quarter: FiscalQuarter
    quarters: tuple[FiscalQuarter, ...]  # every quarter with data, newest first
    last_review: LastReview
    pillars: tuple[PillarReview, ...]
    has_demo: bool


class NoQuarterlyData(LookupError):
    """The quarter is well formed but has no submitted data."""


def available_quarters(cur: duckdb.DuckDBPyConnection,
                       settings: Settings) -> tuple[FiscalQuarter, ...]:
    """Quarters with data within the strategy period, newest first (the picker's choices)."""
    params = {"start": settings.strategy_start, "end": settings.strategy_end}
    return tuple(FiscalQuarter.parse(q) for (q,) in cur.execute(SQL["quarters"], params).fetchall())


def _targets(cur: duckdb.DuckDBPyConnection) -> dict[str, Target]:
    return {row[0]: Target(row[1], row[2], row[3], row[4], row[5], row[0])
            for row in cur.execute(SQL["targets"]).fetchall()}


def _indicators(cur: duckdb.DuckDBPyConnection) -> list[Indicator]:
    targets = _targets(cur)
    return [Indicator(r[0], r[1], r[2], r[3], r[4], bool(r[5]), r[6], r[7],
                      targets.get(r[0]))
            for r in cur.execute(SQL["indicators"]).fetchall()]


def _series(cur: duckdb.DuckDBPyConnection) -> dict[str, dict[FiscalQuarter, QuarterValue]]:
    series: dict[str, dict[FiscalQuarter, QuarterValue]] = defaultdict(dict)
    for indicator, start, value, qualifier, status, suppressed, revision in cur.execute(
            SQL["values"]).fetchall():
        quarter = FiscalQuarter.from_date(start)
        shown = "suppressed" if suppressed else "revised" if revision else status
        series[indicator][quarter] = QuarterValue(
            quarter, None if suppressed else value, qualifier, shown,
            revised=bool(revision) or status == "revised", demo=status == "demo")
    return series


def _replacements(cur: duckdb.DuckDBPyConnection) -> dict[str, list[Revision]]:
    """Every (older → newer) pair of versions of one cell, by indicator."""
    found: dict[str, list[Revision]] = defaultdict(list)
    rows = cur.execute(SQL["history"]).fetchall()
    for old, new in pairwise(rows):
        if old[:4] != new[:4] or old[6] == new[6]:
            continue
        found[new[0]].append(Revision(new[0], new[1], new[2], new[3], int(new[4]), new[5],
                                      old[6], new[6], demo=new[7] == "demo"))
    return found


def last_review(cur: duckdb.DuckDBPyConnection, quarter: FiscalQuarter) -> LastReview:
    first: dict[str, tuple[int, datetime]] = {
        q: (int(load), at) for q, load, at in cur.execute(SQL["first_loads"]).fetchall()}
    previous = first.get(quarter.previous().label)
    following = first.get(quarter.next().label)
    return LastReview(quarter.previous(), previous[0] if previous else None,
                      previous[1] if previous else None, following[0] if following else None)


def build_review(cur: duckdb.DuckDBPyConnection, settings: Settings,
                 quarter: FiscalQuarter) -> QuarterReview:
    """The whole review of ``quarter``; raises :class:`NoQuarterlyData` if it has none."""
    quarters = available_quarters(cur, settings)
    if quarter not in quarters:
        raise NoQuarterlyData(f"no quarterly data for {quarter.label}")
    series, replaced = _series(cur), _replacements(cur)
    since = last_review(cur, quarter)
    coverage: dict[str, list[tuple[str, bool]]] = defaultdict(list)
    for indicator_id, label, submitted in cur.execute(SQL["coverage"]).fetchall():
        coverage[indicator_id].append((label, bool(submitted)))
    first = FiscalQuarter.from_date(settings.strategy_start)
    by_pillar: dict[str, list[IndicatorReview]] = defaultdict(list)
    for indicator in _indicators(cur):
        mine = series.get(indicator.indicator_id, {})
        by_pillar[indicator.pillar_id].append(review_indicator(
            indicator, mine, quarter, revisions_since(replaced[indicator.indicator_id], since),
            missing_quarters(coverage[indicator.indicator_id], quarter), first))
    pillars = tuple(PillarReview(p, en, fr, tuple(by_pillar[p]))
                    for p, en, fr in cur.execute(SQL["pillars"]).fetchall() if by_pillar.get(p))
    has_demo = any(v.demo or any(r.demo for r in i.revisions)
                   for p in pillars for i in p.indicators for v in i.series)
    return QuarterReview(quarter, quarters, since, pillars, has_demo)
