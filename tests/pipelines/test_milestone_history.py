"""Deliverables with a history: records in staging.milestone_records become dated rows of
marts.milestone_status, marts.milestones holds the latest, marts.milestone_quarters says what
changed in each quarter, and a rebuild keeps every record."""

from __future__ import annotations

import shutil
from dataclasses import asdict
from datetime import date, datetime
from pathlib import Path

import duckdb
import pytest

from pipelines import sql
from pipelines.build import build_database
from pipelines.marts.milestones import (
    MilestoneRecord,
    build_milestone_status,
    check_record,
    history_rows,
    quarter_rows,
    state_of,
)
from pipelines.periods import FiscalQuarter
from pipelines.settings import load_settings

START = date(2025, 4, 1)
Q = FiscalQuarter.parse


def record(status: str, as_of: date, milestone_id: str = "awareness-a1", **more: object
           ) -> MilestoneRecord:
    values: dict[str, object] = {"recorded_by": "Program A", "source": "submission",
                                 "recorded_at": datetime.combine(as_of, datetime.min.time()),
                                 **more}
    return MilestoneRecord(milestone_id, status, as_of, **values)  # type: ignore[arg-type]


@pytest.fixture()
def db(built_db: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "strategy.duckdb"
    shutil.copy(built_db, copy)
    return copy


def insert_and_build(path: Path, records: list[MilestoneRecord]) -> None:
    """What the submission and web paths will do: append records, then run the build step."""
    with duckdb.connect(str(path)) as con:
        sql.insert_rows(con, "staging.milestone_records", [asdict(r) for r in records])
        build_milestone_status(con, load_settings(env={}, db_path=path))


def test_records_for_two_quarters_make_two_history_rows_and_the_latest_wins(db: Path) -> None:
    insert_and_build(db, [record("in_progress", date(2025, 8, 15), note="first cohort"),
                          record("done", date(2026, 2, 10),
                                 evidence_url="https://example.org/report")])
    with duckdb.connect(str(db), read_only=True) as con:
        history = con.execute("SELECT status, as_of, source, sequence, is_latest "
                              "FROM marts.milestone_status WHERE milestone_id = 'awareness-a1' "
                              "ORDER BY sequence").fetchall()
        latest = con.execute("SELECT status, status_date FROM marts.milestones "
                             "WHERE milestone_id = 'awareness-a1'").fetchone()
        untouched = con.execute("SELECT DISTINCT status FROM marts.milestones "
                                "WHERE milestone_id <> 'awareness-a1'").fetchall()
    assert history == [("not_reported", START, "reference", 1, False),
                       ("in_progress", date(2025, 8, 15), "submission", 2, False),
                       ("done", date(2026, 2, 10), "submission", 3, True)]
    assert latest == ("done", date(2026, 2, 10))
    assert untouched == [("not_reported",)]


def test_each_quarter_says_what_changed(db: Path) -> None:
    insert_and_build(db, [record("in_progress", date(2025, 8, 15)),
                          record("done", date(2026, 2, 10))])
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute("""
            SELECT as_of_quarter, status, status_previous, status_changed, state
            FROM marts.milestone_quarters WHERE milestone_id = 'awareness-a1'
              AND as_of_quarter <= '2025-26Q4' ORDER BY as_of_quarter""").fetchall()
    assert rows == [("2025-26Q1", "not_reported", "not_reported", False, "not_reported"),
                    ("2025-26Q2", "in_progress", "not_reported", True, "in_progress"),
                    ("2025-26Q3", "in_progress", "in_progress", False, "in_progress"),
                    ("2025-26Q4", "done", "in_progress", True, "done")]


def test_an_ingest_after_the_build_keeps_the_starting_status(db: Path) -> None:
    insert_and_build(db, [record("planned", date(2025, 5, 1))])
    insert_and_build(db, [record("in_progress", date(2025, 9, 1))])
    with duckdb.connect(str(db), read_only=True) as con:
        sources = con.execute("SELECT source, status FROM marts.milestone_status "
                              "WHERE milestone_id = 'awareness-a1' ORDER BY sequence").fetchall()
    assert sources == [("reference", "not_reported"), ("submission", "planned"),
                       ("submission", "in_progress")]


def test_a_rebuild_keeps_every_record(db: Path) -> None:
    insert_and_build(db, [record("at_risk", date(2025, 11, 3), "support-a3")])
    build_database(load_settings(env={}, db_path=db))
    with duckdb.connect(str(db), read_only=True) as con:
        kept = con.execute("SELECT count(*) FROM staging.milestone_records").fetchone()
        status = con.execute("SELECT status FROM marts.milestones "
                             "WHERE milestone_id = 'support-a3'").fetchone()
    assert kept == (1,) and status == ("at_risk",)


def test_a_bad_record_is_one_line_per_problem() -> None:
    bad = record("finished", date(2031, 1, 1), "awareness-z9", evidence_url="ftp://x")
    problems = check_record(bad, {"awareness-a1"}, today=date(2026, 12, 1),
                            strategy_start=START, file="deliverables.csv", row=4)
    assert [str(p) for p in problems] == [
        "deliverables.csv:4:milestone_id: unknown deliverable 'awareness-z9'",
        "deliverables.csv:4:status: status 'finished' is not one of not_reported, planned, "
        "in_progress, done, at_risk",
        "deliverables.csv:4:as_of: as_of 2031-01-01 is in the future",
        "deliverables.csv:4:evidence_url: evidence_url must start with http:// or https://",
    ]
    early = record("done", date(2025, 3, 1))
    assert [p.message for p in check_record(early, {"awareness-a1"}, today=date(2026, 12, 1),
                                            strategy_start=START, file="f", row=2)] == [
        "as_of 2025-03-01 is before the strategy began (2025-04-01)"]


def test_late_is_at_risk_or_not_done_by_the_due_date() -> None:
    assert state_of("at_risk", None, date(2025, 6, 30)) == "late"
    assert state_of("in_progress", date(2025, 9, 1), date(2025, 6, 30)) == "in_progress"
    assert state_of("in_progress", date(2025, 9, 1), date(2025, 9, 30)) == "late"
    assert state_of("done", date(2025, 9, 1), date(2025, 9, 30)) == "done"


def test_a_passed_due_date_makes_a_deliverable_fall_overdue_once() -> None:
    start = record("not_reported", START, source="reference")
    history = history_rows([start], [record("in_progress", date(2025, 5, 2),
                                            due_date=date(2025, 12, 31))])
    quarters = list(FiscalQuarter.range(Q("2025-26Q1"), Q("2025-26Q4")))
    rows = quarter_rows(history, {"awareness-a1": "awareness"}, quarters)
    assert [(r["as_of_quarter"], r["state"], r["fell_overdue"]) for r in rows] == [
        ("2025-26Q1", "in_progress", False), ("2025-26Q2", "in_progress", False),
        ("2025-26Q3", "late", True), ("2025-26Q4", "late", False)]
