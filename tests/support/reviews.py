"""What the reviews show when things moved: deliverable records and a stored status change,
added to a copy of the demonstration build."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date, datetime
from pathlib import Path

import duckdb

from pipelines import sql
from pipelines.marts.milestones import MilestoneRecord, build_milestone_status
from pipelines.settings import load_settings

QUARTER = "2026-27Q2"  # the quarter the changes are recorded in


def with_recorded_changes(db: Path, quarter: str = QUARTER) -> Path:
    """Record awareness-a1 in progress (by a submission) and support-a3 at risk (by staff),
    and mark front-line workers trained as changed from "needs acceleration" in ``quarter``.
    Writes to ``db``: give it a copy."""
    records = [MilestoneRecord("awareness-a1", "in_progress", date(2026, 8, 14), "Program A",
                               "submission", note="Second cohort started",
                               recorded_at=datetime(2026, 10, 20, 9)),
               MilestoneRecord("support-a3", "at_risk", date(2026, 9, 2), "staff@example.org",
                               "staff", recorded_at=datetime(2026, 10, 21, 9))]
    with duckdb.connect(str(db)) as con:
        sql.insert_rows(con, "staging.milestone_records", [asdict(r) for r in records])
        build_milestone_status(con, load_settings(env={}, db_path=db))
        con.execute("UPDATE marts.progress SET status_previous = 'needs_acceleration', "
                    "status_changed = true WHERE indicator_id = 'frontline_workers_trained' "
                    "AND as_of_quarter = $q", {"q": quarter})
    return db
