"""No reader meets a cold render: a real server (``python -m dashboard``, its warm-up on) on a
copy of the demonstration build. After a write (a deliverable's status, through the one
writer, as the staff form records it), the pages answered at once already show the new data,
never the old; once the warm-up has rendered the new version, the first request for every
public page in both languages is answered from that version's store."""

from __future__ import annotations

import json
import re
import secrets
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from dashboard.app import create_app
from dashboard.context import DB_CONFIG_KEY
from dashboard.html_first.store import COMPLETE, store_root
from dashboard.site_pages import public_pages
from pipelines import writer
from pipelines.deliverables import record_deliverable
from pipelines.marts.milestones import MilestoneRecord
from pipelines.settings import Settings, load_settings
from tests.support.builds import copy_of
from tests.support.server import dashboard

# The warm-up runs at low priority on a machine shared with other work.
WARM_TIMEOUT_S = 900
VERSION = re.compile(r'id="tracker-page" data-version="([0-9a-f]+)"')


pytestmark = pytest.mark.serial  # a server and its warm-up, twice, on two cores


@pytest.fixture()
def settings(demo_db: Path, tmp_path: Path) -> Settings:
    copy = copy_of(demo_db, tmp_path / "build")
    return load_settings(env={"STRATEGY_DATA_DIR": str(tmp_path / "data")}, db_path=copy)


@pytest.fixture()
def server(settings: Settings, tmp_path: Path) -> Iterator[str]:
    """``python -m dashboard`` with its warm-up on (test servers have it off)."""
    with dashboard(settings.db_path, state_dir=tmp_path / "state",
                   data_dir=settings.data_dir, env={"STRATEGY_PAGE_WARMUP": "1"}) as running:
        yield running.url


def _get(url: str) -> tuple[str, str]:
    """(body, where the page came from per Server-Timing) of one request."""
    try:
        with urllib.request.urlopen(url, timeout=120) as answer:
            return answer.read().decode("utf-8"), answer.headers.get("Server-Timing", "")
    except urllib.error.HTTPError as error:
        return error.read().decode("utf-8"), error.headers.get("Server-Timing", "")


def _version_of(body: str) -> str:
    found = VERSION.search(body)
    return found.group(1) if found else ""


def _wait_for_warm_up(settings: Settings, version: str) -> dict[str, object]:
    deadline = time.monotonic() + WARM_TIMEOUT_S
    while time.monotonic() < deadline:
        for marker in store_root(settings).glob(f"*/{COMPLETE}"):
            summary: dict[str, object] = json.loads(marker.read_text(encoding="utf-8"))
            if summary["data_version"] == version:
                return summary
        time.sleep(1)
    raise AssertionError(f"the warm-up of {version} did not complete")


def _paths(settings: Settings) -> list[str]:
    app = create_app(settings)
    with app.server.test_request_context("/"):
        return [p.path for p in public_pages(app.server.config[DB_CONFIG_KEY])]


def test_after_a_write_every_page_is_served_from_the_new_version(settings: Settings,
                                                                  server: str) -> None:
    old = writer.data_version(settings.db_path) or ""
    assert _version_of(_get(f"{server}/deliverables?lang=en")[0]) == old

    note = f"Recorded by the warm-up test {secrets.token_hex(4)}"
    record_deliverable(settings, MilestoneRecord(
        milestone_id="support-a3", status="at_risk", as_of=date.today(),
        recorded_by="staff@example.org", source="submission", note=note))
    new = writer.data_version(settings.db_path) or ""
    assert new and new != old

    # At once, before any warm-up could finish: the new data, never the old.
    body, _ = _get(f"{server}/deliverables?lang=en")
    assert _version_of(body) == new and note in body

    summary = _wait_for_warm_up(settings, new)
    paths = _paths(settings)
    assert summary["pages"] == 2 * len(paths)
    served: dict[str, list[str]] = {}
    for path in paths:
        for lang in ("en", "fr"):
            body, timing = _get(f"{server}{path}?lang={lang}")
            assert _version_of(body) == new, (path, lang)
            served.setdefault(timing, []).append(f"{path}?lang={lang}")
    # The one page asked for before the warm-up finished is in this worker's memory; every
    # other page's first request comes from the store the warm-up filled.
    assert set(served) <= {'page;desc="store"', 'page;desc="memory"'}, served.keys()
    assert served.get('page;desc="memory"', []) == ["/deliverables?lang=en"]
    assert note in _get(f"{server}/deliverables?lang=fr")[0]
    # Only the new version's pages are kept.
    assert len([p for p in store_root(settings).iterdir() if p.is_dir()]) == 1
