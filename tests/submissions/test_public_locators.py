"""Public locators name the load and the row, never the file name a staff member gave their
upload (issue 21: staff upload file names were published in the public ``locator`` column)."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import duckdb

from pipelines.release.export import execute_public
from pipelines.settings import REPO_ROOT, load_settings
from pipelines.submissions.ingest import ingest

NAME = "jane-doe-desktop-final-v3.csv"


def test_public_tables_name_the_load_and_row_not_the_file(
        tmp_path: Path, dashboard_db: Path) -> None:
    db = tmp_path / "strategy.duckdb"
    db.write_bytes(dashboard_db.read_bytes())
    upload = tmp_path / NAME
    shutil.copyfile(REPO_ROOT / "data/submissions/example-2025-26Q1.csv", upload)
    settings = load_settings(env={}, db_path=db, data_dir=tmp_path / "data")
    (result,) = ingest([(NAME, upload)], settings, today=date(2026, 11, 15))
    with duckdb.connect(str(db), read_only=True) as con:
        locators = [r[0] for r in con.execute(
            "SELECT locator FROM marts.observations WHERE load_id = ?", [result.load_id]
        ).fetchall()]
        assert locators and all(loc.startswith(f"load {result.load_id}, row ")
                                for loc in locators)
        vintages = [r[0] for r in con.execute(
            "SELECT locator FROM marts.observation_vintages WHERE load_id = ?",
            [result.load_id]).fetchall()]
        assert vintages and all("jane" not in loc for loc in vintages)
        for table in ("observations", "sources"):
            text = repr(execute_public(con, table).fetchall())
            assert "jane" not in text, table
