"""/data and /data/availability in a real browser, both languages, with and without script:
picking fiscal 2025-26 and one indicator gives the row count and the rows, the list of
indicators is grouped and sorted, the words box narrows it, and after Apply the count has
the focus (with script); the pages are axe-core clean."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import parse_qs, urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect

from pipelines.language.collation import sort_key
from tests.support.browser import WCAG_TAGS, open_page

pytestmark = pytest.mark.browser

WORDS = {"en": ("trained on sexually", "Apply", "Narrow the list", "observations match"),
         "fr": ("formés sur les jeunes", "Appliquer", "Restreindre la liste",
                "observations correspondent")}


@pytest.fixture(params=[True, False], ids=["script", "no-script"])
def tab(request: pytest.FixtureRequest, browser: Browser) -> Iterator[tuple[Page, bool]]:
    context = browser.new_context(viewport={"width": 1280, "height": 900},
                                  java_script_enabled=request.param)
    yield context.new_page(), request.param
    context.close()


def _open(page: Page, url: str, script: bool) -> None:
    if script:
        assert open_page(page, url) == []
        return
    page.goto(url)
    assert page.locator("#data-form").count() == 1, "the finder is in the first response"


def _expected_count(page: Page, base: str, lang: str) -> int:
    text = page.request.get(f"{base}/download/observations.csv?indicator="
                            f"frontline_workers_trained&from=2025-04-01&to=2026-03-31"
                            f"&include_demo=true&lang={lang}").text()
    return len([line for line in text.splitlines() if line]) - 1


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_fiscal_2025_26_and_one_indicator_give_the_count_and_the_rows(
        tab: tuple[Page, bool], demo_server_url: str, lang: str) -> None:
    page, script = tab
    name, apply, narrow, counted = WORDS[lang]
    _open(page, f"{demo_server_url}/data?lang={lang}", script)
    page.fill("#data-filter-q", name.split()[0])
    if not script:  # the words go to the server, which hides what they do not match
        page.get_by_role("button", name=narrow).click()
        page.wait_for_load_state("load")
    hidden = page.eval_on_selector_all("#data-filter-indicator option[value]:not([value=''])",
                                       "os => os.filter(o => o.hidden).length")
    assert hidden > 80
    page.select_option("#data-filter-indicator", "frontline_workers_trained")
    page.select_option("#data-filter-fiscal_from", "2025-26")
    page.select_option("#data-filter-fiscal_to", "2025-26")
    page.select_option("#data-filter-include_demo", "true")
    page.get_by_role("button", name=apply, exact=True).click()
    page.wait_for_url("**/data?**fiscal_from=2025-26**")
    query = parse_qs(urlsplit(page.url).query)
    assert query["indicator"] == ["frontline_workers_trained"]
    expected = _expected_count(page, demo_server_url, lang)
    count = page.locator("#data-matching")
    expect(count).to_have_text(f"{expected} {counted}.")
    expect(page.locator("#data-first-rows tbody tr")).to_have_count(min(expected, 10))
    if script:  # focus moved to the count for screen readers
        expect(count).to_be_focused()


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_list_is_grouped_and_sorted(tab: tuple[Page, bool], demo_server_url: str,
                                        lang: str) -> None:
    page, script = tab
    _open(page, f"{demo_server_url}/data?lang={lang}", script)
    groups = page.eval_on_selector_all(
        "#data-filter-indicator optgroup",
        "gs => gs.map(g => [g.label, Array.from(g.children).map(o => o.textContent)])")
    assert len(groups) >= 6 and all("2025–2030" in label for label, _ in groups[:5])
    for label, names in groups:
        assert names == sorted(names, key=sort_key), label
    if script:  # typing narrows the list at once, with no round trip
        page.fill("#data-filter-q", "zzzz")
        expect(page.locator("#data-series-count")).to_contain_text("0")


@pytest.mark.parametrize("path", ["/data/availability", "/data/availability?lang=fr",
                                  "/data?lang=fr&indicator=frontline_workers_trained"
                                  "&fiscal_from=2025-26&fiscal_to=2025-26&include_demo=true"])
def test_the_pages_have_no_wcag_violations(page: Page, demo_server_url: str, path: str) -> None:
    assert open_page(page, demo_server_url + path) == []
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    violations = results.response["violations"]
    if violations:
        print(results.generate_report())
    assert violations == []


def test_every_indicator_row_says_what_it_has(page: Page, demo_server_url: str) -> None:
    assert open_page(page, demo_server_url + "/data/availability?lang=fr") == []
    rows = page.locator("tr[data-indicator-id]")
    expect(rows).to_have_count(96)
    kinds = set(page.eval_on_selector_all("tr[data-indicator-id]",
                                          "rs => rs.map(r => r.dataset.availability)"))
    assert kinds <= {"has_figures", "awaiting_submission", "no_source"}
