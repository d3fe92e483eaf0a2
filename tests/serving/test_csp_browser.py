"""The production server (gunicorn, the real CSP) in Chromium: the overview, an indicator
page with its chart (plotly.js's basic bundle) and /data load with no CSP violation and no
console error."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from tests.support.server import gunicorn

PATHS = ["/", "/indicator/frontline_workers_trained", "/data"]
# Installed before any page script: a violation is reported here even when not logged.
LISTEN = """
window.__csp = [];
document.addEventListener('securitypolicyviolation',
    (e) => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));
"""

pytestmark = pytest.mark.skipif(shutil.which("chromium") is None,
                                reason="Debian chromium not installed")


@pytest.fixture(scope="module")
def production_url(dashboard_db: Path,
                   tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with gunicorn(dashboard_db, state_dir=tmp_path_factory.mktemp("state"),
                  workers=1) as server:
        yield server.url


@pytest.mark.parametrize("path", PATHS)
def test_page_loads_without_csp_violations(browser: Browser, production_url: str,
                                           path: str) -> None:
    page = browser.new_page()
    page.add_init_script(LISTEN)
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(production_url + path, wait_until="networkidle")
    page.wait_for_selector("main h1")
    if path.startswith("/indicator/"):
        # Dash and plotly.js load when a reader reaches for the chart (docs/architecture.md ›
        # HTML first).
        page.hover(".dash-graph")
        page.wait_for_selector(".js-plotly-plot .scatterlayer .trace", timeout=20_000)
    violations = page.evaluate("window.__csp")
    page.close()
    assert violations == []
    assert errors == []
