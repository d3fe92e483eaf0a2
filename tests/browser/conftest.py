"""Real servers in subprocesses (as ``make run`` serves them) and pages in Debian's Chromium.
The servers read the run's shared builds; their staff state is in a temporary folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from tests.support.builds import copy_of
from tests.support.reviews import with_recorded_changes
from tests.support.server import dashboard

DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture(scope="session")
def server_url(dashboard_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The plain build (published figures only) served by ``python -m dashboard``."""
    with dashboard(dashboard_db, state_dir=tmp_path_factory.mktemp("plain-state")) as server:
        yield server.url


@pytest.fixture(scope="session")
def demo_server_url(demo_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The build with the demonstration submissions (quarterly data), served likewise."""
    with dashboard(demo_db, state_dir=tmp_path_factory.mktemp("demo-state")) as server:
        yield server.url


@pytest.fixture()
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport=DESKTOP)
    tab = context.new_page()
    yield tab
    context.close()


@pytest.fixture(scope="session")
def review_db(demo_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the demonstration build with two deliverable records and one stored status
    change (tests/support/reviews.py): what the reviews show when things moved."""
    return with_recorded_changes(copy_of(demo_db, tmp_path_factory.mktemp("reviews")))


@pytest.fixture(scope="session")
def review_url(review_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with dashboard(review_db, state_dir=tmp_path_factory.mktemp("review-state")) as server:
        yield server.url
