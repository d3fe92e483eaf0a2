"""A small database made from the real schema plus a handful of reference rows, so the
submission tests do not depend on the curated reference data."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner, Result

from pipelines import sql
from pipelines.cli import cli
from pipelines.submissions.journal import recorded_loads

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "submissions"
TODAY = "2026-08-15"  # latest complete quarter: 2026-27Q1
TODAY_DATE = date(2026, 8, 15)

PILLARS = [("awareness", 1), ("protection", 2), ("support", 3), ("accountability", 4)]
GEOGRAPHIES = [
    ("canada", "country", None), ("ontario", "province", "canada"),
    ("toronto_durham", "area", "ontario"), ("kenora", "area", "ontario"),
    *[(f"region_{r}", "region", "ontario")
      for r in ("central", "east", "north", "toronto", "west")],
]
UNITS = [("workers", "count", True), ("children_youth", "count", True),
         ("people", "count", True), ("teams", "count", False),
         ("investigations", "count", False), ("charges", "count", False),
         ("percent", "percent", False)]
INDICATORS = [
    ("frontline_workers_trained", "awareness", "workers"),
    ("care_children_youth_served", "protection", "children_youth"),
    ("care_teams", "protection", "teams"),
    ("people_served_funded_orgs", "support", "people"),
    ("joint_forces_investigations", "accountability", "investigations"),
    ("joint_forces_trafficking_charges", "accountability", "charges"),
    ("joint_forces_persons_charged", "accountability", "people"),
    ("training_share_confident", "awareness", "percent"),
    ("hotline_calls", None, "investigations"),
]
# Deliverables a submission's deliverables section may name (and those the demo reports on).
MILESTONES = [("awareness-a1", "awareness"), ("protection-a1", "protection"),
              ("support-a3", "support"), ("support-a4", "support"), ("support-i1", "support"),
              ("accountability-a2", "accountability"), ("accountability-a5", "accountability"),
              ("accountability-i1", "accountability")]


def make_db(path: Path) -> Path:
    with duckdb.connect(str(path)) as con:
        sql.create_schema(con)
        con.executemany("INSERT INTO marts.pillars VALUES (?, ?, ?, ?, 'o', 'o', 's', 'l')",
                        [(p, p, p, n) for p, n in PILLARS])
        con.executemany("INSERT INTO marts.geographies VALUES (?, ?, ?, ?, ?)",
                        [(g, g, g, level, parent) for g, level, parent in GEOGRAPHIES])
        con.executemany("INSERT INTO marts.units VALUES (?, ?, ?, ?, ?)",
                        [(u, u, u, kind, people) for u, kind, people in UNITS])
        con.executemany(
            "INSERT INTO marts.indicators VALUES (?, ?, 'strategy', ?, ?, ?, 'count',"
            " 'higher_is_better', false, false, ?, 'd', 'd')",
            [(i, p, i, i, u, n) for n, (i, p, u) in enumerate(INDICATORS)])
        con.execute(
            "INSERT INTO meta.sources VALUES ('strategy', 't', 'p', 'p', 'fr', '2025', false, NULL,"
            " 'x', 'f', 'document', NULL, 'e', 'e')")
        con.executemany(
            "INSERT INTO marts.milestones VALUES (?, ?, 'activity', ?, ?, ?, 'not_reported', NULL,"
            " NULL, 'strategy', 'l')",
            [(m, p, n, m, m) for n, (m, p) in enumerate(MILESTONES)])
        con.execute(
            "INSERT INTO marts.observations (observation_id, indicator_id, geography, breakdown,"
            " period_start, period_end, period_basis, value, qualifier, unit, source_id, locator,"
            " status, suppressed, revision) VALUES ('pub1', 'frontline_workers_trained',"
            " 'ontario', 'total', '2025-04-01', '2030-03-31', 'stated', 1100, 'exact', 'workers',"
            " 'strategy', 'l', 'published', false, false)")
    return path


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    (tmp_path / "build").mkdir()
    return make_db(tmp_path / "build" / "strategy.duckdb")


@pytest.fixture()
def run(tmp_path: Path, db: Path):
    """Invoke ``python -m pipelines ingest`` on fixture names (or paths) against ``db``."""

    def invoke(*files: str | Path, today: str = TODAY) -> Result:
        args = ["ingest", *[str(FIXTURES / f) if isinstance(f, str) else str(f) for f in files],
                "--db", str(db), "--today", today]
        env = {"STRATEGY_DATA_DIR": str(tmp_path / "data"), "STRATEGY_DB": None}
        return CliRunner().invoke(cli, args, env=env, catch_exceptions=False)

    return invoke


def dump(path: Path, schemas: tuple[str, ...] = ("marts", "staging", "meta")) -> dict:
    """Every row of every table in ``schemas``, sorted: the content of the database."""
    with duckdb.connect(str(path), read_only=True) as con:
        tables = con.execute(
            "SELECT table_schema || '.' || table_name FROM information_schema.tables "
            "WHERE table_catalog = current_database() AND list_contains(?, table_schema) "
            "ORDER BY 1", [list(schemas)]).fetchall()
        return {t: sorted(con.execute(f"SELECT * FROM {t}").fetchall(), key=repr)
                for (t,) in tables}


def loads(path: Path) -> list[tuple]:
    """Every load attempt (meta.loads, and the refusals the next write will add to it)."""
    return [(r[0], r[1], r[4], r[5], r[6], r[7]) for r in recorded_loads(path)]
