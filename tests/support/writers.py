"""Writers racing each other, each in its own process, and what must hold afterwards.

A :class:`Job` starts one write (an ingest through the Python API as the web will call it, a
CLI ingest, a rebuild) and reads its :class:`Outcome`. :func:`run_together` starts jobs in a
seeded random order without waiting between them; :func:`assert_nothing_lost` checks the
database against what the jobs reported. A web-upload job joins by implementing ``start``
and ``outcome`` the same way.
"""

from __future__ import annotations

import json
import os
import random
import re
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import duckdb

from pipelines.settings import REPO_ROOT
from pipelines.writer import temporary_files

TODAY = "2026-08-15"  # latest complete quarter: 2026-27Q1
QUARTERS = ("2025-26Q1", "2025-26Q2", "2025-26Q3", "2025-26Q4", "2026-27Q1")
INDICATORS = ("frontline_workers_trained", "care_children_youth_served", "care_teams",
              "people_served_funded_orgs", "funded_organizations",
              "joint_forces_investigations", "joint_forces_victims_assisted",
              "joint_forces_trafficking_charges", "joint_forces_other_charges",
              "joint_forces_persons_charged")
GEOGRAPHIES = ("ontario", "toronto_durham", "kenora", "region_central", "region_east",
               "region_north", "region_toronto", "region_west")
JOB_TIMEOUT_S = 600


@dataclass(frozen=True)
class Outcome:
    job: str
    accepted: bool = False
    load_id: int | None = None
    file: str | None = None  # the submission's file name, for an ingest
    rows: int = 0  # rows the job's file holds
    detail: str = ""


class Job(Protocol):
    name: str

    def start(self) -> subprocess.Popen[str]: ...

    def outcome(self, code: int, stdout: str, stderr: str) -> Outcome: ...


def environment(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "STRATEGY_DB"}
    # Generous: on a loaded machine eleven writers queue for a while, and none may give up.
    return {**env, "STRATEGY_WRITER_TIMEOUT": str(JOB_TIMEOUT_S), **extra}


def _popen(args: Sequence[str], data_dir: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(list(args), cwd=REPO_ROOT, text=True, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE,
                            env=environment(STRATEGY_DATA_DIR=str(data_dir)))


def write_submission(path: Path, geography: str, breakdowns: int = 10) -> int:
    """A valid submission for one geography, every indicator and complete quarter, with
    ``breakdowns`` age groups (no totals, so no part can exceed one). Returns its rows."""
    lines = ["indicator_id,quarter,geography,breakdown,value,qualifier,note,program"]
    for n, (indicator, quarter, group) in enumerate(
            (i, q, g) for i in INDICATORS for q in QUARTERS for g in range(breakdowns)):
        lines.append(f"{indicator},{quarter},{geography},age:group-{group},{10 + n % 50},"
                     f"exact,,Concurrency test {path.stem}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(lines) - 1


@dataclass
class ApiIngest:
    """An ingest through ``pipelines.submissions.ingest.ingest``, as a web upload calls it."""

    name: str
    file: Path
    db: Path
    rows: int

    def start(self) -> subprocess.Popen[str]:
        return _popen([sys.executable, "-m", "tests.support.ingest_worker", str(self.file),
                       str(self.db), TODAY], self.db.parent / "data")

    def outcome(self, code: int, stdout: str, stderr: str) -> Outcome:
        return json_outcome(self.name, self.file, self.rows, code, stdout, stderr)


def json_outcome(name: str, file: Path, rows: int, code: int, stdout: str,
                 stderr: str) -> Outcome:
    """The outcome of a worker that prints one JSON line ({"outcome", "load_id"}) last."""
    if code != 0 or not stdout.strip():
        return Outcome(name, detail=f"exit {code}: {stderr[-500:]}")
    result = json.loads(stdout.strip().splitlines()[-1])
    return Outcome(name, result["outcome"] == "accepted", result.get("load_id"), file.name,
                   rows, stdout.strip())


@dataclass
class CliIngest:
    """``python -m pipelines ingest FILE``."""

    name: str
    file: Path
    db: Path
    rows: int

    def start(self) -> subprocess.Popen[str]:
        return _popen([sys.executable, "-m", "pipelines", "ingest", str(self.file), "--db",
                       str(self.db), "--today", TODAY], self.db.parent / "data")

    def outcome(self, code: int, stdout: str, stderr: str) -> Outcome:
        found = re.search(r": accepted (\d+) rows \(load (\d+)\)", stdout)
        if code != 0 or found is None:
            return Outcome(self.name, detail=f"exit {code}: {stdout[-300:]} {stderr[-300:]}")
        return Outcome(self.name, True, int(found[2]), self.file.name, self.rows, stdout)


@dataclass
class Rebuild:
    """``python -m pipelines build`` over the same database."""

    name: str
    db: Path

    def start(self) -> subprocess.Popen[str]:
        return _popen([sys.executable, "-m", "pipelines", "build", "--db", str(self.db)],
                      REPO_ROOT / "data")

    def outcome(self, code: int, stdout: str, stderr: str) -> Outcome:
        return Outcome(self.name, code == 0, detail=f"exit {code}: {stderr[-500:]}")


def run_together(jobs: Sequence[Job], seed: int) -> list[Outcome]:
    """Start every job at once, in an order shuffled by ``seed``; wait for all of them."""
    order = list(jobs)
    random.Random(seed).shuffle(order)
    started = [(job, job.start()) for job in order]
    outcomes = []
    for job, process in started:
        stdout, stderr = process.communicate(timeout=JOB_TIMEOUT_S)
        outcomes.append(job.outcome(process.returncode, stdout, stderr))
    return outcomes


def assert_nothing_lost(db: Path, outcomes: Sequence[Outcome]) -> None:
    """Every load a job saw accepted is in meta.loads and all its rows are public; no other
    rows are; load ids are unique; no temporary copy is left beside the database."""
    accepted = [o for o in outcomes if o.accepted and o.load_id is not None]
    with duckdb.connect(str(db), read_only=True) as con:
        loads = con.execute("SELECT load_id, file, outcome, rows_accepted FROM meta.loads"
                            ).fetchall()
        public = dict(con.execute("SELECT load_id, count(*) FROM marts.observations "
                                  "WHERE load_id IS NOT NULL GROUP BY 1").fetchall())
        kept = dict(con.execute("SELECT load_id, count(*) FROM staging.submission_rows "
                                "GROUP BY 1").fetchall())
    assert len({row[0] for row in loads}) == len(loads), "a load id was given twice"
    by_id = {row[0]: row for row in loads}
    for o in accepted:
        assert by_id.get(o.load_id) == (o.load_id, o.file, "accepted", o.rows), o
    expected = {o.load_id: o.rows for o in accepted}
    assert public == expected, "public rows differ from the accepted loads"
    assert kept == expected, "kept rows differ from the accepted loads"
    assert temporary_files(db) == []
