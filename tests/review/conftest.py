"""A database with the demonstration submissions, built once by the real pipeline."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from pipelines.build import build_database
from pipelines.settings import Settings, load_settings


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("review") / "strategy.duckdb"
    build_database(load_settings(db_path=path), demo=True)
    return path


@pytest.fixture(scope="session")
def demo_settings(demo_db: Path) -> Settings:
    return load_settings(db_path=demo_db)


@pytest.fixture()
def cur(demo_db: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    con = duckdb.connect(str(demo_db), read_only=True)
    yield con
    con.close()
