"""Readers over databases built by the real pipeline (with and without demonstration data)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from pipelines.read import ConnectionReader


@pytest.fixture()
def reader(dashboard_db: Path) -> Iterator[ConnectionReader]:
    with duckdb.connect(str(dashboard_db), read_only=True) as con:
        yield ConnectionReader(con)


@pytest.fixture()
def demo(demo_db: Path) -> Iterator[ConnectionReader]:
    with duckdb.connect(str(demo_db), read_only=True) as con:
        yield ConnectionReader(con)
