"""A phone's first screen (390×844, no script: the first response alone) carries the help
bar, the page's heading and the first figure: the navigation folds into one Menu in the
header's row, the help bar is one line in English, and the shell above the heading is short."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.support.browser import Shots
from tests.support.html_first import sample_paths, with_lang

pytestmark = pytest.mark.browser

HEIGHT = 844
BOX = """(selector) => { const e = document.querySelector(selector);
  if (!e) return null; const r = e.getBoundingClientRect(); return [r.top, r.bottom]; }"""
# The first figure a reader looks for on each page: the overview's first figure, the
# indicator's status, the embed's status.
FIRST_FIGURE = {"/": ".figure-number", "/indicator/": ".status-box",
                "/embed/indicator/": ".status-box"}


@pytest.fixture()
def phone(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 390, "height": HEIGHT},
                                  java_script_enabled=False)
    yield context.new_page()
    context.close()


def _first_figure(path: str) -> str | None:
    if path == "/":
        return FIRST_FIGURE["/"]
    return next((s for prefix, s in FIRST_FIGURE.items() if prefix != "/"
                 and path.startswith(prefix)), None)


def test_the_first_screen_holds_the_help_bar_the_heading_and_the_first_figure(
        phone: Page, demo_server_url: str, demo_db: Path, shots: Shots) -> None:
    problems = []
    for path in sample_paths(demo_db):
        for lang in ("en", "fr"):
            phone.goto(demo_server_url + with_lang(path, lang))
            where = f"{path} ({lang})"
            heading = phone.evaluate(BOX, "main h1")
            if heading is None or heading[1] > HEIGHT:
                problems.append(f"{where}: heading at {heading}")
            figure = _first_figure(path)
            found = phone.evaluate(BOX, figure) if figure else None
            if figure and (found is None or found[0] > HEIGHT - 40):
                problems.append(f"{where}: first figure {figure} at {found}")
            if path.startswith("/embed/"):
                continue
            bar = phone.evaluate(BOX, "#shell-help")
            if bar is None or bar[0] != 0 or (lang == "en" and bar[1] > 60):
                problems.append(f"{where}: help bar at {bar}")
            expect(phone.locator("#shell-quick-exit")).to_be_in_viewport()
            if phone.locator(".demo-banner").count():
                expect(phone.locator(".demo-banner .demo-short")).to_be_visible()
                expect(phone.locator(".demo-banner .demo-full")).to_be_hidden()
            expect(phone.locator(".nav-bar")).to_be_hidden()
            menu = phone.evaluate(BOX, ".nav-menu summary")
            title = phone.evaluate(BOX, ".site-title")
            if menu is None or title is None or menu[0] > title[1]:
                problems.append(f"{where}: the menu is not in the header's row")
            name = path.strip("/").split("?")[0].replace("/", "-") or "overview"
            shots.take(phone, f"first-screen-{name}-{lang}", full_page=False)
    assert not problems, "\n".join(problems)
