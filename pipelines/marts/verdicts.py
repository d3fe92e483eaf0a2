"""``marts.indicator_assessments``, ``marts.pillar_verdicts`` and ``marts.verdict_method``:
the verdict rule (:mod:`pipelines.marts.verdict_rule`) run once by the build over the figures
the statutory review shows side by side. Built after ``marts.progress`` and
``marts.milestone_quarters``.

The baseline of each core indicator is its latest published total that ended before the
strategy began; its latest figure is the figure to date of ``marts.progress`` when there is
one, else the latest total dated since the strategy began (the same named queries the
statutory review reads, so the verdict and the table cannot disagree).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

import duckdb

from pipelines.marts.verdict_rule import (
    BAD,
    GOOD,
    JUDGED,
    METHOD,
    NO_CHANGE_BAND,
    REPORTED_SHARE,
    Assessment,
    Figure,
    IndicatorInput,
    assess_indicator,
    pillar_verdict,
    worked_example,
)
from pipelines.read.core import ConnectionReader, fetch
from pipelines.read.rows import Figure as FigureRow
from pipelines.read.rows import Progress
from pipelines.settings import Settings
from pipelines.sql import insert_rows
from pipelines.vocabulary import CORE_INDICATORS, DELIVERABLE_STATES, DIRECTION_NEUTRAL


def _figure(row: FigureRow | None) -> Figure | None:
    if row is None:
        return None
    return Figure(row.value, row.qualifier, row.period_start, row.period_end)


def _latest(progress: Progress | None, figure: FigureRow | None) -> tuple[Figure | None,
                                                                           str | None]:
    if progress is not None and progress.value_to_date is not None:
        return (Figure(progress.value_to_date, progress.value_to_date_qualifier or "exact",
                       progress.period_start, progress.period_end),
                progress.value_to_date_status)
    return _figure(figure), figure.status if figure else None


def _interpretation(indicator: FigureRow | Progress) -> str:
    if indicator.interpretation in DIRECTION_NEUTRAL:
        return indicator.interpretation
    return "reported_activity" if indicator.reporting_note else indicator.interpretation


def assessment_rows(con: duckdb.DuckDBPyConnection,
                    start: date) -> list[dict[str, object]]:
    """One ``marts.indicator_assessments`` row per core indicator that has a figure; the
    strategy began on ``start``."""
    reader = ConnectionReader(con)
    baselines = {f.indicator_id: f for f in fetch(reader, "baseline_figures", FigureRow,
                                                  strategy_start=start)}
    since = {f.indicator_id: f for f in fetch(reader, "strategy_figures", FigureRow,
                                              strategy_start=start)}
    progress = {p.indicator_id: p for p in fetch(
        reader, "progress", Progress, latest_only=True, as_of_quarter=None, until_quarter=None,
        indicator_id=None, pillar_id=None, headline=None)}
    targets = {r[0] for r in con.execute("SELECT indicator_id FROM marts.targets").fetchall()}
    rows = []
    for indicator_id in CORE_INDICATORS:
        described = progress.get(indicator_id) or since.get(indicator_id) or baselines.get(
            indicator_id)
        if described is None:
            continue
        rows.append(_row(described, baselines.get(indicator_id), since.get(indicator_id),
                         progress.get(indicator_id), indicator_id in targets))
    return rows


def _row(described: FigureRow | Progress, baseline: FigureRow | None, since: FigureRow | None,
         progress: Progress | None, has_target: bool) -> dict[str, object]:
    latest, latest_status = _latest(progress, since)
    item = IndicatorInput(described.indicator_id, _interpretation(described), described.measure,
                          described.unit_kind, _figure(baseline), latest,
                          progress.status if progress else None,
                          progress.status_reason if progress else None, has_target)
    result = assess_indicator(item)
    return {
        "indicator_id": item.indicator_id, "pillar_id": described.pillar_id,
        **_assessment_columns(result),
        **_figure_columns("baseline", item.baseline, result, baseline_side=True),
        **_figure_columns("latest", latest, result, baseline_side=False),
        "latest_status": latest_status,
        "progress_status": progress.status if progress else None,
        "as_of_quarter": progress.as_of_quarter if progress else None,
        "demo": latest_status == "demo", "method": METHOD,
    }


def _assessment_columns(result: Assessment) -> dict[str, object]:
    return {"assessment": result.assessment, "reason": result.reason,
            "direction": result.direction, "change": result.change,
            "comparable": result.comparable, "refusal": result.refusal}


def _figure_columns(side: str, figure: Figure | None, result: Assessment,
                    *, baseline_side: bool) -> dict[str, object]:
    rate = result.baseline_rate if baseline_side else result.latest_rate
    return {
        f"{side}_value": figure.value if figure else None,
        f"{side}_qualifier": figure.qualifier if figure else None,
        f"{side}_period_start": figure.start if figure else None,
        f"{side}_period_end": figure.end if figure else None,
        f"{side}_per_year": rate.value,
        f"{side}_per_year_qualifier": rate.qualifier if rate.value is not None else None,
        f"{side}_years": rate.years,
    }


def verdict_rows(con: duckdb.DuckDBPyConnection,
                 assessments: list[dict[str, object]]) -> list[dict[str, object]]:
    """One ``marts.pillar_verdicts`` row per pillar."""
    by_pillar: dict[str, list[dict[str, object]]] = defaultdict(list)
    for row in assessments:
        if row["pillar_id"] is not None:
            by_pillar[str(row["pillar_id"])].append(row)
    counts: dict[str, dict[str, int]] = defaultdict(lambda: dict.fromkeys(DELIVERABLE_STATES, 0))
    for pillar_id, state, n in con.execute(
            "SELECT pillar_id, state, count(*) FROM marts.milestone_quarters WHERE is_latest "
            "GROUP BY ALL").fetchall():
        counts[pillar_id][state] = n
    demo_records = {r[0] for r in con.execute(
        "SELECT DISTINCT pillar_id FROM marts.milestone_quarters WHERE is_latest "
        "AND source = 'demo'").fetchall()}
    quarter = con.execute("SELECT max(as_of_quarter) FROM marts.progress").fetchone()
    rows = []
    for (pillar_id,) in con.execute("SELECT pillar_id FROM marts.pillars ORDER BY sort_order"
                                    ).fetchall():
        items = by_pillar.get(pillar_id, [])
        names = [str(r["assessment"]) for r in items]
        verdict = pillar_verdict(names, counts[pillar_id])
        states = counts[pillar_id]
        rows.append({
            "pillar_id": pillar_id, "verdict": verdict.verdict, "reason": verdict.reason,
            "as_of_quarter": quarter[0] if quarter else None, "indicators": len(names),
            "indicators_judged": sum(a in JUDGED for a in names),
            "indicators_good": sum(a in GOOD for a in names),
            "indicators_bad": sum(a in BAD for a in names),
            "indicators_no_change": names.count("no_change"),
            "indicators_reported": names.count("reported_activity"),
            "indicators_not_assessable": names.count("not_assessable"),
            "deliverables": sum(states.values()),
            **{f"deliverables_{s}": states.get(s, 0) for s in DELIVERABLE_STATES},
            "deliverables_reading": verdict.deliverables,
            # A verdict rests on demonstration data when a judged indicator's figure or a
            # deliverable's status record is one.
            "demo": pillar_id in demo_records
            or any(bool(r["demo"]) and r["assessment"] in JUDGED for r in items),
            "method": METHOD,
        })
    return rows


def method_row() -> dict[str, object]:
    example = worked_example()
    item, result = example.indicator, example.assessment
    assert item.baseline and item.latest and result.change is not None
    assert result.baseline_rate.value is not None and result.latest_rate.value is not None
    return {
        "method": METHOD, "no_change_band": NO_CHANGE_BAND, "reported_share": REPORTED_SHARE,
        "example_baseline_value": item.baseline.value,
        "example_baseline_start": item.baseline.start, "example_baseline_end": item.baseline.end,
        "example_baseline_per_year": result.baseline_rate.value,
        "example_latest_value": item.latest.value, "example_latest_start": item.latest.start,
        "example_latest_end": item.latest.end,
        "example_latest_per_year": result.latest_rate.value, "example_change": result.change,
        "example_assessment": result.assessment,
        "example_assessments": list(example.assessments),
        **{f"example_{s}": example.deliverables[s] for s in DELIVERABLE_STATES},
        "example_deliverables_reading": example.verdict.deliverables,
        "example_verdict": example.verdict.verdict,
    }


def build_verdicts(con: duckdb.DuckDBPyConnection, settings: Settings) -> None:
    """Replace the three verdict marts."""
    assessments = assessment_rows(con, settings.strategy_start)
    for table in ("indicator_assessments", "pillar_verdicts", "verdict_method"):
        con.execute(f"DELETE FROM marts.{table}")  # noqa: S608 (names from code)
    insert_rows(con, "marts.indicator_assessments", assessments)
    insert_rows(con, "marts.pillar_verdicts", verdict_rows(con, assessments))
    insert_rows(con, "marts.verdict_method", [method_row()])
