"""A writer killed with SIGKILL in the middle of its write (docs/architecture.md › One
writer): the database still opens and holds every earlier load, the lock is free again, the
next write removes the dead writer's copy and succeeds."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import duckdb
import pytest

from pipelines.build import build_database
from pipelines.settings import load_settings
from pipelines.writer import temporary_files
from tests.support.writers import (
    CliIngest,
    Job,
    Outcome,
    Rebuild,
    assert_nothing_lost,
    write_submission,
)

# Kills a writer at a moment it polls for: run alone, after the parallel part
# (docs/testing.md).
pytestmark = pytest.mark.serial

POLL_S = 0.005


def dump(db: Path) -> dict[str, list[tuple]]:
    with duckdb.connect(str(db), read_only=True) as con:
        return {table: sorted(con.execute(f"SELECT * FROM {table}").fetchall(), key=repr)
                for table in ("meta.loads", "staging.submission_rows", "marts.observations")}


def kill_mid_write(job: Job, db: Path, copied: bool) -> None:
    """Start ``job`` and SIGKILL it once its new version exists beside the database (for an
    ingest, once the copy is complete: it is then validating, loading or publishing); fail
    if it finished first."""
    process = job.start()
    size = db.stat().st_size if copied else 0
    while not any(p.stat().st_size >= size for p in _copies(db)):
        assert process.poll() is None, "the writer finished before it could be killed"
        time.sleep(POLL_S)
    os.kill(process.pid, signal.SIGKILL)
    process.communicate(timeout=60)
    assert process.returncode == -signal.SIGKILL


def _copies(db: Path) -> list[Path]:
    found = []
    for path in temporary_files(db):
        try:
            path.stat()
            found.append(path)
        except FileNotFoundError:  # swapped in or removed between listing and stat
            continue
    return found


@pytest.mark.parametrize("killed", ["ingest", "rebuild"])
def test_a_killed_writer_loses_nothing_and_the_next_write_works(tmp_path: Path,
                                                                killed: str) -> None:
    db = tmp_path / "strategy.duckdb"
    build_database(load_settings(env={}, db_path=db))
    first = tmp_path / "first.csv"
    earlier = CliIngest("first", first, db, write_submission(first, "region_east"))
    assert run(earlier).accepted
    before = dump(db)

    big = tmp_path / "big.csv"  # a large file keeps the writer busy long enough to be killed
    victim = (CliIngest("big", big, db, write_submission(big, "ontario", breakdowns=3000))
              if killed == "ingest" else Rebuild("rebuild", db))
    kill_mid_write(victim, db, copied=killed == "ingest")
    assert dump(db) == before  # the served file is the one before the dead write
    assert temporary_files(db), "the dead writer's copy should still be there"

    last = tmp_path / "last.csv"
    after = CliIngest("last", last, db, write_submission(last, "region_west"))
    outcome = run(after)
    assert outcome.accepted and outcome.load_id == 2
    assert_nothing_lost(db, [run_outcome(earlier), outcome])


def run(job: Job) -> Outcome:
    process = job.start()
    stdout, stderr = process.communicate(timeout=600)
    return job.outcome(process.returncode, stdout, stderr)


def run_outcome(job: CliIngest) -> Outcome:
    """The first ingest's outcome as the database recorded it (load 1)."""
    return Outcome(job.name, True, 1, job.file.name, job.rows)
