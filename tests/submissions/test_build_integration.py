"""The real build with the submission hooks: demo rows, ingested files surviving a rebuild."""

from __future__ import annotations

from pathlib import Path

import duckdb
from click.testing import CliRunner

from pipelines.build import build_database
from pipelines.cli import cli
from pipelines.settings import REPO_ROOT, load_settings

EXAMPLE = REPO_ROOT / "data" / "submissions" / "example-2025-26Q1.csv"


def counts(db: Path) -> dict[str, int]:
    with duckdb.connect(str(db), read_only=True) as con:
        return dict(con.execute("SELECT status, count(*) FROM marts.observations "
                                "GROUP BY 1").fetchall())


def test_ingest_survives_rebuild_and_demo_comes_and_goes(tmp_path: Path) -> None:
    db = tmp_path / "strategy.duckdb"
    settings = load_settings(env={}, db_path=db)
    build_database(settings)
    result = CliRunner().invoke(cli, ["ingest", str(EXAMPLE), "--db", str(db),
                                      "--today", "2026-08-15"],
                                env={"STRATEGY_DATA_DIR": str(tmp_path / "data")})
    assert result.exit_code == 0, result.output
    assert counts(db)["submitted"] == 13
    build_database(settings, demo=True)
    after_demo = counts(db)
    assert after_demo["submitted"] == 13 and after_demo["demo"] > 100
    build_database(settings)
    assert "demo" not in counts(db) and counts(db)["submitted"] == 13
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT outcome FROM meta.loads").fetchall() == [("accepted",)]
