"""The demonstration build (built once per run, tests/conftest.py) as the reviews see it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from pipelines.settings import Settings, load_settings


@pytest.fixture(scope="session")
def demo_settings(demo_db: Path) -> Settings:
    return load_settings(env={}, db_path=demo_db)


@pytest.fixture()
def cur(demo_db: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    con = duckdb.connect(str(demo_db), read_only=True)
    yield con
    con.close()
