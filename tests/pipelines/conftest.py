"""Fixtures for the pipeline tests: a database built by the real pipeline from data/."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from pipelines.build import build_database
from pipelines.settings import REPO_ROOT, load_settings


@pytest.fixture(scope="session")
def built_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("build") / "strategy.duckdb"
    build_database(load_settings(env={}, db_path=path))
    return path


@pytest.fixture()
def con(built_db: Path):
    with duckdb.connect(str(built_db), read_only=True) as connection:
        yield connection


@pytest.fixture()
def data_copy(tmp_path: Path) -> Path:
    """A private copy of data/ (raw + reference) that a test may break."""
    target = tmp_path / "repo" / "data"
    for folder in ("raw", "reference"):
        shutil.copytree(REPO_ROOT / "data" / folder, target / folder)
    return target


def dump(path: Path) -> dict[str, list[tuple]]:
    """Every row of every table except the build timestamp and the data version (new at every
    write), sorted: the content of a DB."""
    with duckdb.connect(str(path), read_only=True) as connection:
        tables = connection.execute(
            "SELECT table_schema || '.' || table_name FROM information_schema.tables "
            "WHERE table_catalog = current_database() ORDER BY 1").fetchall()
        content = {}
        for (table,) in tables:
            rows = connection.execute(f"SELECT * FROM {table}").fetchall()
            if table == "meta.build_info":
                rows = [r for r in rows if r[0] not in ("built_at", "data_version")]
            content[table] = sorted(rows, key=repr)
        return content
