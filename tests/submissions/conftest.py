"""A small database made from the real schema plus a handful of reference rows
(tests/support/submissions.py), so the submission tests do not depend on the curated
reference data; and the ingest command run against it."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from pipelines.cli import cli
from tests.support.submissions import (
    FIXTURES,
    TODAY,
    TODAY_DATE,
    dump,
    loads,
    make_db,
)

# Names tests imported from here before tests/support existed; import them from
# tests.support.submissions instead (tests/test_architecture.py).
__all__ = ["FIXTURES", "TODAY", "TODAY_DATE", "dump", "loads", "make_db"]


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
