"""The production server never drops a request: gunicorn with the repository's config, every
worker recycled at least twice (max_requests lowered on the command line) while the database
is rebuilt every few seconds, keep-alive users the whole time. A bounded version of
``python -m benchmarks.recycle`` (20 users for 60 s there)."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks import recycle

# Counts recycles and failed requests of a loaded server: run alone (docs/testing.md).
pytestmark = pytest.mark.serial

USERS = 6
SECONDS = 20
MAX_REQUESTS = 25
REBUILD_EVERY = 3


def test_recycling_and_rebuilds_drop_no_request(tmp_path: Path) -> None:
    result = recycle.run(USERS, SECONDS, MAX_REQUESTS, REBUILD_EVERY, tmp_path)
    assert result["rebuilds"] >= 2, "the database was rebuilt while serving"
    assert result["recycles"] >= 2 * result["workers"], (
        f"every worker must recycle at least twice: {result['recycles']} recycles of "
        f"{result['workers']} workers in {result['requests']} requests")
    assert result["failures"] == [] and result["failed"] == 0
    assert result["signal_deaths"] == 0, (tmp_path / "gunicorn.log").read_text()[-3000:]
    assert result["bad_exits"] == 0
