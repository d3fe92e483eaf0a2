"""Quick exit keeps its promise, in Chromium, against a server whose neutral site is a local
page (``STRATEGY_QUICK_EXIT_URL``): without script it is a link that lands there (and the
page stays in the history, as its description says); with script, the button or Escape
twice lands there too and replaces the page exited, so Back skips it, while earlier pages
stay; its description says exactly that in each case."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from pipelines.language.i18n import t
from pipelines.language.typography import french
from tests.support.browser import Shots
from tests.support.server import dashboard, static_page

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def neutral_site() -> Iterator[str]:
    """A page anyone might have open, on another loopback port."""
    body = b"<!doctype html><html lang=en><title>Search</title><h1>Search</h1>"
    with static_page(body) as url:
        yield url


@pytest.fixture(scope="module")
def site(demo_db: Path, neutral_site: str, tmp_path_factory: pytest.TempPathFactory
         ) -> Iterator[str]:
    """The tracker, its Quick exit pointed at the neutral site."""
    env = {"STRATEGY_QUICK_EXIT_URL": neutral_site + "?hl={lang}"}
    with dashboard(demo_db, state_dir=tmp_path_factory.mktemp("exit-state"), env=env) as server:
        yield server.url


def _tab(browser: Browser, script: bool) -> Page:
    return browser.new_context(viewport={"width": 1280, "height": 800},
                               java_script_enabled=script).new_page()


def _visit(page: Page, site: str, *paths: str) -> None:
    """Open each page in turn, as a reader following links would (one history entry each)."""
    for path in paths:
        page.goto(site + path)
        expect(page.locator("main h1")).to_be_visible()


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_without_script_quick_exit_is_a_link_to_the_neutral_site(
        browser: Browser, site: str, neutral_site: str, lang: str) -> None:
    page = _tab(browser, script=False)
    _visit(page, site, f"/deliverables?lang={lang}", f"/review/quarterly?lang={lang}")
    hint = page.locator("#shell-quick-exit-hint").text_content() or ""
    expected = t("help.quick_exit_hint_plain", lang)
    assert hint == (french(expected) if lang == "fr" else expected)
    page.locator("#shell-quick-exit").click()
    page.wait_for_url(f"{neutral_site}?hl={lang}")
    expect(page.locator("h1")).to_have_text("Search")
    # As the description says: a plain link leaves this page in the history.
    page.go_back()
    assert page.url.startswith(f"{site}/review/quarterly")
    page.context.close()


@pytest.mark.parametrize("how", ["escape", "button"])
def test_with_script_quick_exit_replaces_the_page_and_back_skips_it(
        browser: Browser, site: str, neutral_site: str, how: str, shots: Shots) -> None:
    page = _tab(browser, script=True)
    _visit(page, site, "/?lang=fr", "/deliverables?lang=fr", "/review/quarterly?lang=fr")
    hint = page.locator("#shell-quick-exit-hint").text_content() or ""
    assert hint == french(t("help.quick_exit_hint_script", "fr"))
    entries = page.evaluate("history.length")
    if how == "escape":
        page.keyboard.press("Escape")
        page.keyboard.press("Escape")
    else:
        page.locator("#shell-quick-exit").click()
    page.wait_for_url(f"{neutral_site}?hl=fr")
    assert page.evaluate("history.length") == entries  # replaced, not added
    shots.take(page, f"quick-exit-{how}-landed", full_page=False)
    # Back never returns to the page exited; the page before it is still there, as the
    # description and the safety page say.
    page.go_back()
    assert page.url.startswith(f"{site}/deliverables")
    page.context.close()


def test_after_dash_takes_over_quick_exit_still_replaces_only_the_page_exited(
        browser: Browser, site: str, neutral_site: str) -> None:
    page = _tab(browser, script=True)
    _visit(page, site, "/indicator/frontline_workers_trained?lang=en")
    page.locator(".dash-graph").hover()
    page.wait_for_selector("html.dash-live", state="attached", timeout=60_000)
    page.locator(".nav-bar a", has_text="Deliverables").click()  # Dash's own navigation
    page.wait_for_url("**/deliverables?lang=en")
    expect(page.locator("#shell-quick-exit-hint")).to_have_text(
        t("help.quick_exit_hint_script", "en"))
    page.keyboard.press("Escape")
    page.keyboard.press("Escape")
    page.wait_for_url(f"{neutral_site}?hl=en")
    page.go_back()
    assert page.url.startswith(f"{site}/indicator/frontline_workers_trained")
    page.context.close()


def test_a_single_escape_does_not_leave(browser: Browser, site: str) -> None:
    page = _tab(browser, script=True)
    _visit(page, site, "/about?lang=en")
    page.keyboard.press("Escape")
    page.wait_for_timeout(2000)  # longer than the window for a second press
    page.keyboard.press("Escape")
    page.wait_for_timeout(500)
    assert page.url.startswith(f"{site}/about")
    page.context.close()
