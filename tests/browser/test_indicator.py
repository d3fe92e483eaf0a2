"""Indicator pages in a real browser, in both languages: headings, chart figure, table,
no console errors, axe-core clean, keyboard reaches every control; and the 404."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.support.browser import Shots, open_page

pytestmark = pytest.mark.browser
# axe-core checks the indicator page once per language, and the context indicator
# (ca_ht_incidents) and a reported-activity one too, with every other page (test_public.py).

CASES = [
    ("frontline_workers_trained", "en", "Are we on track?", "Not assessed yet"),
    ("frontline_workers_trained", "fr", "Sommes-nous en bonne voie\u00a0?", "Pas encore évalué"),
    ("joint_forces_investigations", "en", "Are we on track?", "Reported activity"),
    ("joint_forces_investigations", "fr", "Sommes-nous en bonne voie\u00a0?", "Activité signalée"),
    ("ca_ht_incidents", "en", "Are we on track?", "Reported activity"),
    ("ca_ht_incidents", "fr", "Sommes-nous en bonne voie\u00a0?", "Activité signalée"),
]


@pytest.mark.parametrize(("indicator", "lang", "status_heading", "status"), CASES)
def test_indicator_page_renders(
    page: Page,
    server_url: str,
    shots: Shots,
    indicator: str,
    lang: str,
    status_heading: str,
    status: str,
) -> None:
    errors = open_page(page, f"{server_url}/indicator/{indicator}?lang={lang}")
    assert page.locator("html").get_attribute("lang") == lang
    expect(page.get_by_role("heading", level=2, name=status_heading)).to_be_visible()
    expect(page.locator(".status-badge")).to_contain_text(status)
    figure = page.locator("figure.chart")
    expect(figure).to_have_count(1)
    expect(figure.locator("figcaption a[href='#indicator-table']")).to_be_visible()
    # Drawn on the server in the first response (plotly.js draws it once Dash takes over).
    expect(figure.locator(".chart-svg-plot").first).to_be_visible()
    if indicator != "frontline_workers_trained":
        expect(page.locator("#indicator-table caption")).to_be_visible()
        expect(page.locator("#indicator-table th[scope=col]").first).to_be_visible()
    shots.take(page, f"indicator-{indicator}-{lang}")
    # Narrowed in place, as a window is: the chart must follow without a console error.
    page.set_viewport_size({"width": 360, "height": 800})
    page.wait_for_timeout(500)
    shots.take(page, f"indicator-{indicator}-{lang}-360")
    assert errors == []


def test_two_editions_appear_in_the_legend(page: Page, server_url: str) -> None:
    open_page(page, f"{server_url}/indicator/ca_ht_incidents?geography=canada&lang=fr")
    legend = page.locator(".chart-legend")
    expect(legend).to_contain_text("Juristat, données de 2022")
    expect(legend).to_contain_text("Juristat, données de 2023")


def test_keyboard_reaches_every_control(page: Page, server_url: str) -> None:
    open_page(page, f"{server_url}/indicator/ca_ht_incidents?lang=en")
    wanted = set(
        page.locator("main a, main summary, main [tabindex='0']").evaluate_all(
            "els => els.map(e => e.outerHTML.slice(0, 120))"
        )
    )
    reached: set[str] = set()
    for _ in range(80):
        page.keyboard.press("Tab")
        reached.add(page.evaluate("document.activeElement.outerHTML.slice(0, 120)"))
    assert wanted <= reached


def test_unknown_indicator_is_a_helpful_404(page: Page, server_url: str) -> None:
    for lang, heading in [
        ("en", "We could not find that page"),
        ("fr", "Nous n’avons pas trouvé cette page"),
    ]:
        response = page.goto(f"{server_url}/indicator/nope?lang={lang}")
        assert response is not None and response.status == 404
        expect(page.get_by_role("heading", level=1)).to_have_text(heading)
        expect(page.locator("main a")).to_have_attribute("href", f"/?lang={lang}")
