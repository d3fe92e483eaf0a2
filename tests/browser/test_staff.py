"""The staff area in a real browser on a real server: a submitter signs in, uploads the example
submission, checks the preview, loads it and sees the public page change; a broken file is
listed problem by problem and changes nothing; a deliverable recorded as done shows on
/deliverables and in the quarterly summary. Every staff page is axe-clean in both languages
(checked once, at 1280 px) and fits the window on a desktop and on a phone."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from pipelines.settings import REPO_ROOT
from tests.support.browser import Shots, axe_violations
from tests.support.builds import copy_of
from tests.support.server import dashboard
from tests.support.staff import copy_data, make_accounts

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
def staff_server(dashboard_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The staff area on its own copies of the plain build and data/, with a submitter and a
    reviewer."""
    tmp = tmp_path_factory.mktemp("staff")
    state = make_accounts(tmp / "state", {"submitter": EMAIL, "reviewer": REVIEWER}, PASSWORD)
    with dashboard(copy_of(dashboard_db, tmp), state_dir=state,
                   data_dir=copy_data(tmp / "data")) as server:
        yield server.url


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
        browser: Browser, staff_server: str, tmp_path: Path, shots: Shots) -> None:
    page = browser.new_page()
    before = _public_text(page, staff_server)
    _sign_in(page, staff_server, EMAIL)
    page.set_input_files("#submission", str(REPO_ROOT / "data/submissions/example-2025-26Q1.csv"))
    page.click("main button[type=submit]")
    expect(page.get_by_role("heading", name="Check what will change")).to_be_visible()
    expect(page.get_by_role("heading", name="New figures (13)")).to_be_visible()
    shots.take(page, "staff-preview-en-1280")
    page.click("text=Load into the tracker")
    expect(page.get_by_role("heading", name="Loaded")).to_be_visible()
    expect(page.locator("main")).to_contain_text("13 figure rows")
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
    shots.take(page, "staff-report-fr-1280")
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
                                    width: int, shots: Shots) -> None:
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(f"{staff_server}/staff/sign-in?lang={lang}")
    _check(page, lang, width, "sign-in", shots)
    _sign_in(page, staff_server, REVIEWER, lang)
    for name in ("upload", "deliverables", "snapshot", "history", ""):
        page.goto(f"{staff_server}/staff/{name}?lang={lang}")
        _check(page, lang, width, name or "home", shots)
    assert page.evaluate("document.documentElement.lang") == lang
    context.close()


def _check(page: Page, lang: str, width: int, name: str, shots: Shots) -> None:
    if width == 1280:  # axe-core once per page and language; both widths check the layout
        assert axe_violations(page) == [], name
    # Nothing wider than the window: a long deliverable in a select must not widen the page.
    assert page.evaluate("document.documentElement.scrollWidth") <= width, name
    shots.take(page, f"staff-{name}-{lang}-{width}")


@pytest.mark.parametrize("width", [1280, 390])
def test_a_refused_file_reads_in_either_language(browser: Browser, staff_server: str,
                                                 tmp_path: Path, width: int,
                                                 shots: Shots) -> None:
    """The report of a refused file, then the same report through the language switch, each
    problem worded from its code in the page's language."""
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    _sign_in(page, staff_server, EMAIL)
    broken = tmp_path / "broken-2025-26Q1.csv"
    broken.write_text(BROKEN, encoding="utf-8")
    page.set_input_files("#submission", str(broken))
    page.click("main button[type=submit]")
    expect(page.locator("h2[role=alert]")).to_contain_text("The file was refused: 5 problems")
    expect(page.locator("table.staff-report")).to_contain_text('value cannot be negative: "-4"')
    _check(page, "en", width, "report", shots)
    page.click("header a[lang=fr]")
    expect(page.locator("h2[role=alert]")).to_contain_text("Le fichier a été refusé\u00a0: 5 "
                                                           "problèmes")
    expect(page.locator("table.staff-report")).to_contain_text(
        "la valeur ne peut pas être négative\u00a0: «\u00a0-4\u00a0»")
    expect(page.locator("table.staff-report")).not_to_contain_text("cannot")
    _check(page, "fr", width, "report", shots)
    assert page.evaluate("document.documentElement.lang") == "fr"
    context.close()
