"""HTML first, in real Chromium: every public page of the registry (one id each, both
languages) shows in its first response exactly the figures it shows once Dash has taken it
over, and the takeover is unseen: no frame without the page, no "Loading…", no layout shift,
nothing moved, the same markup."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from tests.support.first_response import read_page
from tests.support.html_first import first_response, sample_paths, with_lang

pytestmark = pytest.mark.browser

LANGS = ("en", "fr")
# Installed before any page script: every animation frame records whether a page heading is
# on screen (outside the hidden copy Dash draws into) and whether "Loading" is; every layout
# shift is summed.
WATCH = """
window.__frames = []; window.__shift = 0;
new PerformanceObserver((list) => { for (const e of list.getEntries()) {
  if (!e.hadRecentInput) window.__shift += e.value; } })
  .observe({type: 'layout-shift', buffered: true});
(function frame() {
  const shown = (e) => e.getClientRects().length && !e.closest('.dash-pending')
    && getComputedStyle(e).visibility !== 'hidden';
  const h1 = Array.from(document.querySelectorAll('main h1')).filter(shown).length;
  const loading = Array.from(document.querySelectorAll('._dash-loading')).filter(shown).length;
  window.__frames.push([h1, loading]);
  requestAnimationFrame(frame);
})();
"""
# Where every block of the page is, in document coordinates, outside charts.
BOXES = """(root) => Array.from(root.querySelectorAll(
    'h1, h2, h3, p, li, dt, dd, th, td, figure, section, nav, header, footer, form, label,'
    + ' select, button, [data-indicator-id]'))
  .filter(e => !e.closest('.dash-graph'))
  .map(e => { const r = e.getBoundingClientRect();
    return [e.tagName, Math.round(r.left), Math.round(r.top + scrollY), Math.round(r.width),
            Math.round(r.height)]; })"""
MARKS = """(root) => Array.from(root.querySelectorAll('[data-indicator-id][data-status]'))
  .map(e => [e.dataset.indicatorId, e.dataset.status, e.dataset.quarter ?? null,
             e.dataset.value ?? null])"""


@pytest.fixture()
def watched(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.add_init_script(WATCH)
    yield tab
    context.close()


# Every page in both languages, in shards that the parallel run spreads over its workers.
SHARDS = 4


@pytest.mark.parametrize("shard", range(SHARDS))
@pytest.mark.parametrize("lang", LANGS)
def test_every_page_is_the_same_before_and_after_dash_takes_it_over(
        watched: Page, demo_server_url: str, demo_db: Path, lang: str, shard: int) -> None:
    page = watched
    problems: list[str] = []
    for path in sample_paths(demo_db)[shard::SHARDS]:
        url = f"{demo_server_url}{with_lang(path, lang)}"
        plain = read_page(first_response(url))
        page.goto(url, wait_until="networkidle")
        before = page.evaluate(BOXES, page.query_selector("#tracker-page"))
        page.evaluate("() => window.trackerTakeover()")
        page.wait_for_selector("html.dash-live", state="attached", timeout=60_000)
        page.wait_for_timeout(200)
        dash = page.query_selector("#react-entry-point")
        after = page.evaluate(BOXES, dash)
        marks = [tuple(m) for m in page.evaluate(MARKS, dash)]
        frames = page.evaluate("window.__frames")
        painted = frames[next(i for i, f in enumerate(frames) if f[0]):]
        shift = page.evaluate("window.__shift")
        charts = page.locator("#react-entry-point .dash-graph").count()
        where = f"{path} ({lang})"
        if marks != plain.marks:
            problems.append(f"{where}: first response {plain.marks} != after {marks}")
        if charts != plain.chart_svgs:
            problems.append(f"{where}: {charts} charts after, {plain.chart_svgs} SVG before")
        if any(f[0] == 0 or f[1] for f in painted):
            problems.append(f"{where}: a frame without the page, or with Loading")
        if shift > 0:
            problems.append(f"{where}: layout shift {shift}")
        moved = [(a, b) for a, b in zip(before, after, strict=False)
                 if any(abs(x - y) > 1 for x, y in zip(a[1:], b[1:], strict=True))]
        if len(before) != len(after) or moved:
            problems.append(f"{where}: {len(moved)} blocks moved, first {moved[:2]}")
    assert not problems, "\n".join(problems)


def test_dash_draws_the_very_markup_of_the_first_response(watched: Page,
                                                           demo_server_url: str,
                                                           demo_db: Path) -> None:
    """Tag, attributes and text of every element, outside charts (drawn by plotly.js after
    the takeover); ``data-live`` marks the first response's controls for the takeover."""
    shape = """(root) => { const out = [];
      const walk = (e) => {
        const attrs = Array.from(e.attributes)
          .filter(a => !['data-live', 'selected', 'style'].includes(a.name))
          .map(a => a.name + '=' + a.value).sort().join(' ');
        const style = (e.getAttribute('style') || '').replace(/\\s|;$/g, '');
        const text = Array.from(e.childNodes).filter(n => n.nodeType === 3)
          .map(n => n.textContent).join('');
        out.push(e.tagName + ' ' + attrs + ' ' + style + ' |' + text);
        if (!e.classList.contains('dash-graph')) { for (const c of e.children) walk(c); }
      };
      walk(root.firstElementChild); return out; }"""
    page = watched
    for path in sample_paths(demo_db):
        page.goto(f"{demo_server_url}{with_lang(path, 'fr')}", wait_until="networkidle")
        first = page.evaluate(shape, page.query_selector("#tracker-page"))
        page.evaluate("() => window.trackerTakeover()")
        page.wait_for_selector("html.dash-live", state="attached", timeout=60_000)
        drawn = page.evaluate(shape, page.query_selector("#react-entry-point"))
        assert drawn == first, path


def test_a_reader_reaching_for_a_chart_hands_the_page_to_dash(watched: Page,
                                                               demo_server_url: str) -> None:
    page = watched
    page.goto(f"{demo_server_url}/indicator/frontline_workers_trained?lang=en",
              wait_until="networkidle")
    # Nothing of Dash has loaded: the page is its first response.
    assert page.evaluate("() => typeof window.DashRenderer") == "undefined"
    assert page.locator("#tracker-page .chart-svg-plot").count() == 1
    page.locator("#tracker-page .dash-graph").hover()
    page.wait_for_selector("html.dash-live", state="attached", timeout=60_000)
    assert page.locator("#tracker-page").count() == 0
    assert page.locator(".dash-graph .main-svg").count() >= 1
    assert page.evaluate("window.__shift") == 0
    # Dash's own navigation works from the page it took over.
    page.locator(".nav-bar a", has_text="Deliverables").click()
    page.wait_for_url("**/deliverables?lang=en")
    expected = read_page(first_response(f"{demo_server_url}/deliverables?lang=en")).h1
    page.wait_for_function("() => document.querySelector('main h1')")
    assert [page.locator("main h1").inner_text()] == expected


def test_a_page_without_charts_or_controls_never_loads_dash(watched: Page,
                                                              demo_server_url: str) -> None:
    page = watched
    loaded: list[str] = []
    page.on("request", lambda r: loaded.append(r.url) if r.resource_type == "script" else None)
    page.goto(f"{demo_server_url}/about?lang=fr", wait_until="networkidle")
    page.mouse.move(300, 400)
    page.keyboard.press("Tab")
    page.wait_for_timeout(500)
    assert [u for u in loaded if "_dash-component-suites" in u] == []
