"""The quarterly review answers "what needs our attention this quarter?" first: a summary
whose counts are marts.progress's, whose lines link to sections that exist, the same on the
page and in the briefing; before any submission the page still shows what is known."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import dash
import duckdb
import pytest
from flask.testing import FlaskClient

from dashboard.app import create_app
from pipelines.settings import load_settings
from tests.support.builds import copy_of
from tests.support.dash_json import props_of, render, text_of
from tests.support.reviews import QUARTER, with_recorded_changes


def _client(db: Path) -> FlaskClient:
    app: dash.Dash = create_app(load_settings(db_path=db))
    return app.server.test_client()


@pytest.fixture(scope="module")
def changed_db(demo_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demonstration build plus two deliverable records in the reviewed quarter, and one
    indicator whose stored status changed (as the build would store it)."""
    return with_recorded_changes(copy_of(demo_db, tmp_path_factory.mktemp("changed")),
                                 QUARTER)


def _stored_counts(db: Path, quarter: str) -> dict[str, int]:
    with duckdb.connect(str(db), read_only=True) as con:
        return dict(con.execute("SELECT status, count(*) FROM marts.progress "
                                "WHERE as_of_quarter = $q GROUP BY status", {"q": quarter})
                    .fetchall())


def _stored_groups(db: Path, quarter: str) -> dict[str, int]:
    """The glance's groups as the build stored them: "not assessed" split by its reason."""
    groups = {"no_target": "no_target", "not_applicable": "reported_activity"}
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute("SELECT status, status_reason FROM marts.progress "
                           "WHERE as_of_quarter = $q", {"q": quarter}).fetchall()
    counts: dict[str, int] = {}
    for status, reason in rows:
        key = status if status != "not_assessed" else groups.get(reason, "awaiting_data")
        counts[key] = counts.get(key, 0) + 1
    return counts


def _page_counts(payload: dict[str, Any]) -> dict[str, int]:
    """Indicators per marts.progress status, summed over the glance's groups."""
    counts: dict[str, int] = {}
    for p in props_of(payload):
        if "data-count" in p and int(p["data-count"]):
            counts[p["data-status"]] = counts.get(p["data-status"], 0) + int(p["data-count"])
    return counts


def _page_groups(payload: dict[str, Any]) -> dict[str, int]:
    return {p["data-group"]: int(p["data-count"]) for p in props_of(payload)
            if "data-count" in p and int(p["data-count"])}


def _hrefs_and_ids(payload: dict[str, Any]) -> tuple[set[str], set[str]]:
    props = list(props_of(payload))
    anchors = {str(p["href"])[1:] for p in props if str(p.get("href", "")).startswith("#")}
    return anchors, {str(p["id"]) for p in props if isinstance(p.get("id"), str)}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_summary_counts_are_the_stored_statuses(demo_db: Path, lang: str) -> None:
    payload = render(_client(demo_db), "/review/quarterly", f"?quarter={QUARTER}&lang={lang}")
    assert _page_counts(payload) == _stored_counts(demo_db, QUARTER)
    # Not assessed is never one lump: awaiting data, no numeric target and reported activity
    # (never judged) are counted apart, each as the build decided.
    assert _page_groups(payload) == _stored_groups(demo_db, QUARTER)
    assert {"no_target", "reported_activity"} <= set(_page_groups(payload))


def test_each_count_links_to_every_one_of_its_rows(demo_db: Path) -> None:
    payload = render(_client(demo_db), "/review/quarterly", f"?quarter={QUARTER}")
    with duckdb.connect(str(demo_db), read_only=True) as con:
        neutral = {r[0] for r in con.execute(
            "SELECT indicator_id FROM marts.progress WHERE as_of_quarter = $q "
            "AND status_reason = 'not_applicable'", {"q": QUARTER}).fetchall()}
    group = next(p for p in props_of(payload) if p.get("data-group") == "reported_activity")
    links = {str(p["href"])[len("#quarterly-row-"):] for p in props_of(group)
             if str(p.get("href", "")).startswith("#quarterly-row-")}
    assert links == neutral and len(links) == int(group["data-count"])


