"""Rebuilds while the production server serves: every request succeeds.

A real gunicorn (two workers, the production config) serves a database while ``pipelines
build`` rebuilds that same path again and again; threads issue page and callback requests the
whole time and every answer must be a 200.
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import urllib.request
from pathlib import Path

import pytest

from pipelines.settings import REPO_ROOT
from tests.support.builds import copy_of
from tests.support.dash_json import page_payload
from tests.support.server import gunicorn

# Rebuilds under load with timeouts: run alone, after the parallel part (docs/testing.md).
pytestmark = pytest.mark.serial

REBUILDS = 4
CLIENTS = 3


def _request(base: str, index: int) -> int:
    if index % 2:
        with urllib.request.urlopen(f"{base}/?lang=fr", timeout=30) as response:
            return int(response.status)
    body = json.dumps(page_payload("/pillar/support" if index % 4 else "/")).encode()
    request = urllib.request.Request(f"{base}/_dash-update-component", data=body,
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return int(response.status)


def _hammer(base: str, stop: threading.Event, outcomes: list[object]) -> None:
    index = 0
    while not stop.is_set():
        try:
            outcomes.append(_request(base, index))
        except Exception as exc:  # every failure is counted, whatever its kind
            outcomes.append(exc)
        index += 1


def test_no_request_fails_while_the_database_is_rebuilt(tmp_path: Path,
                                                        dashboard_db: Path) -> None:
    db = copy_of(dashboard_db, tmp_path)
    outcomes: list[object] = []
    stop = threading.Event()
    with gunicorn(db, state_dir=tmp_path / "state", workers=2,
                  log=tmp_path / "gunicorn.log") as server:
        clients = [threading.Thread(target=_hammer, args=(server.url, stop, outcomes))
                   for _ in range(CLIENTS)]
        for client in clients:
            client.start()
        served_before_builds = len(outcomes)
        for n in range(REBUILDS):
            command = [sys.executable, "-m", "pipelines", "build", "--db", str(db)]
            command += ["--demo"] if n % 2 else []
            subprocess.run(command, cwd=REPO_ROOT, check=True, capture_output=True)
        stop.set()
        for client in clients:
            client.join(timeout=60)
    errors = [o for o in outcomes if o != 200]
    assert len(outcomes) - served_before_builds > 20, "requests ran during the rebuilds"
    assert errors == [], f"{len(errors)} of {len(outcomes)} requests failed: {errors[:5]}"
