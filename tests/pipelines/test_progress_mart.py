"""marts.progress: one status per indicator and quarter, decided by the build from the figures."""

from __future__ import annotations

import itertools
from datetime import date
from pathlib import Path

import duckdb
import pytest

from pipelines.marts.progress import assessed_quarters
from pipelines.periods import FiscalQuarter
from pipelines.settings import load_settings

PILLAR_INDICATORS = 10


@pytest.fixture(scope="module")
def demo(demo_db: Path):
    with duckdb.connect(str(demo_db), read_only=True) as con:
        yield con


def _one(con: duckdb.DuckDBPyConnection, sql: str, *params: object) -> tuple:
    row = con.execute(sql, list(params)).fetchone()
    assert row is not None, sql
    return row


def test_one_row_per_pillar_indicator_and_quarter_and_one_latest(demo) -> None:
    quarters = demo.execute("SELECT count(DISTINCT as_of_quarter) FROM marts.progress").fetchone()
    rows = demo.execute("SELECT count(*), count(DISTINCT indicator_id), "
                        "count(*) FILTER (WHERE is_latest) FROM marts.progress").fetchone()
    assert rows == (PILLAR_INDICATORS * quarters[0], PILLAR_INDICATORS, PILLAR_INDICATORS)
    first = _one(demo, "SELECT min(as_of_quarter) FROM marts.progress")
    assert first == ("2025-26Q1",)


def test_the_target_indicator_sums_its_quarters_since_the_target_starts(demo) -> None:
    quarter, value, start, end, expected, ratio, status = _one(demo, """
        SELECT as_of_quarter, value_to_date, period_start, period_end, expected_to_date, ratio,
               status FROM marts.progress
        WHERE indicator_id = 'frontline_workers_trained' AND is_latest""")
    submitted = _one(demo, """
        SELECT sum(value) FROM marts.observations
        WHERE indicator_id = 'frontline_workers_trained' AND geography = 'ontario'
          AND breakdown = 'total' AND load_id IS NOT NULL AND period_end <= ?""", end)
    assert value == submitted[0]
    assert start == date(2025, 4, 1)
    assert end == FiscalQuarter.parse(quarter).end
    assert expected == int(expected)  # a whole number of workers
    assert ratio == pytest.approx(value / expected)
    assert status == ("on_track" if ratio >= 0.95 else
                      "needs_acceleration" if ratio >= 0.6 else "limited_progress")


def test_reported_activity_is_never_judged(demo) -> None:
    judged = demo.execute("""
        SELECT p.indicator_id, p.status FROM marts.progress AS p
        JOIN marts.indicators AS i USING (indicator_id)
        WHERE i.interpretation = 'reported_activity'
          AND (p.status <> 'not_assessed' OR p.status_reason <> 'not_applicable')""").fetchall()
    assert judged == []
    basis = _one(demo, "SELECT basis, basis_fr FROM marts.progress "
                       "WHERE indicator_id = 'joint_forces_investigations' AND is_latest")
    assert "a rise can mean more victims are being found" in basis[0]
    assert "davantage de victimes sont repérées" in basis[1]


def test_a_missing_quarter_makes_the_sum_a_lower_bound(demo) -> None:
    # The demonstration leaves joint_forces_investigations unsubmitted for one quarter.
    missing = _one(demo, "SELECT as_of_quarter FROM marts.progress "
                         "WHERE indicator_id = 'joint_forces_investigations' "
                         "AND this_quarter_state = 'missing'")
    after = demo.execute("""
        SELECT value_to_date_qualifier FROM marts.progress
        WHERE indicator_id = 'joint_forces_investigations' AND as_of_quarter > ?""",
                         [missing[0]]).fetchall()
    assert after and {q for (q,) in after} == {"at_least"}


def test_changes_are_never_computed_from_a_missing_value(demo) -> None:
    rows = demo.execute("""
        SELECT value_this_quarter, value_previous_quarter, change_previous_quarter
        FROM marts.progress WHERE indicator_id = 'joint_forces_investigations'""").fetchall()
    for now, before, change in rows:
        if now is None or before is None:
            assert change is None
        else:
            assert change == now - before


def test_status_changed_compares_with_the_previous_quarter(demo) -> None:
    rows = demo.execute("""
        SELECT status, status_previous, status_changed FROM marts.progress
        WHERE indicator_id = 'frontline_workers_trained' ORDER BY as_of_quarter""").fetchall()
    assert rows[0][1] is None and rows[0][2] is False
    for (before, _, _), (now, previous, changed) in itertools.pairwise(rows):
        assert previous == before
        assert changed == (now != before)


def test_without_submissions_the_target_is_not_assessed_and_says_why(built_db: Path) -> None:
    with duckdb.connect(str(built_db), read_only=True) as con:
        status, reason, value, basis = _one(con, """
            SELECT status, status_reason, value_to_date, basis FROM marts.progress
            WHERE indicator_id = 'frontline_workers_trained' AND is_latest""")
    assert (status, reason, value) == ("not_assessed", "no_data", None)
    assert "No figure reported yet" in basis and "1,100" in basis


def test_the_worked_example_is_computed_by_the_rule(demo) -> None:
    example = _one(demo, "SELECT example_expected, round(example_ratio, 3), example_status, "
                         "on_track_threshold FROM marts.progress_method")
    assert example == (330.0, 0.909, "needs_acceleration", 0.95)


def test_quarters_run_to_the_last_ended_or_submitted_quarter() -> None:
    settings = load_settings(env={})
    labels = [q.label for q in assessed_quarters(settings, date(2026, 12, 2), None)]
    assert labels[0] == "2025-26Q1" and labels[-1] == "2026-27Q2"
    later = assessed_quarters(settings, date(2026, 12, 2), FiscalQuarter.parse("2026-27Q3"))
    assert later[-1].label == "2026-27Q3"
    assert assessed_quarters(settings, date(2025, 5, 1), None) == []
