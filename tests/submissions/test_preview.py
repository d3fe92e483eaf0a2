"""A preview says what a file would change, with the ingest's own checks, and writes nothing:
new figures, revisions with their old and new values, deliverable statuses, a file accepted
before; a broken file gives the ingest's problems and leaves the database file as it was."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from pipelines import writer
from pipelines.errors import Problem
from pipelines.settings import REPO_ROOT, Settings, load_settings
from pipelines.submissions import preview
from pipelines.submissions.ingest import ingest
from pipelines.submissions.preview import Change, preview_submission
from tests.support.submissions import FIXTURES, TODAY_DATE

EXAMPLES = REPO_ROOT / "data" / "submissions"
EXAMPLE = EXAMPLES / "example-2025-26Q1.csv"
HEADER = "indicator_id,quarter,geography,breakdown,value,qualifier,note,program"


@pytest.fixture()
def settings(db: Path, tmp_path: Path) -> Settings:
    return load_settings(env={"STRATEGY_DATA_DIR": str(tmp_path / "data")}, db_path=db)


def look(settings: Settings, path: Path) -> preview.SubmissionPreview:
    return preview_submission(settings, path.name, path, today=TODAY_DATE)


def test_the_example_on_a_fresh_database_is_all_new(settings: Settings) -> None:
    seen = look(settings, EXAMPLE)
    assert (seen.problems, seen.problem_count, seen.rows) == ([], 0, 13)
    assert (seen.new_count, len(seen.new_rows), seen.revision_count, seen.unchanged_rows) == (
        13, 13, 0, 0)
    assert seen.identical_to_load is None and len(seen.sha256) == 64
    assert Change("frontline_workers_trained", "2025-26Q1", "ontario", "total", None, 72.0,
                  None, "exact") in seen.new_rows
    assert not writer.lock_path(settings.db_path).exists()  # no writer lock was taken


def test_the_same_file_after_its_ingest_is_identical(settings: Settings) -> None:
    ingest([(EXAMPLE.name, EXAMPLE)], settings, today=TODAY_DATE)
    seen = look(settings, EXAMPLE)
    assert seen.identical_to_load == 1
    assert (seen.new_count, seen.revision_count, seen.unchanged_rows) == (0, 0, 13)


def test_a_changed_value_is_one_revision(settings: Settings, tmp_path: Path) -> None:
    ingest([(EXAMPLE.name, EXAMPLE)], settings, today=TODAY_DATE)
    path = tmp_path / "revision.csv"
    path.write_text("\n".join([
        HEADER,
        "frontline_workers_trained,2025-26Q1,ontario,total,78,exact,late records,Training",
        "frontline_workers_trained,2025-26Q1,region_east,total,14,exact,,Training",
        "frontline_workers_trained,2025-26Q2,ontario,total,70,about,,Training"]) + "\n",
        encoding="utf-8")
    seen = look(settings, path)
    assert seen.revisions == [Change("frontline_workers_trained", "2025-26Q1", "ontario",
                                     "total", 72.0, 78.0, "exact", "exact")]
    assert seen.new_rows == [Change("frontline_workers_trained", "2025-26Q2", "ontario",
                                    "total", None, 70.0, None, "about")]
    assert (seen.revision_count, seen.new_count, seen.unchanged_rows, seen.rows) == (1, 1, 1, 3)


def test_lists_are_capped_and_counts_exact(settings: Settings,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(preview, "PREVIEW_LIMIT", 2)
    seen = look(settings, EXAMPLE)
    assert (len(seen.new_rows), seen.new_count) == (2, 13)


def test_deliverable_statuses_are_listed(settings: Settings) -> None:
    seen = look(settings, EXAMPLES / "example-deliverables-2025-26Q1.csv")
    assert seen.rows == 0 and seen.problems == []
    assert [(r.milestone_id, r.status, r.as_of, r.source) for r in seen.deliverables] == [
        ("awareness-a1", "in_progress", date(2025, 6, 30), "submission"),
        ("protection-a1", "planned", date(2025, 6, 30), "submission"),
        ("support-a3", "in_progress", date(2025, 6, 15), "submission")]


def test_a_broken_file_gives_problems_and_writes_nothing(settings: Settings) -> None:
    db = settings.db_path
    before = (db.read_bytes(), os.stat(db).st_mtime_ns)
    seen = look(settings, FIXTURES / "negative-count.csv")
    assert seen.problems and seen.problem_count == len(seen.problems)
    assert all(isinstance(p, Problem) and p.file == "negative-count.csv" for p in seen.problems)
    assert (seen.new_rows, seen.revisions, seen.new_count) == ([], [], 0)
    assert (db.read_bytes(), os.stat(db).st_mtime_ns) == before
    assert sorted(p.name for p in db.parent.iterdir()) == [db.name]  # no lock, no copy
    assert not (settings.submissions_dir / "rejected").exists()
