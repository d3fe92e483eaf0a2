"""Snapshots: frozen, checksummed, never rewritten, with a changelog."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from pipelines import sql
from pipelines.cli import cli
from pipelines.errors import SnapshotExistsError, UnknownIdError
from pipelines.release.snapshot import (
    content_sha256,
    create_snapshot,
    list_snapshots,
    slugify,
    snapshot_db,
    verify_snapshot,
)
from pipelines.settings import Settings, load_settings
from tests.support.downloads import observation

URL = "https://tracker.example/review/statutory"


@pytest.fixture()
def settings(small_db: Path, tmp_path: Path) -> Settings:
    return load_settings(env={}, data_dir=tmp_path / "data", db_path=small_db)


def _submit(db: Path, value: float) -> None:
    """A new quarterly submission arriving after the snapshot."""
    with duckdb.connect(str(db)) as con:
        sql.insert_rows(con, "marts.observations", [observation(
            "frontline_workers_trained", date(2025, 7, 1), date(2025, 9, 30), value,
            status="submitted", source="submission-q4")])
        con.execute("UPDATE marts.milestones SET status = 'done' "
                    "WHERE milestone_id = 'protection-a1'")


def test_slugs():
    assert slugify("2030 review") == "2030-review"
    assert slugify("  Révision 2030! ") == "r-vision-2030"


def test_a_snapshot_holds_its_database_export_changelog_and_manifest(settings):
    manifest = create_snapshot(settings, "2030 review", URL)
    folder = settings.snapshots_dir / "2030-review"
    assert (folder / "strategy.duckdb").exists() and (folder / "CHANGELOG.md").exists()
    assert (folder / "export" / "observations.csv").exists()
    assert (folder / "export" / "observations.parquet").exists()
    stored = json.loads((folder / "manifest.json").read_text())
    assert stored["label"] == "2030 review"
    assert stored["content_sha256"] == manifest.content_sha256
    assert "export/datapackage.json" in stored["files"]
    assert '"version": "2030 review"' in (folder / "export" / "datapackage.json").read_text()
    assert verify_snapshot(settings, "2030-review") == []


def test_a_snapshot_leaves_demonstration_rows_out(settings):
    create_snapshot(settings, "first", URL)
    with duckdb.connect(str(snapshot_db(settings, "first")), read_only=True) as con:
        statuses = {r[0] for r in con.execute("SELECT status FROM marts.observations").fetchall()}
    assert "demo" not in statuses


def test_the_content_hash_is_stable_after_new_submissions_arrive(settings):
    manifest = create_snapshot(settings, "2030 review", URL)
    with duckdb.connect(str(settings.db_path), read_only=True) as con:
        live_before = content_sha256(con)
    _submit(settings.db_path, 321)
    with duckdb.connect(str(settings.db_path), read_only=True) as con:
        assert content_sha256(con) != live_before
    with duckdb.connect(str(snapshot_db(settings, "2030-review")), read_only=True) as con:
        assert content_sha256(con) == manifest.content_sha256
    assert verify_snapshot(settings, "2030-review") == []


def test_a_label_is_never_reused(settings):
    create_snapshot(settings, "2030 review", URL)
    with pytest.raises(SnapshotExistsError, match="already exists"):
        create_snapshot(settings, "2030 Review", URL)
    result = CliRunner().invoke(cli, ["snapshot", "--label", "2030 review",
                                      "--db", str(settings.db_path)],
                                env={"STRATEGY_DATA_DIR": str(settings.data_dir)})
    assert result.exit_code == 1 and "already exists" in result.output


def test_the_changelog_says_what_changed_since_the_previous_snapshot(settings):
    create_snapshot(settings, "2029 draft", URL)
    _submit(settings.db_path, 321)
    create_snapshot(settings, "2030 review", URL)
    changelog = (settings.snapshots_dir / "2030-review" / "CHANGELOG.md").read_text()
    assert "since snapshot “2029 draft”" in changelog
    assert "marts.observations: 1 added" in changelog
    assert "marts.milestones: 1 changed" in changelog and "'in_progress'" in changelog
    assert [m.slug for m in list_snapshots(settings)] == ["2029-draft", "2030-review"]


def test_unknown_snapshots_are_refused(settings):
    create_snapshot(settings, "2030 review", URL)
    for slug in ("nope", "../build", "2030-review/../x", ""):
        with pytest.raises(UnknownIdError):
            snapshot_db(settings, slug)


def test_snapshot_cli_lists_and_requires_a_label(settings):
    env = {"STRATEGY_DATA_DIR": str(settings.data_dir)}
    runner = CliRunner()
    created = runner.invoke(cli, ["snapshot", "--label", "2030 review", "--db",
                                  str(settings.db_path)], env=env)
    assert created.exit_code == 0, created.output
    listed = runner.invoke(cli, ["snapshot", "--list"], env=env)
    assert listed.output.startswith("2030-review\t2030 review\t")
    assert runner.invoke(cli, ["snapshot"], env=env).exit_code == 2
