"""The quarterly review in a real browser: the picker, the briefing download and print, in
both languages, axe-core clean, no console errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.support.browser import Shots, open_page

pytestmark = pytest.mark.browser
# axe-core checks the quarterly review once per language, and an earlier quarter's "as shown
# and as known today" section, with every other page (test_public.py).

LANGS = [
    ("en", "Where are we this quarter?", "Show this quarter", "Download briefing (HTML)",
     "DEMONSTRATION DATA"),
    ("fr", "Où en sommes-nous ce trimestre\u00a0?", "Afficher ce trimestre",
     "Télécharger la note d’information (HTML)", "DONNÉES DE DÉMONSTRATION"),
]


@pytest.mark.parametrize(("lang", "heading", "submit", "download", "demo"), LANGS)
def test_picker_changes_the_url_and_the_content(page: Page, demo_server_url: str, lang: str,
                                                heading: str, submit: str, download: str,
                                                demo: str, shots: Shots) -> None:
    errors = open_page(page, f"{demo_server_url}/review/quarterly?lang={lang}")
    expect(page.get_by_role("heading", level=1)).to_contain_text(heading)
    options = page.locator("#quarterly-quarter option")
    oldest = options.last.get_attribute("value")
    assert oldest and options.count() >= 2
    page.select_option("#quarterly-quarter", oldest)
    page.get_by_role("button", name=submit).click()
    page.wait_for_url(f"**/review/quarterly?lang={lang}&quarter={oldest}")
    # French writes the quarter with T for trimestre: 2025-26 T1.
    shown = oldest if lang == "en" else oldest.replace("Q", "\u00a0T")
    expect(page.get_by_role("heading", level=1)).to_contain_text(shown)
    expect(page.locator("#quarterly-quarter")).to_have_value(oldest)
    expect(page.locator(".demo-label").first).to_contain_text(demo)
    expect(page.locator("#quarterly-download")).to_have_text(download)
    shots.take(page, f"quarterly-{lang}")
    assert errors == []


@pytest.mark.parametrize(("lang", "heading", "submit", "download", "demo"), LANGS)
def test_export_link_downloads_the_briefing(page: Page, demo_server_url: str, lang: str,
                                            heading: str, submit: str, download: str,
                                            demo: str, tmp_path: Path) -> None:
    errors = open_page(page, f"{demo_server_url}/review/quarterly?quarter=2025-26Q2&lang={lang}")
    assert errors == []
    with page.expect_download() as info:
        page.get_by_role("link", name=download).click()
    saved = tmp_path / info.value.suggested_filename
    info.value.save_as(saved)
    assert saved.name == f"briefing-2025-26Q2-{lang}.html"
    html = saved.read_text(encoding="utf-8")
    assert f'<html lang="{lang}">' in html and demo in html
    # The file opens offline: no request leaves it.
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(saved.as_uri())
    expect(page.locator("svg").first).to_be_visible()
    assert [r for r in requests if not r.startswith("file:")] == []


def test_print_button_prints_and_print_styles_hide_the_controls(page: Page,
                                                                demo_server_url: str) -> None:
    open_page(page, f"{demo_server_url}/review/quarterly")
    page.evaluate("window.print = () => { window.__printed = true; }")
    page.get_by_role("button", name="Print or save as PDF").click()
    page.wait_for_function("window.__printed === true")
    page.emulate_media(media="print")
    expect(page.locator(".quarterly-picker")).to_be_hidden()
    expect(page.locator(".export-box")).to_be_hidden()
    expect(page.locator("#shell-help")).to_be_visible()


def test_unknown_quarter_shows_a_message(page: Page, demo_server_url: str) -> None:
    errors = open_page(page, f"{demo_server_url}/review/quarterly?quarter=2021-22Q1&lang=fr")
    expect(page.locator("#quarterly-message")).to_contain_text("2021-22Q1")
    expect(page.locator("#quarterly-quarter")).to_be_visible()
    # The document itself answers 404 on purpose; the browser logs that, nothing else.
    assert [e for e in errors if "status of 404" not in e] == []
