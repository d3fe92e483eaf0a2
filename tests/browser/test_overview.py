"""The overview in a real browser, in both languages."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.support.browser import Shots, open_page

pytestmark = pytest.mark.browser

# axe-core checks the overview in both languages with every other page (test_public.py).
CASES = [
    (
        "en",
        "/",
        "How is Ontario’s anti-human trafficking strategy doing?",
        "29,000+",
        "In danger? Call",
    ),
    (
        "fr",
        "/?lang=fr",
        "Où en est la stratégie ontarienne de lutte contre la traite des personnes\u00a0?",
        "plus de 29\u00a0000",
        "En danger\u00a0? Composez le",
    ),
]


@pytest.mark.parametrize(("lang", "path", "heading", "figure", "help_text"), CASES)
def test_overview_renders(
    page: Page,
    server_url: str,
    shots: Shots,
    lang: str,
    path: str,
    heading: str,
    figure: str,
    help_text: str,
) -> None:
    errors = open_page(page, server_url + path)
    assert page.locator("html").get_attribute("lang") == lang
    expect(page.get_by_role("heading", level=1)).to_have_text(heading)
    expect(page.get_by_text(figure, exact=True).first).to_be_visible()
    expect(page.locator("#shell-help")).to_contain_text(help_text)
    expect(page.locator("#shell-help a[href='tel:+18339001010']")).to_be_visible()
    shots.take(page, f"overview-{lang}")
    # Narrowed in place, as a window is: the layout must follow without a console error.
    page.set_viewport_size({"width": 360, "height": 800})
    page.wait_for_timeout(500)
    shots.take(page, f"overview-{lang}-360")
    assert errors == []


def test_language_toggle_updates_html_lang_without_reload(page: Page, server_url: str) -> None:
    open_page(page, server_url + "/")
    page.locator("#shell-language-toggle").click()
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Où en est")
    expect(page).to_have_title(
        "Aperçu – Suivi de la stratégie ontarienne de lutte contre la traite des personnes"
    )


def _focus_outline_px(page: Page) -> float:
    width = page.evaluate("getComputedStyle(document.activeElement).outlineWidth")
    return float(str(width).removesuffix("px") or 0)


def test_keyboard_reaches_skip_link_toggle_and_nav(page: Page, server_url: str) -> None:
    open_page(page, server_url + "/")
    wanted = {"skip": False, "toggle": False}
    # The links on screen: a phone's Menu holds the same ones, hidden at this width.
    nav_hrefs = set(page.locator("nav a:visible").evaluate_all("els => els.map(e => e.href)"))
    reached: set[str] = set()
    for _ in range(40):
        page.keyboard.press("Tab")
        info = page.evaluate(
            "(() => { const e = document.activeElement;"
            " return {cls: e.className || '', id: e.id || '', href: e.href || '',"
            " nav: !!e.closest('nav')}; })()"
        )
        assert _focus_outline_px(page) >= 3, info
        wanted["skip"] |= "skip-link" in info["cls"]
        wanted["toggle"] |= info["id"] == "shell-language-toggle"
        if info["nav"]:
            reached.add(info["href"])
    assert wanted == {"skip": True, "toggle": True}
    assert nav_hrefs and nav_hrefs <= reached


def test_skip_link_moves_focus_to_main(page: Page, server_url: str) -> None:
    open_page(page, server_url + "/")
    page.keyboard.press("Tab")
    expect(page.locator(".skip-link")).to_be_focused()
    expect(page.locator(".skip-link")).to_be_visible()
    page.keyboard.press("Enter")
    expect(page.locator("main#main")).to_be_in_viewport()
