"""The pure rules of the quarterly review, on small hand-made series."""

from __future__ import annotations

from datetime import date, datetime

from pipelines.marts.status_rule import Target
from pipelines.periods import FiscalQuarter
from pipelines.review import (
    Indicator,
    LastReview,
    QuarterValue,
    Revision,
    change,
    missing_quarters,
    progress_at,
    review_indicator,
    revisions_since,
    year_to_date,
)

Q = FiscalQuarter.parse
TRAINED = Indicator("trained", "awareness", "Trained", "Formés", "higher_is_better", False,
                    "count", "cumulative",
                    Target("cumulative", 1100, date(2025, 4, 1), date(2030, 3, 31)))
CHARGES = Indicator("charges", "accountability", "Charges", "Accusations", "reported_activity",
                    True, "count", "cumulative")
TEAMS = Indicator("teams", "protection", "Teams", "Équipes", "higher_is_better", False, "count",
                  "count")


def value(label: str, v: float | None, qualifier: str = "exact", **kw: object) -> QuarterValue:
    status = "suppressed" if v is None else "submitted"
    return QuarterValue(Q(label), v, qualifier, status, **kw)  # type: ignore[arg-type]


def series(*values: QuarterValue) -> dict[FiscalQuarter, QuarterValue]:
    return {v.quarter: v for v in values}


def test_change_is_absolute_and_percent() -> None:
    result = change(value("2026-27Q2", 60), value("2026-27Q1", 80))
    assert result is not None
    assert (result.absolute, result.percent, result.approximate) == (-20, -25, False)


def test_no_change_from_a_suppressed_or_missing_value() -> None:
    assert change(value("2026-27Q2", 60), value("2026-27Q1", None)) is None
    assert change(value("2026-27Q2", None), value("2026-27Q1", 5)) is None
    assert change(value("2026-27Q2", 5), QuarterValue(Q("2026-27Q1"), None)) is None


def test_change_from_zero_has_no_percent_and_qualified_values_are_approximate() -> None:
    from_zero = change(value("2026-27Q2", 4), value("2026-27Q1", 0))
    assert from_zero is not None and from_zero.percent is None
    rough = change(value("2026-27Q2", 40, "at_least"), value("2026-27Q1", 30))
    assert rough is not None and rough.approximate


def test_year_to_date_sums_from_april() -> None:
    ytd = year_to_date(series(value("2025-26Q4", 99), value("2026-27Q1", 10),
                              value("2026-27Q2", 20)), Q("2026-27Q2"))
    assert ytd is not None and (ytd.value, ytd.qualifier) == (30, "exact")


def test_year_to_date_is_at_least_when_a_quarter_is_missing_or_suppressed() -> None:
    gap_first = year_to_date(series(value("2026-27Q2", 20)), Q("2026-27Q2"))
    assert gap_first is not None and (gap_first.value, gap_first.qualifier) == (20, "at_least")
    gap_last = year_to_date(series(value("2026-27Q1", 10)), Q("2026-27Q2"))
    assert gap_last is not None and (gap_last.value, gap_last.qualifier) == (10, "at_least")
    hidden = year_to_date(series(value("2026-27Q1", None), value("2026-27Q2", 20)),
                          Q("2026-27Q2"))
    assert hidden is not None and (hidden.value, hidden.qualifier) == (20, "at_least")
    assert year_to_date({}, Q("2026-27Q2")) is None


def test_levels_are_not_summed() -> None:
    review = review_indicator(TEAMS, series(value("2026-27Q1", 3), value("2026-27Q2", 3)),
                              Q("2026-27Q2"), [], [], Q("2025-26Q1"))
    assert review.year_to_date is None


def test_status_is_cumulative_against_the_straight_line_and_its_change_is_seen() -> None:
    # Expected after one quarter: 1100 × 91/1826 ≈ 54.8; after two ≈ 110.
    data = series(value("2025-26Q1", 60), value("2025-26Q2", 10))
    now = progress_at(TRAINED, data, Q("2025-26Q2"))
    before = progress_at(TRAINED, data, Q("2025-26Q1"))
    assert before is not None and before.status == "on_track"
    assert now is not None and now.status == "needs_acceleration" and now.achieved == 70
    review = review_indicator(TRAINED, data, Q("2025-26Q2"), [], [], Q("2025-26Q1"))
    assert review.status_changed


def test_reported_activity_never_gets_a_status() -> None:
    review = review_indicator(CHARGES, series(value("2026-27Q2", 9)), Q("2026-27Q2"), [], [],
                              Q("2025-26Q1"))
    assert review.status_now is None and review.status_before is None
    assert not review.status_changed


def test_revisions_since_the_last_review_are_bounded_by_the_next_quarter() -> None:
    def rev(load: int) -> Revision:
        return Revision("trained", "ontario", "total", "2025-26Q1", load,
                        datetime(2025, 10, 25), 75, 81, demo=True)

    last = LastReview(Q("2025-26Q1"), 1, datetime(2025, 7, 25), until_load_id=3)
    assert [r.load_id for r in revisions_since([rev(1), rev(2), rev(3)], last)] == [2]
    open_ended = LastReview(Q("2025-26Q1"), 1, datetime(2025, 7, 25), None)
    assert [r.load_id for r in revisions_since([rev(2), rev(5)], open_ended)] == [2, 5]


def test_missing_quarters_up_to_the_quarter_reviewed() -> None:
    expected = [("2026-27Q1", False), ("2026-27Q2", True), ("2026-27Q3", False)]
    assert missing_quarters(expected, Q("2026-27Q2")) == ("2026-27Q1",)
    assert missing_quarters(expected, Q("2025-26Q4")) == ()
