"""marts.quarter_comparisons: a comparison with a quarter before the strategy began says so,
instead of blaming a missing or suppressed value."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb
import pytest

from pipelines.marts.comparisons import reason
from pipelines.periods import FiscalQuarter

START = date(2025, 4, 1)
Q = FiscalQuarter.parse


@pytest.mark.parametrize(("quarter", "comparison", "states", "expected"), [
    ("2025-26Q1", "previous_quarter", {}, "before_strategy"),
    ("2025-26Q4", "same_quarter_last_year", {}, "before_strategy"),
    ("2026-27Q1", "same_quarter_last_year", {"2026-27Q1": (5.0, "submitted"),
                                             "2025-26Q1": (6.0, "submitted")}, "compared"),
    ("2025-26Q2", "previous_quarter", {"2025-26Q2": (5.0, "submitted")}, "not_submitted"),
    ("2025-26Q2", "previous_quarter", {"2025-26Q2": (5.0, "submitted"),
                                       "2025-26Q1": (None, "suppressed")}, "suppressed"),
    ("2025-26Q2", "previous_quarter", {"2025-26Q1": (6.0, "submitted")},
     "this_quarter_missing"),
])
def test_the_first_reason_that_holds(quarter: str, comparison: str,
                                     states: dict[str, tuple[float | None, str]],
                                     expected: str) -> None:
    keyed = {("x", q): value for q, value in states.items()}
    assert reason(keyed, "x", Q(quarter), comparison, START) == expected


def test_demo_build_first_year_compares_with_nothing_before_the_strategy(demo_db: Path) -> None:
    with duckdb.connect(str(demo_db), read_only=True) as con:
        rows = con.execute("""
            SELECT as_of_quarter, comparison, compared_quarter, reason
            FROM marts.quarter_comparisons WHERE indicator_id = 'frontline_workers_trained'
              AND as_of_quarter IN ('2025-26Q1', '2025-26Q2') ORDER BY 1, 2""").fetchall()
    assert rows == [("2025-26Q1", "previous_quarter", "2024-25Q4", "before_strategy"),
                    ("2025-26Q1", "same_quarter_last_year", "2024-25Q1", "before_strategy"),
                    ("2025-26Q2", "previous_quarter", "2025-26Q1", "compared"),
                    ("2025-26Q2", "same_quarter_last_year", "2024-25Q2", "before_strategy")]
