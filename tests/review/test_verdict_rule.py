"""The published verdict rule and per-year rates (pipelines/marts/verdict_rule.py, rates.py):
pure functions, checked on the cases a reviewer would argue about."""

from __future__ import annotations

from datetime import date

import pytest

from pipelines.marts.rates import comparable, per_year, rounded, years_between
from pipelines.marts.verdict_rule import (
    Figure,
    IndicatorInput,
    assess_indicator,
    deliverables_reading,
    direction,
    pillar_verdict,
    worked_example,
)

THREE_YEARS = (date(2021, 4, 1), date(2024, 3, 31))
EIGHTEEN_MONTHS = (date(2025, 4, 1), date(2026, 9, 30))


def people(baseline: Figure | None, latest: Figure | None, *,
           interpretation: str = "higher_is_better", measure: str = "cumulative"
           ) -> IndicatorInput:
    return IndicatorInput("people_served_funded_orgs", interpretation, measure, "count",
                          baseline, latest)


def test_periods_of_whole_months_count_in_months() -> None:
    assert years_between(*THREE_YEARS) == 3
    assert years_between(*EIGHTEEN_MONTHS) == 1.5


def test_a_lower_bound_stays_a_lower_bound_per_year() -> None:
    rate = per_year(29000, "more_than", *THREE_YEARS, "cumulative", "count")
    # 29,000 ÷ 3 = 9,666.67: "more than 9,666" is true, "more than 9,667" would not be.
    assert (rate.value, rate.qualifier) == (9666, "more_than")
    assert rounded(9666.2, "up_to") == 9667 and rounded(9666.5, "exact") == 9667


@pytest.mark.parametrize(("start", "end", "refusal"), [
    (None, date(2023, 2, 28), "no_start"),  # "65 investigations to February 2023"
    (None, None, "no_period"),
    (date(2025, 4, 1), date(2025, 4, 30), "too_short"),
])
def test_a_rate_is_refused_with_its_reason(start: date | None, end: date | None,
                                           refusal: str) -> None:
    rate = per_year(65, "exact", start, end, "cumulative", "count")
    assert rate.value is None and rate.refusal == refusal


def test_levels_are_compared_as_they_stand_and_mixed_kinds_are_refused() -> None:
    level = per_year(52, "exact", *THREE_YEARS, "count", "count")
    flow = per_year(52, "exact", *THREE_YEARS, "cumulative", "count")
    assert comparable(level, level) == ("as_is", None)
    assert comparable(level, flow) == ("refused", "different_measures")
    assert comparable(per_year(65, "exact", None, date(2023, 2, 28), "cumulative", "count"),
                      flow) == ("refused", "baseline_no_start")


@pytest.mark.parametrize(("old", "old_q", "new", "new_q", "expected"), [
    (9000, "exact", 9945, "exact", "up"),
    (9000, "exact", 8000, "exact", "down"),
    (9000, "exact", 9300, "exact", "flat"),  # +3.3 %: inside the ±5 % band
    (9666, "more_than", 9945, "exact", "undetermined"),  # the true baseline may be higher
    (9666, "more_than", 8000, "exact", "down"),  # below even the lower bound
    (9000, "exact", 9500, "at_least", "up"),  # +5.6 % at the least
])
def test_direction_holds_for_every_value_a_qualifier_allows(
        old: float, old_q: str, new: float, new_q: str, expected: str) -> None:
    assert direction(old, old_q, new, new_q)[0] == expected


def test_people_served_with_a_lower_bound_baseline_is_not_assessable() -> None:
    result = assess_indicator(people(Figure(29000, "more_than", *THREE_YEARS),
                                     Figure(14918, "exact", *EIGHTEEN_MONTHS)))
    assert (result.assessment, result.reason, result.direction) == (
        "not_assessable", "bound", "undetermined")
    assert (result.baseline_rate.value, result.latest_rate.value) == (9666, 9945)


def test_reported_activity_is_described_never_judged() -> None:
    result = assess_indicator(people(Figure(300, "exact", *THREE_YEARS),
                                     Figure(300, "exact", *EIGHTEEN_MONTHS),
                                     interpretation="reported_activity"))
    # 100 a year then 200 a year: more reported cases, which is not "improvement".
    assert (result.assessment, result.direction) == ("reported_activity", "up")


def test_lower_is_better_reads_a_fall_as_improvement() -> None:
    result = assess_indicator(people(Figure(3000, "exact", *THREE_YEARS),
                                     Figure(600, "exact", *EIGHTEEN_MONTHS),
                                     interpretation="lower_is_better"))
    assert result.assessment == "improvement"


@pytest.mark.parametrize(("status", "expected"), [
    ("achieved", "on_track"), ("on_track", "on_track"),
    ("needs_acceleration", "not_on_track"), ("limited_progress", "not_on_track"),
])
def test_a_target_indicator_is_assessed_by_its_status(status: str, expected: str) -> None:
    item = IndicatorInput("frontline_workers_trained", "higher_is_better", "cumulative",
                          "count", None, Figure(429, "exact", *EIGHTEEN_MONTHS), status,
                          None, True)
    assert assess_indicator(item).assessment == expected


def test_thin_evidence_is_not_assessable_with_its_reason() -> None:
    assert assess_indicator(people(None, Figure(10, "exact", *EIGHTEEN_MONTHS))).reason == \
        "no_baseline"
    assert assess_indicator(people(Figure(10, "exact", *THREE_YEARS), None)).reason == \
        "no_latest"
    refused = assess_indicator(people(Figure(65, "exact", None, date(2023, 2, 28)),
                                      Figure(52, "exact", *EIGHTEEN_MONTHS)))
    assert (refused.assessment, refused.reason) == ("not_assessable", "refused")


@pytest.mark.parametrize(("counts", "reading"), [
    ({"done": 1, "late": 1, "not_reported": 9}, "late"),
    ({"done": 2, "in_progress": 1, "not_reported": 3}, "on_schedule"),
    ({"done": 1, "not_reported": 7}, "not_assessable"),
    ({}, "not_assessable"),
])
def test_deliverables_reading(counts: dict[str, int], reading: str) -> None:
    assert deliverables_reading(counts) == reading


@pytest.mark.parametrize(("assessments", "deliverables", "verdict"), [
    ((), {"not_reported": 8}, "not_assessable"),
    (("reported_activity",), {"not_reported": 8}, "not_assessable"),
    (("worsening",), {"done": 3}, "worsening"),
    (("worsening", "improvement"), {"done": 3}, "not_on_track"),
    (("on_track",), {"late": 1, "done": 3}, "not_on_track"),
    (("no_change", "no_change"), {"done": 3}, "no_change"),
    (("on_track", "reported_activity"), {"not_reported": 8}, "on_track"),
    (("reported_activity",), {"done": 2, "in_progress": 1, "not_reported": 3}, "on_track"),
])
def test_pillar_verdict_follows_the_published_order(
        assessments: tuple[str, ...], deliverables: dict[str, int], verdict: str) -> None:
    result = pillar_verdict(assessments, deliverables)
    assert result.verdict == verdict
    assert (result.reason == "no_evidence") == (verdict == "not_assessable")


def test_the_worked_example_is_the_published_one() -> None:
    example = worked_example()
    assert example.hypothetical
    assert (example.assessment.baseline_rate.value, example.assessment.latest_rate.value) == (
        9000, 9600)
    assert example.assessment.assessment == "improvement"
    assert example.assessment.change == pytest.approx(0.0667, abs=1e-3)
    assert example.verdict.verdict == "not_on_track"  # one deliverable is late
