"""The French briefings follow French typography like the French pages: a space (non-breaking)
before a colon, a semicolon, a question or exclamation mark, so a line written in code reads
as the catalogue's line does."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask.testing import FlaskClient

from dashboard.app import create_app
from pipelines.settings import load_settings
from tests.support.demo_scan import html_blocks

# A word, then a colon or another high mark with no space before it ("sexuelles: 429").
GLUED = re.compile(r"\w[:;!?](?=\s)")


@pytest.fixture(scope="module")
def client(demo_db: Path) -> Iterator[FlaskClient]:
    yield create_app(load_settings(env={}, db_path=demo_db)).server.test_client()


@pytest.mark.parametrize("review", ["statutory", "quarterly"])
def test_the_french_briefing_spaces_its_high_punctuation(client: FlaskClient,
                                                         review: str) -> None:
    html = client.get(f"/review/{review}/briefing.html?lang=fr").get_data(as_text=True)
    glued = [block for block in html_blocks(html) if GLUED.search(block)]
    assert glued == []
