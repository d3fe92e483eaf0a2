"""Fixtures for the pipeline tests: the plain build of data/ (built once per run), and a
private copy of data/ a test may break."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from pipelines.settings import REPO_ROOT
from tests.support import builds


@pytest.fixture(scope="session")
def built_db(request: pytest.FixtureRequest) -> Path:
    """The plain build made by the real pipeline from data/ (never ``--dashboard-db``: the
    build tests compare against it). Read-only; copy it to write."""
    return builds.shared_build("plain", request)


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
