"""Eleven writers at once (docs/architecture.md › One writer): five ingests through the Python
API (as web uploads call it), three CLI ingests and three rebuilds, in random order, each in
its own process. Every ingest that said "accepted" must be in the database afterwards, with
all of its rows and nothing else, under a load id of its own."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipelines.build import build_database
from pipelines.settings import load_settings
from tests.support.writers import (
    GEOGRAPHIES,
    ApiIngest,
    CliIngest,
    Job,
    Rebuild,
    assert_nothing_lost,
    run_together,
    write_submission,
)

# Eleven writer processes racing: run alone, after the parallel part (docs/testing.md).
pytestmark = pytest.mark.serial


@pytest.mark.parametrize("seed", [11, 12])
def test_concurrent_writers_lose_nothing(tmp_path: Path, seed: int) -> None:
    db = tmp_path / "strategy.duckdb"
    build_database(load_settings(env={}, db_path=db))
    jobs: list[Job] = []
    for n, geography in enumerate(GEOGRAPHIES):
        path = tmp_path / f"submission-{n}-{geography}.csv"
        rows = write_submission(path, geography)
        kind = ApiIngest if n < 5 else CliIngest
        jobs.append(kind(f"{kind.__name__} {n}", path, db, rows))
    jobs += [Rebuild(f"rebuild {n}", db) for n in range(3)]
    outcomes = run_together(jobs, seed)
    assert all(o.accepted for o in outcomes), [o for o in outcomes if not o.accepted]
    assert sorted(o.load_id for o in outcomes if o.load_id) == list(range(1, 9))
    assert_nothing_lost(db, outcomes)
