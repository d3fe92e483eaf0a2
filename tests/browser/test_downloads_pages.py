"""/data and /review/statutory in a real browser, both languages, without console errors.
axe-core checks both pages in both languages, and a filtered /data, with every other page
(test_public.py)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.support.browser import open_page

pytestmark = pytest.mark.browser

CASES = [
    ("/data", "Get the data"),
    ("/data?lang=fr&pillar=support", "Obtenir les données"),
    ("/review/statutory", "Did the strategy deliver? The five-year review"),
    ("/review/statutory?lang=fr",
     "La stratégie a-t-elle tenu ses promesses\u00a0? L’examen quinquennal"),
]


@pytest.mark.parametrize(("path", "heading"), CASES)
def test_page_renders_without_console_errors(page: Page, server_url: str, path: str,
                                             heading: str) -> None:
    errors = open_page(page, server_url + path)
    expect(page.get_by_role("heading", level=1)).to_have_text(heading)
    expect(page.locator("#shell-help a[href='tel:+18339001010']")).to_be_visible()
    assert errors == []


def test_print_hides_navigation_but_keeps_the_help_line(page: Page, server_url: str) -> None:
    open_page(page, server_url + "/review/statutory")
    page.emulate_media(media="print")
    expect(page.locator(".site-nav")).to_be_hidden()
    expect(page.locator(".download").first).to_be_hidden()
    expect(page.locator("#shell-help")).to_be_visible()


def test_the_filter_form_keeps_its_state_in_the_url(page: Page, server_url: str) -> None:
    open_page(page, server_url + "/data")
    page.select_option("#data-filter-pillar", "support")
    page.get_by_role("button", name="Apply").click()
    page.wait_for_url("**/data?**pillar=support**")
    # The result and the downloads list both link the filtered file.
    expect(page.locator("a[href^='/download/observations.csv?pillar=support']").first).to_be_visible()
