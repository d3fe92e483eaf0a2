"""``marts.progress``: every pillar indicator's status, figure to date and period, quarter by
quarter, decided once by the rule in :mod:`pipelines.marts.status_rule` (docs/architecture.md ›
Domain rules). Nothing else computes a status: pages, briefings and downloads read this table.

Which figure a status is decided on depends on what the indicator measures:

* ``cumulative`` (people trained, charges laid): the quarterly counts summed since the start of
  the target period (the strategy's, without a target) — ``to_date_kind = 'since_start'``;
* ``annual_average`` (children served each year): the counts summed since 1 April of the
  quarter's fiscal year — ``'fiscal_year'``;
* anything else (teams, organizations): the latest figure reported in the strategy period —
  ``'latest'``.

Rows run from the strategy's first quarter to the later of the last quarter that has ended by
the build and the last quarter submitted.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from datetime import date
from typing import Any, Final

import duckdb

from pipelines.marts.basis import Numbers, sentence
from pipelines.marts.quarters import MISSING, Series, Sum, change, quarter_value, summed
from pipelines.marts.status_rule import (
    NEEDS_ACCELERATION,
    ON_TRACK,
    Observation,
    ProgressResult,
    Target,
    assess_progress,
    resolve_baseline,
    worked_example,
)
from pipelines.periods import FiscalQuarter
from pipelines.settings import Settings
from pipelines.sql import insert_rows
from pipelines.vocabulary import DIRECTION_NEUTRAL

METHOD: Final = "straight-line-v2"

_INDICATORS: Final = """
    SELECT i.indicator_id, i.measure, i.interpretation, i.reporting_note, u.kind AS unit_kind,
           u.name_en AS unit_en, u.name_fr AS unit_fr
    FROM marts.indicators AS i JOIN marts.units AS u USING (unit)
    WHERE i.pillar_id IS NOT NULL ORDER BY i.indicator_id"""
_TARGETS: Final = """
    SELECT indicator_id, target_kind, target_value, period_start, period_end, baseline_value
    FROM marts.targets QUALIFY row_number() OVER (PARTITION BY indicator_id
                                                  ORDER BY period_end DESC) = 1"""
_SUBMITTED: Final = """
    SELECT indicator_id, period_start, value, qualifier, status, suppressed, revision
    FROM marts.observations
    WHERE load_id IS NOT NULL AND geography = 'ontario' AND breakdown = 'total'"""
# Published figures of a level (teams, organizations) inside the strategy period.
_PUBLISHED: Final = """
    SELECT indicator_id, period_start, period_end, value, qualifier, status
    FROM marts.observations
    WHERE load_id IS NULL AND breakdown = 'total' AND NOT suppressed AND value IS NOT NULL
      AND period_end BETWEEN $start AND $end ORDER BY period_end"""


def assessed_quarters(settings: Settings, today: date,
                      last_submitted: FiscalQuarter | None) -> list[FiscalQuarter]:
    first = FiscalQuarter.from_date(settings.strategy_start)
    last = FiscalQuarter.from_date(today).previous()
    if last_submitted is not None and last_submitted > last:
        last = last_submitted
    return list(FiscalQuarter.range(first, min(last, FiscalQuarter.from_date(
        settings.strategy_end))))


def build_progress(con: duckdb.DuckDBPyConnection, settings: Settings,
                   today: date | None = None) -> None:
    """Replace ``marts.progress`` and ``marts.progress_method`` from the loaded figures."""
    con.execute("DELETE FROM marts.progress")
    con.execute("DELETE FROM marts.progress_method")
    insert_rows(con, "marts.progress_method", [_method_row(settings)])
    insert_rows(con, "marts.progress",
                progress_rows(con, settings, today or date.today(), _series(con)))


def progress_rows(con: duckdb.DuckDBPyConnection, settings: Settings, today: date,
                  series: dict[str, dict[FiscalQuarter, Any]]) -> list[dict[str, object]]:
    """The ``marts.progress`` rows for the submitted totals ``series`` (indicator -> quarter
    -> value) as a build on ``today`` would decide them. Also run over the revision history
    as it stood after each load (:mod:`pipelines.marts.vintages`)."""
    last = max((q for s in series.values() for q in s), default=None)
    quarters = assessed_quarters(settings, today, last)
    if not quarters:
        return []
    targets = {r["indicator_id"]: r for r in _records(con, _TARGETS)}
    published: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in _records(con, _PUBLISHED, start=settings.strategy_start, end=quarters[-1].end):
        published[row["indicator_id"]].append(row)
    rows = []
    for indicator in _records(con, _INDICATORS):
        target = _target(targets.get(indicator["indicator_id"]))
        rows += indicator_rows(indicator, target, series.get(indicator["indicator_id"], {}),
                               published[indicator["indicator_id"]], quarters, settings)
    return rows


def _records(con: duckdb.DuckDBPyConnection, sql: str, **params: object) -> list[dict[str, Any]]:
    cursor = con.execute(sql, params)
    columns = [d[0] for d in cursor.description or ()]
    return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]


def _target(row: dict[str, Any] | None) -> Target | None:
    if row is None:
        return None
    return Target(row["target_kind"], float(row["target_value"]), row["period_start"],
                  row["period_end"], row["baseline_value"], row["indicator_id"])


def _series(con: duckdb.DuckDBPyConnection) -> dict[str, dict[FiscalQuarter, Any]]:
    series: dict[str, dict[FiscalQuarter, Any]] = defaultdict(dict)
    for row in _records(con, _SUBMITTED):
        series[row["indicator_id"]][FiscalQuarter.from_date(row["period_start"])] = quarter_value(
            row["value"], row["qualifier"], row["status"], row["suppressed"], row["revision"])
    return series


def to_date(indicator: dict[str, Any], target: Target | None, series: Series,
            published: list[dict[str, Any]], quarter: FiscalQuarter,
            settings: Settings) -> tuple[str, Sum | None, str | None]:
    """(to_date_kind, the figure and its period, the status of the figures behind it)."""
    measure = indicator["measure"]
    if measure in ("cumulative", "annual_average"):
        start = (target.period_start if target and measure == "cumulative"
                 else settings.strategy_start)
        first = (FiscalQuarter.from_date(start) if measure == "cumulative"
                 else FiscalQuarter(quarter.fiscal_year_start, 1))
        total = summed(series, first, quarter)
        kind = "since_start" if measure == "cumulative" else "fiscal_year"
        return kind, total, None if total is None else _sum_status(series, first, quarter)
    return "latest", *_latest(series, published, quarter)


def _sum_status(series: Series, first: FiscalQuarter, last: FiscalQuarter) -> str:
    states = {series.get(q, MISSING).state for q in FiscalQuarter.range(first, last)}
    return "demo" if "demo" in states else "revised" if "revised" in states else "submitted"


def _latest(series: Series, published: list[dict[str, Any]],
            quarter: FiscalQuarter) -> tuple[Sum | None, str | None]:
    found: list[tuple[date, Sum, str]] = [
        (q.end, Sum(v.value, v.qualifier, q.start, q.end, v.state == "demo"), v.state)
        for q, v in series.items() if q <= quarter and v.value is not None]
    found += [(r["period_end"], Sum(r["value"], r["qualifier"], r["period_start"] or
                                    r["period_end"], r["period_end"], False), r["status"])
              for r in published if r["period_end"] <= quarter.end]
    if not found:
        return None, None
    _, figure, state = max(found, key=lambda item: item[0])
    return figure, state


def indicator_rows(indicator: dict[str, Any], target: Target | None, series: Series,
                   published: list[dict[str, Any]], quarters: list[FiscalQuarter],
                   settings: Settings) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    previous: str | None = None
    for quarter in quarters:
        row = quarter_row(indicator, target, series, published, quarter, settings)
        row.update(status_previous=previous, status_changed=previous is not None
                   and previous != row["status"], is_latest=quarter == quarters[-1])
        previous = str(row["status"])
        rows.append(row)
    return rows


def quarter_row(indicator: dict[str, Any], target: Target | None, series: Series,
                published: list[dict[str, Any]], quarter: FiscalQuarter,
                settings: Settings) -> dict[str, object]:
    kind, figure, state = to_date(indicator, target, series, published, quarter, settings)
    result = _assess(indicator, target, figure, quarter.end)
    return {
        "indicator_id": indicator["indicator_id"], "as_of_quarter": quarter.label,
        "quarter_start": quarter.start, "quarter_end": quarter.end, "to_date_kind": kind,
        "period_start": figure.start if figure else None,
        "period_end": figure.end if figure else None,
        "value_to_date": figure.value if figure else None,
        "value_to_date_qualifier": figure.qualifier if figure else None,
        "value_to_date_status": state,
        **_quarter_columns(indicator, series, quarter),
        **_status_columns(indicator, target, figure, result, quarter),
        "method": METHOD,
    }


def _quarter_columns(indicator: dict[str, Any], series: Series,
                     quarter: FiscalQuarter) -> dict[str, object]:
    now = series.get(quarter, MISSING)
    before = series.get(quarter.previous(), MISSING)
    last_year = series.get(quarter.same_quarter_last_year(), MISSING)
    on_previous, on_last_year = change(now, before), change(now, last_year)
    year = (summed(series, FiscalQuarter(quarter.fiscal_year_start, 1), quarter)
            if indicator["measure"] in ("cumulative", "annual_average") else None)
    return {
        "value_this_quarter": now.value,
        "value_this_quarter_qualifier": now.qualifier if now.value is not None else None,
        "this_quarter_state": now.state, "value_previous_quarter": before.value,
        "value_same_quarter_last_year": last_year.value,
        "change_previous_quarter": on_previous.absolute if on_previous else None,
        "change_previous_quarter_pct": on_previous.percent if on_previous else None,
        "change_same_quarter_last_year": on_last_year.absolute if on_last_year else None,
        "change_same_quarter_last_year_pct": on_last_year.percent if on_last_year else None,
        "change_is_approximate": any(c.approximate for c in (on_previous, on_last_year) if c),
        "fiscal_year_to_date": year.value if year else None,
        "fiscal_year_to_date_qualifier": year.qualifier if year else None,
    }


def _neutral(indicator: dict[str, Any]) -> bool:
    return indicator["interpretation"] in DIRECTION_NEUTRAL or bool(indicator["reporting_note"])


def _assess(indicator: dict[str, Any], target: Target | None,
            figure: Sum | None, quarter_end: date) -> ProgressResult:
    interpretation = ("reported_activity" if _neutral(indicator)
                      and indicator["interpretation"] not in DIRECTION_NEUTRAL
                      else indicator["interpretation"])
    observations = [] if figure is None else [
        Observation(figure.start, figure.end, figure.value, figure.qualifier)]
    return assess_progress(target, observations, interpretation,
                           whole=indicator["unit_kind"] == "count", today=quarter_end)


def _status_columns(indicator: dict[str, Any], target: Target | None, figure: Sum | None,
                    result: ProgressResult, quarter: FiscalQuarter) -> dict[str, object]:
    baseline, assumed = resolve_baseline(target) if target else (None, False)
    numbers = Numbers(
        indicator["unit_en"], indicator["unit_fr"],
        achieved=figure.value if figure else None,
        achieved_qualifier=figure.qualifier if figure else "exact",
        period_start=figure.start if figure else None, period_end=figure.end if figure else None,
        expected=result.expected_to_date, baseline=baseline, baseline_is_assumed=assumed,
        target=target.target_value if target else None,
        target_start=target.period_start if target else None,
        target_end=target.period_end if target else None, ratio=result.ratio,
        demo=bool(figure and figure.demo), unit_kind=indicator["unit_kind"])
    kind = result.reason or result.status
    if kind == "no_data" and result.expected_to_date is not None:
        # Expected by now comes from the date, with or without data.
        kind, numbers = "no_data_expected", replace(numbers, period_end=quarter.end)
    kind = "compared" if kind in ("on_track", "needs_acceleration", "limited_progress") else kind
    return {
        "target_kind": target.target_kind if target else None,
        "target_value": target.target_value if target else None,
        "target_period_start": target.period_start if target else None,
        "target_period_end": target.period_end if target else None,
        "baseline_value": baseline, "baseline_is_assumed": assumed,
        "expected_to_date": result.expected_to_date, "ratio": result.ratio,
        "share_elapsed": result.share_elapsed, "assessed_at": result.as_of,
        "status": result.status, "status_reason": result.reason,
        "basis": sentence(kind, numbers, "en"), "basis_fr": sentence(kind, numbers, "fr"),
    }


def _method_row(settings: Settings) -> dict[str, object]:
    example = worked_example(settings)
    result = example.result
    assert result.expected_to_date is not None and result.ratio is not None
    return {
        "method": METHOD, "on_track_threshold": ON_TRACK,
        "needs_acceleration_threshold": NEEDS_ACCELERATION,
        "example_target": example.target.target_value,
        "example_baseline": example.target.baseline_value or 0.0,
        "example_period_start": example.target.period_start,
        "example_period_end": example.target.period_end,
        "example_as_of": example.observation.period_end,
        "example_achieved": example.observation.value,
        "example_days_elapsed": example.days_elapsed,
        "example_days_in_period": example.days_in_period,
        "example_share_elapsed": result.share_elapsed,
        "example_expected": result.expected_to_date, "example_ratio": result.ratio,
        "example_status": result.status,
    }
