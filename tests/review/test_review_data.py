"""The review assembled from a database built with the demonstration submissions."""

from __future__ import annotations

import duckdb
import pytest

from pipelines.periods import FiscalQuarter
from pipelines.review_data import NoQuarterlyData, available_quarters, build_review
from pipelines.settings import Settings

Q = FiscalQuarter.parse


def _item(review, indicator_id):  # type: ignore[no-untyped-def]
    return next(i for p in review.pillars for i in p.indicators
                if i.indicator.indicator_id == indicator_id)


def test_quarters_with_data_newest_first(cur: duckdb.DuckDBPyConnection,
                                         demo_settings: Settings) -> None:
    quarters = available_quarters(cur, demo_settings)
    assert quarters[-1] == Q("2025-26Q1")
    assert list(quarters) == sorted(quarters, reverse=True)


def test_unknown_quarter_raises(cur: duckdb.DuckDBPyConnection, demo_settings: Settings) -> None:
    with pytest.raises(NoQuarterlyData):
        build_review(cur, demo_settings, Q("2021-22Q1"))


def test_every_pillar_and_demo_flag(cur: duckdb.DuckDBPyConnection,
                                   demo_settings: Settings) -> None:
    review = build_review(cur, demo_settings, Q("2025-26Q2"))
    assert [p.pillar_id for p in review.pillars] == ["awareness", "protection", "support",
                                                      "accountability"]
    assert review.has_demo


def test_the_demo_revision_shows_in_the_next_review_only(cur: duckdb.DuckDBPyConnection,
                                                         demo_settings: Settings) -> None:
    second = _item(build_review(cur, demo_settings, Q("2025-26Q2")), "frontline_workers_trained")
    assert [(r.quarter, r.old_value, r.new_value) for r in second.revisions] == [
        ("2025-26Q1", 75.0, pytest.approx(81.0))]
    assert second.previous.revised and second.change_previous is not None
    assert second.change_previous.absolute == second.current.value - 81  # the revised value
    third = _item(build_review(cur, demo_settings, Q("2025-26Q3")), "frontline_workers_trained")
    assert third.revisions == ()


def test_missing_submission_gives_no_change_and_an_at_least_total(
        cur: duckdb.DuckDBPyConnection, demo_settings: Settings) -> None:
    quarters = available_quarters(cur, demo_settings)
    if len(quarters) < 2:
        pytest.skip("the demo needs two quarters")
    gap = quarters[1]  # the demo leaves joint_forces_investigations out of this quarter
    after = _item(build_review(cur, demo_settings, quarters[0]), "joint_forces_investigations")
    assert gap.label in after.missing
    assert after.change_previous is None
    if gap.fiscal_year_start == quarters[0].fiscal_year_start:
        assert after.year_to_date is not None and after.year_to_date.qualifier == "at_least"
    missing = _item(build_review(cur, demo_settings, gap), "joint_forces_investigations")
    assert missing.current.status == "missing" and missing.status_now is None
