"""The quarterly review read from marts.progress on the demonstration build."""

from __future__ import annotations

import pytest

from pipelines.periods import FiscalQuarter
from pipelines.read import ConnectionReader
from pipelines.read.review import (
    IndicatorReview,
    NoQuarterlyData,
    QuarterReview,
    available_quarters,
    quarter_review,
)

Q = FiscalQuarter.parse


def _item(review: QuarterReview, indicator_id: str) -> IndicatorReview:
    return next(i for p in review.pillars for i in p.indicators
                if i.row.indicator_id == indicator_id)


def test_quarters_with_data_newest_first(demo: ConnectionReader) -> None:
    quarters = available_quarters(demo)
    assert quarters[-1] == Q("2025-26Q1")
    assert list(quarters) == sorted(quarters, reverse=True)


def test_unknown_quarter_raises(demo: ConnectionReader) -> None:
    with pytest.raises(NoQuarterlyData):
        quarter_review(demo, Q("2021-22Q1"))


def test_every_pillar_and_demo_flag(demo: ConnectionReader) -> None:
    review = quarter_review(demo, Q("2025-26Q2"))
    assert [p.pillar.pillar_id for p in review.pillars] == ["awareness", "protection",
                                                            "support", "accountability"]
    assert review.has_demo


def test_the_demo_revision_shows_in_the_next_review_only(demo: ConnectionReader) -> None:
    second = _item(quarter_review(demo, Q("2025-26Q2")), "frontline_workers_trained")
    assert [(r.quarter, r.old_value, r.new_value) for r in second.revisions] == [
        ("2025-26Q1", 75.0, pytest.approx(81.0))]
    row = second.row
    assert row.value_previous_quarter == 81  # the revised value
    assert row.change_previous_quarter == row.value_this_quarter - 81
    third = _item(quarter_review(demo, Q("2025-26Q3")), "frontline_workers_trained")
    assert third.revisions == ()


def test_a_missing_submission_is_listed_and_compared_with_nothing(
        demo: ConnectionReader) -> None:
    quarters = available_quarters(demo)
    gap = quarters[1]  # the demo leaves joint_forces_investigations out of this quarter
    after = _item(quarter_review(demo, quarters[0]), "joint_forces_investigations")
    assert gap.label in after.missing
    assert after.row.change_previous_quarter is None
    missing = _item(quarter_review(demo, gap), "joint_forces_investigations")
    assert missing.row.this_quarter_state == "missing"
    assert missing.row.status_reason == "not_applicable"  # reported activity: never judged


def test_the_review_series_runs_from_the_strategy_start_to_the_quarter(
        demo: ConnectionReader) -> None:
    item = _item(quarter_review(demo, Q("2026-27Q1")), "frontline_workers_trained")
    assert item.series[0].as_of_quarter == "2025-26Q1"
    assert item.series[-1].as_of_quarter == "2026-27Q1" == item.row.as_of_quarter
