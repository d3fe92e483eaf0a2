"""The embed fits its frame: another site (another loopback port) pastes the snippet the
indicator page offers, and at 320, 600 and 1,000 px the frame is exactly as tall as the
embedded page, which itself fits the width (nothing clipped, nothing scrolled)."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, expect

from tests.support.browser import Shots
from tests.support.html_first import first_response
from tests.support.server import static_page

pytestmark = pytest.mark.browser

INDICATOR = "frontline_workers_trained"
SNIPPET = re.compile(r'<pre[^>]*class="embed-snippet"[^>]*><code>(.*?)</code></pre>', re.S)
HEIGHTS = """() => { const frame = document.querySelector('iframe[data-tracker-embed]');
  return frame.getBoundingClientRect().height; }"""


@pytest.fixture(scope="module")
def host_page(demo_server_url: str) -> Iterator[str]:
    """Another site's page holding the snippet, exactly as offered on the indicator page."""
    page = first_response(f"{demo_server_url}/indicator/{INDICATOR}?lang=fr")
    snippet = html.unescape(SNIPPET.search(page).group(1))  # type: ignore[union-attr]
    body = ("<!doctype html><html lang=fr><title>Un autre site</title><body style='margin:0'>"
            f"<h1>Un autre site</h1>{snippet}<p>Après</p></body></html>").encode()

    with static_page(body) as url:
        yield url


@pytest.mark.parametrize("width", [320, 600, 1000])
def test_the_offered_snippet_sizes_the_frame_to_its_content(browser: Browser, host_page: str,
                                                            width: int, shots: Shots) -> None:
    context = browser.new_context(viewport={"width": width, "height": 700})
    page = context.new_page()
    page.goto(host_page)
    frame = page.frame_locator("iframe[data-tracker-embed]")
    expect(frame.locator("main h1")).to_be_visible()
    embedded = next(f for f in page.frames if "/embed/indicator/" in f.url)
    content = "() => Math.ceil(document.body.getBoundingClientRect().height)"
    # The frame follows the content's height once the embed has told it (and again whenever
    # the content's height changes, e.g. once its fonts are in).
    for _ in range(100):
        frame_height, content_height = page.evaluate(HEIGHTS), embedded.evaluate(content)
        if abs(frame_height - content_height) <= 1:
            break
        page.wait_for_timeout(100)
    assert abs(frame_height - content_height) <= 1, (frame_height, content_height)
    assert embedded.evaluate("document.documentElement.scrollHeight") <= frame_height + 1
    assert embedded.evaluate("document.documentElement.scrollWidth") <= width
    shots.take(page, f"embed-framed-{width}")
    context.close()
