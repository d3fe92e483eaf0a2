"""A real server in a subprocess (as ``make run`` serves it) and Debian's Chromium."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from benchmarks.server import free_port, wait_until_up
from pipelines.build import build_database
from pipelines.settings import REPO_ROOT, load_settings

SCREENSHOTS = REPO_ROOT / "screenshots"


def _serve(db: Path) -> Iterator[str]:
    port = free_port()
    command = [
        sys.executable,
        "-m",
        "dashboard",
        "--db",
        str(db),
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
    ]
    process = subprocess.Popen(command, cwd=REPO_ROOT)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(url + "/", process)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


@pytest.fixture(scope="session")
def server_url(dashboard_db: Path) -> Iterator[str]:
    yield from _serve(dashboard_db)


@pytest.fixture(scope="session")
def demo_server_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A server on a database with the demonstration submissions (quarterly data)."""
    db = tmp_path_factory.mktemp("demo") / "strategy.duckdb"
    build_database(load_settings(db_path=db), demo=True)
    yield from _serve(db)


@pytest.fixture()
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    yield tab
    context.close()


@pytest.fixture(scope="session")
def screenshots() -> Path:
    SCREENSHOTS.mkdir(exist_ok=True)
    return SCREENSHOTS