def test_every_summary_line_links_to_a_section_that_exists(changed_db: Path) -> None:
    payload = render(_client(changed_db), "/review/quarterly", f"?quarter={QUARTER}")
    anchors, ids = _hrefs_and_ids(payload)
    assert {"quarterly-row-frontline_workers_trained", "quarterly-deliverables-awareness-a1",
            "quarterly-deliverables-support-a3", "quarterly-missing"} <= anchors
    assert anchors <= ids, anchors - ids
    text = text_of(payload)
    assert "“Needs acceleration” → “On track [demo]”" in text
    assert "Second cohort started" in text and "At risk" in text


def test_the_briefing_has_the_same_summary_and_anchors(changed_db: Path) -> None:
    body = _client(changed_db).get(f"/review/quarterly/briefing.html?quarter={QUARTER}&lang=fr")
    parser = _Anchors()
    parser.feed(body.get_data(as_text=True))
    assert parser.hrefs and parser.hrefs <= parser.ids, parser.hrefs - parser.ids
    counts = {s: int(n) for s, n in parser.counts.items() if int(n)}
    assert counts == _stored_counts(changed_db, QUARTER)
    assert body.get_data(as_text=True).index("Ce trimestre en bref") < \
        body.get_data(as_text=True).index("Sensibiliser")


class _Anchors(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: set[str] = set()
        self.ids: set[str] = set()
        self.counts: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if str(found.get("href", "")).startswith("#"):
            self.hrefs.add(str(found["href"])[1:])
        if found.get("id"):
            self.ids.add(str(found["id"]))
        if "data-count" in found:
            status = str(found["data-status"])
            self.counts[status] = str(int(self.counts.get(status, "0"))
                                      + int(str(found["data-count"])))


@pytest.mark.parametrize(("lang", "words"), [
    ("en", "no comparison: 2024-25Q1 is before the strategy began (April 1, 2025)"),
    ("fr", "aucune comparaison\u00a0: 2024-25\u00a0T1 précède le début de la stratégie "
           "(1er avril 2025)"),
])
def test_a_comparison_before_the_strategy_says_so(demo_db: Path, lang: str, words: str) -> None:
    payload = render(_client(demo_db), "/review/quarterly", f"?quarter=2025-26Q1&lang={lang}")
    assert words in text_of(payload)
    briefing = _client(demo_db).get(f"/review/quarterly/briefing.html?quarter=2025-26Q1"
                                    f"&lang={lang}").get_data(as_text=True)
    assert words in briefing


@pytest.mark.parametrize(("lang", "sentence", "period"), [
    ("en", "No quarterly submission has arrived yet.", "2021-22 to 2023-24"),
    ("fr", "Aucune soumission trimestrielle n’est encore arrivée.", "2021-2022 à 2023-2024"),
])
def test_without_submissions_the_page_shows_what_is_known(dashboard_db: Path, lang: str,
                                                          sentence: str, period: str) -> None:
    client = _client(dashboard_db)
    payload = render(client, "/review/quarterly", f"?lang={lang}")
    text = text_of(payload)
    assert sentence in text
    assert period in text  # the published figure of the people served, with its period
    assert ("29,000+" if lang == "en" else "plus de 29\u00a0000") in text
    assert "Raise awareness" in text or "Sensibiliser au problème" in text  # deliverables
    hrefs = {str(p["href"]) for p in props_of(payload) if "href" in p}
    assert {"/submissions/template.csv", "/submissions/template.xlsx"} <= hrefs
    for href in ("/submissions/template.csv", "/submissions/template.xlsx"):
        response = client.get(href)
        assert response.status_code == 200
        assert response.headers["Content-Disposition"].startswith("attachment;")
    assert client.get("/submissions/template.csv").data.startswith(b"indicator_id,quarter")
    deliverables = client.get("/submissions/template-deliverables.csv")
    assert deliverables.headers["Content-Disposition"].startswith("attachment;")
    assert deliverables.data.startswith(b"milestone_id,status,as_of")


@pytest.mark.parametrize("path", ["/submissions/template.pdf", "/submissions/template.csv?x=1",
                                  "/submissions/../build/strategy.duckdb",
                                  "/submissions/template-deliverables.csv?x=1",
                                  "/submissions/example-deliverables-2025-26Q1.csv"])
def test_the_template_route_serves_only_the_two_templates(dashboard_db: Path,
                                                          path: str) -> None:
    assert _client(dashboard_db).get(path).status_code in (400, 404)
