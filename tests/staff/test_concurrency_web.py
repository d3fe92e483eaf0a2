"""The acceptance test of the one writer with the browser path in it: five parallel web
uploads of different valid files, three CLI ingests and three rebuilds, in random order.
Afterwards every accepted load is in meta.loads with all its rows in marts.observations,
and nothing else is."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from pipelines.settings import REPO_ROOT
from tests.support.builds import copy_of
from tests.support.server import dashboard
from tests.support.staff import make_accounts
from tests.support.writers import (
    GEOGRAPHIES,
    CliIngest,
    Job,
    Outcome,
    Rebuild,
    assert_nothing_lost,
    environment,
    json_outcome,
    run_together,
    write_submission,
)

# Eleven writer processes racing: run alone, after the parallel part (docs/testing.md).
pytestmark = pytest.mark.serial

EMAIL = "uploader@example.org"
PASSWORD = "a long staff password"


@dataclass
class WebUpload:
    """Sign in, upload, Load: what a person does in the browser, over HTTP."""

    name: str
    file: Path
    url: str
    rows: int

    def start(self) -> subprocess.Popen[str]:
        return subprocess.Popen(
            [sys.executable, "-m", "tests.support.upload_worker", self.url, EMAIL, PASSWORD,
             str(self.file)], cwd=REPO_ROOT, text=True, stdout=subprocess.PIPE,
            stderr=subprocess.PIPE, env=environment())

    def outcome(self, code: int, stdout: str, stderr: str) -> Outcome:
        return json_outcome(self.name, self.file, self.rows, code, stdout, stderr)


@pytest.fixture()
def served(tmp_path: Path, dashboard_db: Path) -> Iterator[tuple[Path, str]]:
    db = copy_of(dashboard_db, tmp_path)
    state = make_accounts(tmp_path / "state", {"submitter": EMAIL}, PASSWORD)
    timeout = {"STRATEGY_WRITER_TIMEOUT": environment()["STRATEGY_WRITER_TIMEOUT"]}
    with dashboard(db, state_dir=state, data_dir=tmp_path / "data", env=timeout) as server:
        yield db, server.url


def test_web_uploads_cli_ingests_and_rebuilds_together_lose_nothing(
        served: tuple[Path, str], tmp_path: Path) -> None:
    db, url = served
    (tmp_path / "data").mkdir(exist_ok=True)
    jobs: list[Job] = []
    for n, geography in enumerate(GEOGRAPHIES):
        path = tmp_path / f"upload-{n}-{geography}.csv"
        rows = write_submission(path, geography)
        if n < 5:
            jobs.append(WebUpload(f"web upload {n}", path, url, rows))
        else:
            jobs.append(CliIngest(f"cli ingest {n}", path, db, rows))
    jobs += [Rebuild(f"rebuild {n}", db) for n in range(3)]
    outcomes = run_together(jobs, seed=7)
    assert all(o.accepted for o in outcomes), [o for o in outcomes if not o.accepted]
    loads = sorted(o.load_id for o in outcomes if o.load_id)
    assert loads == list(range(1, 9)), loads
    assert_nothing_lost(db, outcomes)
