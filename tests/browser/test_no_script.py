"""With JavaScript off, in Chromium: every public page of the registry (one id each, both
languages, 1280 and 390 px) reads whole (help bar, heading, charts as SVG), the navigation
is followed on a wide screen and through the phone's menu, and the quarter picker and the
/data filters work as plain GET forms."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.support.browser import Shots
from tests.support.html_first import sample_paths, with_lang

pytestmark = pytest.mark.browser

VIEWPORTS = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}


@pytest.fixture()
def no_script(browser: Browser, request: pytest.FixtureRequest) -> Iterator[Page]:
    size = getattr(request, "param", "desktop")
    context = browser.new_context(viewport=VIEWPORTS[size], java_script_enabled=False)
    tab = context.new_page()
    yield tab
    context.close()


@pytest.mark.parametrize("no_script", list(VIEWPORTS), indirect=True)
def test_every_page_reads_whole_without_script(no_script: Page, demo_server_url: str,
                                               demo_db: Path, shots: Shots) -> None:
    page = no_script
    width = page.viewport_size["width"] if page.viewport_size else 0
    for path in sample_paths(demo_db):
        for lang in ("en", "fr"):
            page.goto(demo_server_url + with_lang(path, lang))
            expect(page.locator("main h1")).to_be_visible()
            if path.startswith("/embed/"):
                expect(page.locator("#embed-permalink")).to_be_visible()
            else:
                expect(page.locator("#shell-help a[href='tel:911']")).to_be_visible()
                expect(page.locator("#shell-help a[href='tel:+18339001010']")).to_be_visible()
                expect(page.locator("#shell-quick-exit")).to_be_visible()
            graphs = page.locator(".dash-graph")
            for index in range(graphs.count()):
                expect(graphs.nth(index).locator("svg.chart-svg-plot")).to_be_visible()
            # A button only a callback serves (image downloads, print) is not offered.
            dead = page.locator("button[data-live]")
            for index in range(dead.count()):
                expect(dead.nth(index)).to_be_hidden()
            assert page.evaluate("document.documentElement.scrollWidth") <= width
            name = path.strip("/").split("?")[0].replace("/", "-") or "overview"
            shots.take(page, f"noscript-{name}-{lang}-{width}")


def test_the_navigation_is_followed_without_script(no_script: Page,
                                                   demo_server_url: str) -> None:
    page = no_script
    page.goto(f"{demo_server_url}/?lang=fr")
    links = page.locator(".nav-bar a")
    targets = [links.nth(i).get_attribute("href") for i in range(links.count())]
    assert len(targets) >= 5
    for target in targets:
        page.goto(f"{demo_server_url}/?lang=fr")
        page.locator(f".nav-bar a[href='{target}']").click()
        page.wait_for_url(f"**{target}")
        expect(page.locator("main h1")).to_be_visible()
        expect(page.locator(f".nav-bar a[href='{target}']")).to_have_class(
            "nav-link nav-link-current")


@pytest.mark.parametrize("no_script", ["phone"], indirect=True)
def test_the_phone_menu_opens_and_is_followed_without_script(
        no_script: Page, demo_server_url: str, shots: Shots) -> None:
    page = no_script
    page.goto(f"{demo_server_url}/?lang=en")
    expect(page.locator(".nav-bar")).to_be_hidden()
    menu = page.locator(".nav-menu")
    expect(menu.locator("a").first).to_be_hidden()
    menu.locator("summary").click()
    shots.take(page, "noscript-menu-open-en-390")
    menu.get_by_role("link", name="Quarterly review").click()
    page.wait_for_url("**/review/quarterly?lang=en")
    expect(page.locator("main h1")).to_contain_text("Quarterly review")
    page.locator(".nav-menu summary").click()
    page.locator(".nav-menu").get_by_role("link", name="Leave this site quickly and safely"
                                          ).click()
    page.wait_for_url("**/safety?lang=en")
    expect(page.locator("main h1")).to_have_text("Leave this site quickly and safely")


def test_the_quarter_picker_works_without_script(no_script: Page,
                                                 demo_server_url: str) -> None:
    page = no_script
    page.goto(f"{demo_server_url}/review/quarterly?lang=fr")
    options = page.locator("#quarterly-quarter option")
    assert options.count() >= 2
    earlier = options.nth(1).get_attribute("value") or ""
    label = options.nth(1).inner_text()
    page.select_option("#quarterly-quarter", earlier)
    page.locator("#quarterly-show").click()
    page.wait_for_url(f"**/review/quarterly?lang=fr&quarter={earlier}")
    expect(page.locator("main h1")).to_contain_text(label)
    expect(page.locator("#quarterly-quarter")).to_have_value(earlier)


def test_a_data_filter_applies_without_script(no_script: Page, demo_server_url: str) -> None:
    page = no_script
    page.goto(f"{demo_server_url}/data?lang=en")
    page.select_option("#data-filter-pillar", "support")
    page.get_by_role("button", name="Apply").click()
    page.wait_for_url("**/data?**pillar=support**")
    expect(page.locator("#data-filter-pillar")).to_have_value("support")
    expect(page.locator("a[href^='/download/observations.csv?pillar=support']").first
           ).to_be_visible()
