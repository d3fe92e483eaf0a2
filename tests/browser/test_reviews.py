"""Both reviews and the chart images in a real browser: the quarterly summary on the first
screen with marts.progress's counts and working links, the page without submissions, the
statutory verdict with honest French ticks, and chart images that carry their words. axe-core
checks these pages (the quarterly review with its changes, the deliverables with their
records) with every other page (test_public.py)."""

from __future__ import annotations

import re
import struct
from pathlib import Path

import duckdb
import pytest
from playwright.sync_api import Page, expect

from pipelines.vocabulary import CORE_INDICATORS
from tests.support.browser import Shots, open_page
from tests.support.reviews import QUARTER

pytestmark = pytest.mark.browser

@pytest.fixture()
def small(page: Page) -> Page:
    page.set_viewport_size({"width": 1280, "height": 800})
    return page


def _stored(db: Path) -> dict[str, int]:
    with duckdb.connect(str(db), read_only=True) as con:
        return dict(con.execute("SELECT status, count(*) FROM marts.progress "
                                "WHERE as_of_quarter = $q GROUP BY status", {"q": QUARTER})
                    .fetchall())


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_summary_is_on_the_first_screen_with_the_stored_counts(
        small: Page, review_url: str, review_db: Path, lang: str, shots: Shots) -> None:
    errors = open_page(small, f"{review_url}/review/quarterly?quarter={QUARTER}&lang={lang}")
    box = small.locator("#quarterly-summary").bounding_box()
    assert box is not None and box["y"] + box["height"] <= 800, box
    counts = small.eval_on_selector_all(
        "#quarterly-summary [data-count]",
        "items => items.map(i => [i.dataset.status, Number(i.dataset.count)])")
    summed: dict[str, int] = {}
    for status, n in counts:  # "not assessed" is split into three groups in the glance
        summed[status] = summed.get(status, 0) + n
    assert {s: n for s, n in summed.items() if n} == _stored(review_db)
    targets = small.eval_on_selector_all("#quarterly-summary a[href^='#']",
                                         "links => links.map(a => a.hash.slice(1))")
    assert "quarterly-row-frontline_workers_trained" in targets
    assert all(small.locator(f"[id='{t}']").count() == 1 for t in targets), targets
    shots.take(small, f"review-quarterly-{lang}", full_page=False)
    shots.take(small, f"review-quarterly-{lang}-full")
    assert errors == []


def test_a_summary_link_scrolls_to_its_row(small: Page, review_url: str) -> None:
    open_page(small, f"{review_url}/review/quarterly?quarter={QUARTER}")
    row = "quarterly-row-frontline_workers_trained"
    small.locator(f"#quarterly-summary dd a[href='#{row}']").click()
    expect(small.locator("#quarterly-row-frontline_workers_trained")).to_be_in_viewport()


def test_without_submissions_the_page_shows_what_is_known(small: Page, server_url: str,
                                                          tmp_path: Path) -> None:
    errors = open_page(small, f"{server_url}/review/quarterly")
    expect(small.locator("#quarterly-message")).to_contain_text(
        "No quarterly submission has arrived yet")
    expect(small.locator("#quarterly-published")).to_be_visible()
    expect(small.get_by_text("2021-22 to 2023-24").first).to_be_visible()
    with small.expect_download() as info:
        small.locator("#quarterly-template-csv").click()
    saved = tmp_path / info.value.suggested_filename
    info.value.save_as(saved)
    assert saved.read_text(encoding="utf-8").startswith("indicator_id,quarter")
    assert errors == []


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_statutory_verdict_and_its_honest_chart(small: Page, review_url: str, lang: str,
                                                    shots: Shots) -> None:
    errors = open_page(small, f"{review_url}/review/statutory?lang={lang}")
    rows = small.eval_on_selector_all("[id^='statutory-row-']",
                                      "rows => rows.map(r => r.id.slice(14))")
    assert set(rows) == set(CORE_INDICATORS)
    expect(small.locator("#statutory-row-frontline_workers_trained")).to_contain_text(
        "1,100" if lang == "en" else "1\u00a0100")
    chart = small.locator("#statutory-chart-ca_ht_rate")
    chart.scroll_into_view_if_needed()
    chart.hover()  # plotly.js draws it once Dash takes the page over (HTML first)
    chart.locator(".ytick text").first.wait_for()
    ticks = chart.locator(".ytick text").all_text_contents()
    assert ticks[0] == "0"
    decimals = [tick for tick in ticks if re.search(r"\d[.,]\d", tick)]
    assert decimals and all(("," in d) == (lang == "fr") for d in decimals), ticks
    sizes = chart.locator(".ytick text, .xtick text, .legendtext").evaluate_all(
        "nodes => nodes.map(n => parseFloat(getComputedStyle(n).fontSize))")
    assert sizes and min(sizes) >= 12
    shots.take(small, f"review-statutory-{lang}", full_page=False)
    shots.take(small, f"review-statutory-{lang}-full")
    assert errors == []


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return int(width), int(height)


@pytest.mark.parametrize(("lang", "words"), [
    ("en", ["Front-line workers trained on sexually exploited youth", "Source:",
            "Data built on"]),
    ("fr", ["Travailleurs de première ligne formés", "Source\u00a0:", "Données construites le"]),
])
def test_a_chart_downloads_as_an_image_that_carries_its_words(
        small: Page, review_url: str, lang: str, words: list[str], tmp_path: Path,
        shots: Shots) -> None:
    errors = open_page(small, f"{review_url}/indicator/frontline_workers_trained?lang={lang}")
    files = {}
    for fmt in ("png", "svg"):
        with small.expect_download() as info:
            small.locator(f"button[data-filename$='.{fmt}']").click()
        saved = tmp_path / info.value.suggested_filename
        info.value.save_as(saved)
        files[fmt] = saved
    assert files["png"].name == f"frontline_workers_trained-{lang}.png"
    assert files["svg"].name == f"frontline_workers_trained-{lang}.svg"
    assert _png_size(files["png"].read_bytes()) == (2400, 1440)
    svg = files["svg"].read_text(encoding="utf-8")
    for word in words:
        assert word in svg, word
    meta = small.evaluate("document.querySelector('#indicator-chart .js-plotly-plot')"
                          ".layout.meta.export")
    exported = meta["layout"]["title"]["text"] + meta["layout"]["annotations"][0]["text"]
    assert all(word in exported for word in words)
    shots.keep(files["png"])
    assert errors == []
