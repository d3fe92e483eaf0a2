"""Shared fixtures: the dashboard's database is built by the real pipeline from data/."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, sync_playwright

from pipelines.build import build_database
from pipelines.settings import load_settings


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--dashboard-db",
        default=None,
        help="Use this existing DuckDB file for dashboard tests instead of building one.",
    )


@pytest.fixture(scope="session")
def dashboard_db(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database for the dashboard tests, built once per session with the real pipeline."""
    given = request.config.getoption("--dashboard-db")
    if given:
        return Path(given)
    path = tmp_path_factory.mktemp("dashboard") / "strategy.duckdb"
    build_database(load_settings(db_path=path))
    return path


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database built by the real pipeline with the labelled demonstration submissions."""
    from pipelines.build import build_database
    from pipelines.settings import load_settings

    path = tmp_path_factory.mktemp("demo") / "strategy.duckdb"
    build_database(load_settings(env={}, db_path=path), demo=True)
    return path


# One Playwright instance for the whole session: the sync API refuses to start a second one
# while another is running in the same process, so every browser test shares this fixture.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-quic",
    "--no-first-run",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    executable = shutil.which("chromium")
    if executable is None:
        pytest.fail("Debian's chromium is not installed (make chromium)")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield launched
        launched.close()
