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

from benchmarks.server import free_port, wait_until_up
from dashboard.staff.accounts import add_user
from pipelines.build import build_database
from pipelines.settings import REPO_ROOT, load_settings
from tests.writer.jobs import (
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
            [sys.executable, "-m", "tests.staff.upload_worker", self.url, EMAIL, PASSWORD,
             str(self.file)], cwd=REPO_ROOT, text=True, stdout=subprocess.PIPE,
            stderr=subprocess.PIPE, env=environment())

    def outcome(self, code: int, stdout: str, stderr: str) -> Outcome:
        return json_outcome(self.name, self.file, self.rows, code, stdout, stderr)


@pytest.fixture()
def served(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    db = tmp_path / "strategy.duckdb"
    state = tmp_path / "state"
    build_database(load_settings(env={}, db_path=db))
    add_user(load_settings(env={}, state_dir=state), EMAIL, "submitter", PASSWORD)
    port = free_port()
    env = {k: v for k, v in environment().items() if not k.startswith("STRATEGY_DB")}
    process = subprocess.Popen(
        [sys.executable, "-m", "dashboard", "--db", str(db), "--port", str(port)],
        cwd=REPO_ROOT, env={**env, "STRATEGY_STATE_DIR": str(state),
                            "STRATEGY_DATA_DIR": str(tmp_path / "data")})
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(url + "/", process)  # type: ignore[arg-type]
        yield db, url
    finally:
        process.terminate()
        process.wait(timeout=10)


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
