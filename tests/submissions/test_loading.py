"""Accepted inputs, the example submission, revisions, idempotence and the build hooks."""

from __future__ import annotations

from pathlib import Path

import duckdb

from pipelines.settings import REPO_ROOT
from tests.support.submissions import dump, loads

EXAMPLE = REPO_ROOT / "data" / "submissions" / "example-2025-26Q1.csv"


def query(db: Path, sql: str, params: list | None = None) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql, params or []).fetchall()


def test_french_numbers_are_parsed(run, db: Path) -> None:
    result = run("french-numbers.csv")
    assert result.exit_code == 0, result.output
    values = query(db, "SELECT indicator_id, quarter, value FROM staging.submission_rows "
                       "ORDER BY row_number")
    assert values == [
        ("people_served_funded_orgs", "2025-26Q2", 2480.0),
        ("people_served_funded_orgs", "2025-26Q3", 2515.0),
        ("people_served_funded_orgs", "2025-26Q4", 2530.0),
        ("training_share_confident", "2025-26Q2", 87.5),
    ]


def test_windows_1252_is_decoded(run, db: Path) -> None:
    result = run("windows-1252.csv")
    assert result.exit_code == 0, result.output
    assert query(db, "SELECT note, program FROM staging.submission_rows") == [
        ("Séances données à Sudbury – été", "Programme de formation")]


def test_example_then_revision(run, db: Path, tmp_path: Path) -> None:
    assert run(EXAMPLE).exit_code == 0
    revision = tmp_path / "revision-2025-26Q1.csv"
    revision.write_text(
        "indicator_id,quarter,geography,breakdown,value,qualifier,note,program\n"
        "frontline_workers_trained,2025-26Q1,ontario,total,78,exact,late records,Training\n",
        encoding="utf-8")
    result = run(revision)
    assert result.exit_code == 0, result.output
    shown = query(db, "SELECT value, status, revision, load_id FROM marts.observations "
                      "WHERE indicator_id = 'frontline_workers_trained' AND status <> 'published'"
                      " AND geography = 'ontario'")
    assert shown == [(78.0, "revised", True, 2)]
    history = query(db, "SELECT value, load_id, is_latest, revision FROM marts.observation_history"
                        " WHERE indicator_id = 'frontline_workers_trained' AND geography = "
                        "'ontario' ORDER BY load_id")
    assert history == [(72.0, 1, False, True), (78.0, 2, True, True)]
    assert [(r[0], r[1], r[2], r[4]) for r in loads(db)] == [
        (1, "example-2025-26Q1.csv", 13, "accepted"), (2, "revision-2025-26Q1.csv", 1, "accepted")]
    untouched = query(db, "SELECT status, revision, load_id FROM marts.observations "
                          "WHERE indicator_id = 'care_teams'")
    assert untouched == [("submitted", False, 1)]


def test_qualifier_is_kept_and_published_rows_untouched(run, db: Path) -> None:
    published = query(db, "SELECT * FROM marts.observations WHERE status = 'published'")
    assert run(EXAMPLE).exit_code == 0
    assert query(db, "SELECT value, qualifier FROM marts.observations "
                     "WHERE indicator_id = 'people_served_funded_orgs'") == [(2480.0, "more_than")]
    assert query(db, "SELECT * FROM marts.observations WHERE status = 'published'") == published


def test_same_file_twice_changes_nothing(run, db: Path) -> None:
    assert run(EXAMPLE).exit_code == 0
    before = dump(db, ("marts", "staging"))
    result = run(EXAMPLE)
    assert result.exit_code == 0
    assert "unchanged, identical to load 1" in result.output
    assert dump(db, ("marts", "staging")) == before
    assert [(r[0], r[4], r[5]) for r in loads(db)] == [
        (1, "accepted", None), (2, "unchanged", "identical to load 1")]


def test_example_small_cell_is_suppressed_with_its_complement(run, db: Path) -> None:
    assert run(EXAMPLE).exit_code == 0
    rows = dict(query(db, "SELECT geography, value FROM marts.observations WHERE indicator_id = "
                          "'frontline_workers_trained' AND status <> 'published'"))
    assert rows["region_north"] is None  # 6: below the threshold
    assert rows["region_west"] is None  # 12: the next smallest, so 6 cannot be recomputed
    assert rows["ontario"] == 72.0
    notes = query(db, "SELECT note_en FROM marts.observations WHERE suppressed")
    assert notes == [(None,), (None,)]


def test_coverage_lists_missing_submissions(run, db: Path) -> None:
    assert run(EXAMPLE).exit_code == 0
    missing = query(db, "SELECT indicator_id FROM marts.submission_coverage "
                        "WHERE NOT submitted ORDER BY 1")
    assert missing == [("joint_forces_persons_charged",), ("training_share_confident",)]


def test_sources_describe_each_load(run, db: Path) -> None:
    assert run(EXAMPLE).exit_code == 0
    assert query(db, "SELECT source_id, kind FROM meta.sources WHERE kind = 'submission'") == [
        ("submission-1", "submission")]
    orphan = query(db, "SELECT count(*) FROM marts.observations o "
                       "ANTI JOIN meta.sources s USING (source_id)")
    assert orphan == [(0,)]
