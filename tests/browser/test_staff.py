"""The staff area in a real browser on a real server: a submitter signs in, uploads the example
submission, checks the preview, loads it and sees the public page change; a broken file is
listed problem by problem and changes nothing; a deliverable recorded as done shows on
/deliverables and in the quarterly summary. Every staff page is axe-clean in both languages,
on a desktop and on a phone."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect

from benchmarks.server import free_port, wait_until_up
from dashboard.staff.accounts import add_user
from pipelines.build import build_database
from pipelines.settings import REPO_ROOT, load_settings
from tests.browser.test_overview import WCAG_TAGS

pytestmark = pytest.mark.browser

EMAIL = "analyst@example.org"
REVIEWER = "lead@example.org"
PASSWORD = "a long staff password"
INDICATOR = "/indicator/frontline_workers_trained"
BROKEN = ("indicator_id,quarter,geography,breakdown,value,qualifier,note,program\n"
          "frontline_workers_trained,2025-26Q1,ontario,total,-4,exact,,P\n"
          "no_such_indicator,2025-26Q1,ontario,total,3,exact,,P\n"
          "frontline_workers_trained,2025-26Q9,atlantis,total,1.5,exact,,P\n")


@pytest.fixture(scope="module")
def staff_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    tmp = tmp_path_factory.mktemp("staff")
    data = tmp / "data"
    shutil.copytree(REPO_ROOT / "data", data, ignore=shutil.ignore_patterns(
        "build", "state", "rejected", "exports"))
    env = {"STRATEGY_DATA_DIR": str(data), "STRATEGY_STATE_DIR": str(tmp / "state"),
           "STRATEGY_DB": str(tmp / "strategy.duckdb")}
    settings = load_settings(env=env)
    build_database(settings)
    add_user(settings, EMAIL, "submitter", PASSWORD)
    add_user(settings, REVIEWER, "reviewer", PASSWORD)
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "dashboard", "--host", "127.0.0.1", "--port", str(port)],
        cwd=REPO_ROOT, env={**_base_env(), **env})
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(url + "/", process)  # type: ignore[arg-type]
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


def _base_env() -> dict[str, str]:
    import os

    return {k: v for k, v in os.environ.items() if not k.startswith("STRATEGY_")}


def _sign_in(page: Page, url: str, email: str, lang: str = "en") -> None:
    page.goto(f"{url}/staff/upload?lang={lang}")
    page.fill("#email", email)
    page.fill("#password", PASSWORD)
    page.click("main button[type=submit]")
    expect(page).to_have_url(f"{url}/staff/upload?lang={lang}")


def _public_text(page: Page, url: str) -> str:
    page.goto(f"{url}{INDICATOR}")
    page.wait_for_selector("main h1")
    page.wait_for_load_state("networkidle")
    return page.inner_text("main")


def test_a_submitter_uploads_previews_and_loads_and_the_public_page_changes(
        browser: Browser, staff_server: str, tmp_path: Path) -> None:
    page = browser.new_page()
    before = _public_text(page, staff_server)
    _sign_in(page, staff_server, EMAIL)
    page.set_input_files("#submission", str(REPO_ROOT / "data/submissions/example-2025-26Q1.csv"))
    page.click("main button[type=submit]")
    expect(page.get_by_role("heading", name="Check what will change")).to_be_visible()
    expect(page.get_by_role("heading", name="New figures (13)")).to_be_visible()
    page.screenshot(path=str(_shots() / "staff-preview-en-1280.png"), full_page=True)
    page.click("text=Load into the tracker")
    expect(page.get_by_role("heading", name="Loaded")).to_be_visible()
    expect(page.locator("main")).to_contain_text("13 figure row(s)")
    after = _public_text(page, staff_server)
    assert after != before
    assert "72 workers" in after and "72 workers" not in before

    broken = tmp_path / "broken-2025-26Q1.csv"
    broken.write_text(BROKEN, encoding="utf-8")
    page.goto(f"{staff_server}/staff/upload?lang=fr")
    page.set_input_files("#submission", str(broken))
    page.click("main button[type=submit]")
    expect(page.locator("h2[role=alert]")).to_contain_text("Le fichier a été refusé")
    rows = page.locator("table.staff-report tbody tr")
    cells = [rows.nth(i).locator("td").all_inner_texts() for i in range(rows.count())]
    located = {(c[1], c[2]) for c in cells}
    assert {("2", "value"), ("3", "indicator_id"), ("4", "quarter"), ("4", "geography"),
            ("4", "value")} <= located, cells
    assert any("ne peut pas être négative" in c[3] for c in cells), cells
    page.screenshot(path=str(_shots() / "staff-report-fr-1280.png"), full_page=True)
    assert _public_text(page, staff_server) == after
    page.close()


def test_a_deliverable_recorded_as_done_shows_publicly_and_in_the_quarterly_summary(
        browser: Browser, staff_server: str) -> None:
    page = browser.new_page()
    _sign_in(page, staff_server, EMAIL)
    page.goto(f"{staff_server}/staff/deliverables")
    milestone = page.locator("#milestone_id option").first.get_attribute("value")
    assert milestone
    page.select_option("#milestone_id", milestone)
    page.select_option("#status", "done")
    page.fill("#as_of", "2025-06-16")
    page.fill("#note", "<b>Delivered</b> to 40 agencies")
    page.fill("#evidence_url", "https://www.ontario.ca/page/anti-human-trafficking")
    page.click("main button[type=submit]")
    expect(page.locator(".staff-ok")).to_contain_text("Done")

    page.goto(f"{staff_server}/deliverables?status=done")
    row = page.locator(f"#milestone-{milestone}")
    expect(row).to_contain_text("Done")
    expect(page.locator("main")).to_contain_text("<b>Delivered</b> to 40 agencies")
    assert page.locator("main b", has_text="Delivered").count() == 0

    page.goto(f"{staff_server}/review/quarterly?quarter=2025-26Q1")
    change = page.locator(f"#quarterly-deliverables-{milestone}")
    expect(change).to_contain_text("Done")
    expect(change).to_contain_text(EMAIL)
    expect(change).to_contain_text("<b>Delivered</b> to 40 agencies")
    page.close()


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("width", [1280, 390])
def test_staff_pages_are_accessible(browser: Browser, staff_server: str, lang: str,
                                    width: int) -> None:
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(f"{staff_server}/staff/sign-in?lang={lang}")
    _check(page, lang, width, "sign-in")
    _sign_in(page, staff_server, REVIEWER, lang)
    for name in ("upload", "deliverables", "snapshot", "history", ""):
        page.goto(f"{staff_server}/staff/{name}?lang={lang}")
        _check(page, lang, width, name or "home")
    assert page.evaluate("document.documentElement.lang") == lang
    context.close()


def _check(page: Page, lang: str, width: int, name: str) -> None:
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    violations = results.response["violations"]
    assert not violations, results.generate_report()
    # Nothing wider than the window: a long deliverable in a select must not widen the page.
    assert page.evaluate("document.documentElement.scrollWidth") <= width, name
    page.screenshot(path=str(_shots() / f"staff-{name}-{lang}-{width}.png"), full_page=True)


def _shots() -> Path:
    shots = REPO_ROOT / "screenshots"
    shots.mkdir(exist_ok=True)
    return shots
