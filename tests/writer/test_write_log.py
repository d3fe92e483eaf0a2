"""Every write logs one structured line (issue 22, item 4): who, what, the data version before
and after, how long it took, and its outcome: a build, an ingest accepted and refused, a
deliverable status, a snapshot and an account change."""

from __future__ import annotations

import logging
import shutil
from datetime import date
from pathlib import Path

import pytest

from dashboard.staff.accounts import add_user
from dashboard.staff.cli import _run
from pipelines.build import build_database
from pipelines.deliverables import record_deliverable
from pipelines.errors import DataRejected
from pipelines.marts.milestones import MilestoneRecord
from pipelines.release.snapshot import create_snapshot
from pipelines.settings import REPO_ROOT, Settings, load_settings
from pipelines.submissions.ingest import SubmissionRejected, ingest

EXAMPLE = REPO_ROOT / "data/submissions/example-2025-26Q1.csv"
TODAY = date(2026, 11, 15)


@pytest.fixture()
def settings(tmp_path: Path, dashboard_db: Path) -> Settings:
    db = tmp_path / "build" / "strategy.duckdb"
    db.parent.mkdir()
    db.write_bytes(dashboard_db.read_bytes())
    shutil.copytree(REPO_ROOT / "data", tmp_path / "data", ignore=shutil.ignore_patterns(
        "build", "state", "rejected", "exports", "snapshots"))
    return load_settings(env={}, db_path=db, data_dir=tmp_path / "data",
                         state_dir=tmp_path / "state")


def _lines(caplog: pytest.LogCaptureFixture) -> list[dict[str, object]]:
    return [r.write for r in caplog.records if r.name == "tracker.writes"]  # type: ignore[attr-defined]


def _one(caplog: pytest.LogCaptureFixture) -> dict[str, object]:
    (line,) = _lines(caplog)
    caplog.clear()
    assert isinstance(line["duration_ms"], int) and line["duration_ms"] >= 0
    return line


def test_each_write_logs_one_line(settings: Settings, tmp_path: Path,
                                  caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="tracker.writes")
    build_database(settings)
    line = _one(caplog)
    assert (line["what"], line["who"], line["outcome"]) == ("build", "command line", "ok")
    assert line["data_version_before"] != line["data_version_after"]

    ingest([(EXAMPLE.name, EXAMPLE)], settings, today=TODAY, actor="analyst@example.org")
    line = _one(caplog)
    assert (line["who"], line["outcome"]) == ("analyst@example.org", "accepted")
    assert str(line["what"]).startswith("ingest of") and "load " in str(line["detail"])
    version = line["data_version_after"]
    assert line["data_version_before"] != version

    bad = tmp_path / "bad.csv"
    bad.write_text(EXAMPLE.read_text().replace("ontario", "atlantis", 1))
    with pytest.raises(SubmissionRejected):
        ingest([(bad.name, bad)], settings, today=TODAY)
    line = _one(caplog)
    assert line["outcome"] == "rejected"
    assert line["data_version_before"] == line["data_version_after"] == version

    record = MilestoneRecord("awareness-a1", "in_progress", date(2025, 9, 30),
                             "analyst@example.org", "staff")
    record_deliverable(settings, record)
    line = _one(caplog)
    assert str(line["what"]).startswith("deliverable status") and line["outcome"] == "ok"
    assert line["who"] == "analyst@example.org"
    with pytest.raises(DataRejected):
        record_deliverable(settings, MilestoneRecord("nope", "done", date(2025, 9, 30),
                                                     "x@example.org", "staff"))
    assert _lines(caplog) == []  # refused before it became a write

    create_snapshot(settings, "Q2 review", "http://127.0.0.1:8050/review/statutory")
    line = _one(caplog)
    assert str(line["what"]).startswith("snapshot")
    assert line["data_version_before"] == line["data_version_after"]

    _run(settings, "add", lambda: add_user(settings, "new@example.org", "reviewer",
                                           "a long enough password"), "reviewer")
    line = _one(caplog)
    assert (line["what"], line["who"], line["detail"]) == ("user add", "command line",
                                                            "new@example.org")


def test_the_line_is_logfmt(settings: Settings, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="tracker.writes")
    build_database(settings)
    (record,) = [r for r in caplog.records if r.name == "tracker.writes"]
    message = record.getMessage()
    assert message.startswith("write what=build who=\"command line\" outcome=ok ")
    assert "data_version_before=" in message and "duration_ms=" in message
