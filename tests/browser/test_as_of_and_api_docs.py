"""In a real browser: the indicator page as known on a date, the review beside itself as
shown, and the /data page's API section; no console errors. axe-core checks the page as
known on a date (banner shown), the review's "as shown" section and /data with every other
page (test_public.py)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.support.browser import open_page

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(("lang", "words"), [("en", "As known on August 1, 2025"),
                                             ("fr", "Selon les données connues le 1er août 2025")])
def test_indicator_page_as_known_on_a_date(page: Page, demo_server_url: str, lang: str,
                                           words: str) -> None:
    errors = open_page(page, f"{demo_server_url}/indicator/frontline_workers_trained"
                             f"?as_of=2025-08-01&lang={lang}")
    expect(page.locator("#as-of-banner")).to_contain_text(words)
    # The demonstration build's first load (July 25, 2025) is the only one known then.
    quarters = {q for q in page.locator("[data-quarter]").evaluate_all(
        "nodes => nodes.map(n => n.dataset.quarter)")}
    assert quarters == {"2025-26Q1"}
    page.locator("#as-of-today").click()
    expect(page.locator("#as-of-banner")).to_have_count(0)
    assert "as_of" not in page.url
    assert errors == []


def test_review_lists_what_changed_since_it_was_shown(page: Page, demo_server_url: str) -> None:
    errors = open_page(page, f"{demo_server_url}/review/quarterly?quarter=2025-26Q1")
    section = page.locator(".quarterly-then-and-now")
    expect(section.get_by_role("heading", level=2)).to_have_text(
        "As shown at the review and as known today")
    expect(section.locator("td[data-as-of='2025-07-25']").first).to_be_visible()
    assert errors == []


def test_data_page_api_section(page: Page, server_url: str) -> None:
    errors = open_page(page, f"{server_url}/data")
    section = page.locator("#data-api-section")
    expect(section.get_by_role("heading", level=2)).to_have_text("JSON API")
    expect(section.locator("pre")).to_have_count(3)
    assert errors == []
