"""Fixtures for the download tests: the small database of tests/support/downloads.py."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from tests.support.downloads import make_db, observation

# Names tests imported from here before tests/support existed; import them from
# tests.support.downloads instead (tests/test_architecture.py).
__all__ = ["make_db", "observation"]


@pytest.fixture()
def small_db(tmp_path: Path) -> Path:
    return make_db(tmp_path / "small.duckdb")


@pytest.fixture()
def small_con(small_db: Path):
    with duckdb.connect(str(small_db), read_only=True) as connection:
        yield connection
