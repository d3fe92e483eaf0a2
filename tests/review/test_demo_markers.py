"""A build with ``--demo`` shows no demonstration value anywhere without its marker: every
public page, both briefings (HTML, the PDF's text, the Word file's text), the charts' text
(the review's bar labels, the indicator chart's hover and table) and the downloads, where a
demonstration row says so in its data. A value counts as shown with its marker when the
block it stands in (a table cell, an item, a paragraph, a chart label) carries "[demo]",
"(DEMONSTRATION)" or "demonstration" in the page's language."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import dash
import duckdb
import pytest
from flask.testing import FlaskClient

from dashboard.app import create_app
from pipelines.settings import load_settings
from tests.support.dash_json import render
from tests.support.demo_scan import (
    dash_blocks,
    demo_tokens,
    docx_blocks,
    html_blocks,
    pdf_blocks,
    unmarked,
)

PAGES = ["/", "/pillar/awareness", "/pillar/protection", "/pillar/support",
         "/pillar/accountability", "/indicator/frontline_workers_trained",
         "/indicator/people_served_funded_orgs", "/indicator/care_children_youth_served",
         "/indicator/joint_forces_other_charges", "/indicator/funded_organizations",
         "/deliverables", "/review/quarterly", "/review/quarterly?quarter=2025-26Q2",
         "/review/statutory", "/data", "/about"]
BRIEFINGS = ["/review/statutory/briefing", "/review/quarterly/briefing"]


@pytest.fixture(scope="module")
def client(demo_db: Path) -> FlaskClient:
    app: dash.Dash = create_app(load_settings(db_path=demo_db))
    return app.server.test_client()


@pytest.fixture(scope="module")
def tokens(demo_db: Path) -> set[str]:
    found = demo_tokens(demo_db)
    assert {"429", "14,918", "14\u00a0918"} <= found  # the scan looks for what matters
    return found


def test_the_scan_finds_an_unmarked_value(tokens: set[str]) -> None:
    assert unmarked(["Front-line workers trained: 429 of 1,100"], tokens)
    assert not unmarked(["Front-line workers trained: 429 [demo] of 1,100"], tokens)
    assert not unmarked(["1,429 km", "4290"], tokens)  # a token is a whole number


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("url", PAGES)
def test_every_page_marks_every_demonstration_value(client: FlaskClient, tokens: set[str],
                                                    url: str, lang: str) -> None:
    path, _, query = url.partition("?")
    search = f"?{query}&lang={lang}" if query else f"?lang={lang}"
    assert unmarked(dash_blocks(render(client, path, search)), tokens) == []


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("briefing", BRIEFINGS)
def test_every_briefing_marks_every_demonstration_value(client: FlaskClient, tokens: set[str],
                                                        briefing: str, lang: str) -> None:
    files = {fmt: client.get(f"{briefing}.{fmt}?lang={lang}").data
             for fmt in ("html", "pdf", "docx")}
    html = files["html"].decode("utf-8")
    assert "<svg" in html or "statutory" in briefing
    assert unmarked(html_blocks(html), tokens) == []
    assert unmarked(pdf_blocks(files["pdf"]), tokens) == []
    assert unmarked(docx_blocks(files["docx"]), tokens) == []


def test_the_review_charts_label_demonstration_bars(client: FlaskClient,
                                                    tokens: set[str]) -> None:
    html = client.get("/review/quarterly/briefing.html?lang=fr").get_data(as_text=True)
    labels = [b for b in html_blocks(html) if b and b[0].isdigit() and len(b) < 40]
    assert any("[démo]" in label for label in labels)
    assert unmarked(labels, tokens) == []


def _csv(client: FlaskClient, url: str) -> list[dict[str, str]]:
    response = client.get(url)
    assert response.status_code == 200, url
    return list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))


def test_downloads_say_which_rows_are_demonstration_data(client: FlaskClient,
                                                         demo_db: Path) -> None:
    with duckdb.connect(str(demo_db), read_only=True) as con:
        demo_ids = {r[0] for r in con.execute(
            "SELECT observation_id FROM marts.observations WHERE status = 'demo'").fetchall()}
    rows = _csv(client, "/download/observations.csv?include_demo=true")
    shown = {r["observation_id"]: r["status"] for r in rows}
    assert demo_ids and demo_ids <= set(shown)
    assert {shown[i] for i in demo_ids} == {"demo"}
    api = client.get("/api/v1/observations?include_demo=true&limit=5000").get_json()
    records = [r if isinstance(r, dict) else dict(zip(api["fields"], r, strict=True))
               for r in api["rows"]]
    assert {r["status"] for r in records if r["observation_id"] in demo_ids} == {"demo"}
    rates = _csv(client, "/review/statutory/per-year-rates.csv")
    assert {r["demo"] for r in rates if r["latest_status"] == "demo"} == {"true"}
    revisions = _csv(client, "/review/quarterly/revisions.csv?quarter=2025-26Q2")
    assert revisions and {r["demo"] for r in revisions} == {"true"}
