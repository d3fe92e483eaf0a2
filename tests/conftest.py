"""Fixtures every area shares: the plain and demonstration builds (built once per run, shared
by the xdist workers), the staff accounts (hashed once per process), Chromium, and the
screenshot folder. What they are made of lives in tests/support/ (docs/testing.md)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from pipelines.settings import REPO_ROOT
from tests.support import builds
from tests.support.browser import Shots, chromium
from tests.support.staff import make_accounts


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--dashboard-db",
        default=None,
        help="Use this existing DuckDB file for dashboard tests instead of building one.",
    )
    parser.addoption(
        "--screenshots",
        action="store_true",
        help="Save the browser tests' screenshots (full pages, both widths) in "
             "--screenshots-dir. Without it no screenshot is taken.",
    )
    parser.addoption(
        "--screenshots-dir",
        default=str(REPO_ROOT / "screenshots"),
        metavar="FOLDER",
        help="Where --screenshots saves them (default: screenshots/, ignored by git).",
    )


@pytest.fixture(scope="session")
def dashboard_db(request: pytest.FixtureRequest) -> Path:
    """The plain build (published figures only), built once per run. Read-only: a test that
    writes takes a copy (``builds.copy_of``)."""
    given = request.config.getoption("--dashboard-db")
    if given:
        return Path(given)
    return builds.shared_build("plain", request)


@pytest.fixture(scope="session")
def demo_db(request: pytest.FixtureRequest) -> Path:
    """The build with the labelled demonstration submissions, built once per run. Read-only
    like ``dashboard_db``."""
    return builds.shared_build("demo", request)


@pytest.fixture(scope="session")
def staff_accounts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A staff state folder with one account per role (tests/support/staff.py USERS), hashed
    once per process; ``staff.with_accounts`` copies it into a test's state folder."""
    return make_accounts(tmp_path_factory.mktemp("staff-accounts"))


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """One Chromium per process (Playwright's sync API allows one instance per process)."""
    with chromium() as launched:
        yield launched


@pytest.fixture(scope="session")
def shots(request: pytest.FixtureRequest) -> Shots:
    """Screenshots for a person to look at, taken only with ``--screenshots``."""
    if not request.config.getoption("--screenshots"):
        return Shots(None)
    folder = Path(request.config.getoption("--screenshots-dir"))
    folder.mkdir(parents=True, exist_ok=True)
    return Shots(folder)


@pytest.fixture(scope="session")
def screenshots(shots: Shots, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The screenshot folder as a path (``--screenshots``, or a temporary folder when not
    asked), for tests that call ``page.screenshot`` themselves; prefer ``shots.take``, which
    costs nothing when no screenshot was asked for."""
    return shots.folder or tmp_path_factory.mktemp("screenshots")
