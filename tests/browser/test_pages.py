"""The pillar, deliverables and about pages in a real browser, in both languages."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.support.browser import Shots, open_page

pytestmark = pytest.mark.browser
# axe-core checks each page once per language with every other page (test_public.py), and
# the states a first visit does not show (a filtered list, the accountability pillar) there.

# (screenshot name, path, h1, an h2 that must be there)
CASES = [
    ("pillar-awareness-en", "/pillar/awareness", "Raise awareness", "Indicators"),
    ("pillar-awareness-fr", "/pillar/awareness?lang=fr", "Sensibiliser au problème", "Indicateurs"),
    (
        "pillar-protection-en",
        "/pillar/protection",
        "Protect victims and intervene early",
        "Indicators",
    ),
    (
        "pillar-protection-fr",
        "/pillar/protection?lang=fr",
        "Protéger les victimes et intervenir de façon précoce",
        "Indicateurs",
    ),
    (
        "pillar-support-en",
        "/pillar/support",
        "Support survivors",
        "Planned activities and improvements",
    ),
    (
        "pillar-support-fr",
        "/pillar/support?lang=fr",
        "Soutenir les survivantes et les survivants",
        "Activités et améliorations prévues",
    ),
    (
        "pillar-accountability-en",
        "/pillar/accountability",
        "Hold offenders accountable",
        "More reported cases can mean the strategy is working",
    ),
    (
        "pillar-accountability-fr",
        "/pillar/accountability?lang=fr",
        "Tenir les contrevenants responsables",
        "Une hausse des cas signalés peut signifier que la stratégie fonctionne",
    ),
    (
        "deliverables-en",
        "/deliverables?pillar=support&status=not_reported",
        "What the strategy promised, and what has been reported",
        "Commitments by status",
    ),
    (
        "deliverables-fr",
        "/deliverables?pillar=awareness&lang=fr",
        "Ce que la stratégie a promis, et ce qui a été déclaré",
        "Engagements par statut",
    ),
    ("about-en", "/about", "About the data and the method", "Worked example (hypothetical)"),
    (
        "about-fr",
        "/about?lang=fr",
        "À propos des données et de la méthode",
        "Exemple détaillé (hypothétique)",
    ),
]


@pytest.mark.parametrize(("name", "path", "h1", "h2"), CASES, ids=[c[0] for c in CASES])
def test_page_renders_without_errors(
    page: Page, server_url: str, shots: Shots, name: str, path: str, h1: str, h2: str
) -> None:
    errors = open_page(page, server_url + path)
    lang = "fr" if "lang=fr" in path else "en"
    assert page.locator("html").get_attribute("lang") == lang
    expect(page.get_by_role("heading", level=1)).to_have_text(h1)
    expect(page.get_by_role("heading", level=2, name=h2, exact=True)).to_be_visible()
    expect(page.locator("#shell-help a[href='tel:+18339001010']")).to_be_visible()
    shots.take(page, name)
    # Narrowed in place, as a window is: the layout must follow without a console error.
    page.set_viewport_size({"width": 360, "height": 800})
    page.wait_for_timeout(300)
    shots.take(page, f"{name}-360")
    assert errors == []


def test_unknown_pillar_page_offers_the_four_pillars(page: Page, server_url: str) -> None:
    response = page.goto(server_url + "/pillar/nope?lang=fr")
    assert response is not None and response.status == 404
    page.wait_for_selector("main#main h1")
    expect(
        page.get_by_role("link", name="Soutenir les survivantes et les survivants")
    ).to_be_visible()


def _focused(page: Page) -> dict[str, str]:
    return page.evaluate(
        "(() => { const e = document.activeElement;"
        " return {id: e.id || '', href: e.href || '', outline: getComputedStyle(e).outlineWidth};"
        " })()"
    )


def test_keyboard_reaches_and_uses_the_deliverables_filters(page: Page, server_url: str) -> None:
    open_page(page, server_url + "/deliverables")
    for _ in range(60):
        page.keyboard.press("Tab")
        info = _focused(page)
        if info["id"] == "deliverables-status-not_reported":
            break
    else:
        pytest.fail("Tab never reached the status filter")
    assert float(info["outline"].removesuffix("px") or 0) >= 3
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{server_url}/deliverables?status=not_reported&lang=en")
    expect(page.locator("#deliverables-status-not_reported")).to_have_class("chip chip-selected")
    # Reloading restores the same view from the URL.
    page.reload()
    page.wait_for_selector("main#main h1")
    expect(page.locator("#deliverables-status-not_reported")).to_have_class("chip chip-selected")
    expect(page.locator("#deliverables-pillar-all")).to_have_class("chip chip-selected")
