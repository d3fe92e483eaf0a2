"""Reviews a minister can sign: every pillar shows its verdict from ``marts.pillar_verdicts``
(with ``data-pillar-id``/``data-verdict``) on the page, the briefing, its PDF and its Word
file, in both languages, on the demonstration build and on the build of published figures;
figures of different period lengths never stand side by side without their per-year rates
or the reason they are not compared; the one target shows its numbers from the date; no
number carries more decimals than its method publishes."""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

import dash
import docx
import duckdb
import pdfplumber
import pytest
from flask.testing import FlaskClient

from dashboard.app import create_app
from pipelines.language.i18n import t
from pipelines.settings import load_settings
from tests.support.dash_json import props_of, render
from tests.support.demo_scan import dash_blocks, html_blocks

BUILDS = ["demo", "published"]
LANGS = ["en", "fr"]
PER_YEAR = {"en": "a year", "fr": "par an"}
REFUSED = {"en": "Not compared", "fr": "Non comparés"}


@pytest.fixture(scope="module")
def dbs(demo_db: Path, dashboard_db: Path) -> dict[str, Path]:
    return {"demo": demo_db, "published": dashboard_db}


@pytest.fixture(scope="module")
def clients(dbs: dict[str, Path]) -> dict[str, FlaskClient]:
    out = {}
    for build, db in dbs.items():
        app: dash.Dash = create_app(load_settings(db_path=db))
        out[build] = app.server.test_client()
    return out


def _stored(db: Path) -> dict[str, tuple[str, bool]]:
    with duckdb.connect(str(db), read_only=True) as con:
        return {p: (v, d) for p, v, d in con.execute(
            "SELECT pillar_id, verdict, demo FROM marts.pillar_verdicts").fetchall()}


def _names(db: Path, lang: str) -> dict[str, str]:
    with duckdb.connect(str(db), read_only=True) as con:
        return dict(con.execute(f"SELECT pillar_id, name_{lang} FROM marts.pillars").fetchall())


def _words(verdict: str, demo: bool, lang: str) -> str:
    words = t(f"verdict.{verdict}", lang)
    return t("demo_mark.value", lang, value=words) if demo else words


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("build", BUILDS)
def test_every_pillar_has_the_marts_verdict_on_all_four_surfaces(
        clients: dict[str, FlaskClient], dbs: dict[str, Path], build: str, lang: str) -> None:
    stored = _stored(dbs[build])
    assert set(stored) == {"awareness", "protection", "support", "accountability"}
    expected = {(p, v) for p, (v, _) in stored.items()}
    client = clients[build]
    page = render(client, "/review/statutory", f"?lang={lang}")
    shown = [(p["data-pillar-id"], p["data-verdict"]) for p in props_of(page)
             if "data-verdict" in p]
    # Each pillar twice: in the one-page summary and above its own table.
    assert set(shown) == expected and len(shown) == 2 * len(expected)
    html = client.get(f"/review/statutory/briefing.html?lang={lang}").get_data(as_text=True)
    assert set(re.findall(r'data-pillar-id="([^"]+)" data-verdict="([^"]+)"', html)) == expected
    # The PDF and the Word file: the summary table's pillar and verdict cells, as read.
    names = _names(dbs[build], lang)
    want = {names[p]: _words(v, d, lang) for p, (v, d) in stored.items()}
    pdf = client.get(f"/review/statutory/briefing.pdf?lang={lang}").data
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        rows = document.pages[0].find_tables()[0].extract()
    assert {" ".join(str(r[0]).split()): " ".join(str(r[1]).split()) for r in rows[1:]} == want
    word = docx.Document(io.BytesIO(client.get(f"/review/statutory/briefing.docx?lang={lang}")
                                    .data))
    table = word.tables[0]
    assert {r.cells[0].text: r.cells[1].text for r in table.rows[1:]} == want


def _assessments(db: Path) -> list[dict[str, Any]]:
    with duckdb.connect(str(db), read_only=True) as con:
        cursor = con.execute("SELECT * FROM marts.indicator_assessments")
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _different_lengths(row: dict[str, Any]) -> bool:
    if row["baseline_value"] is None or row["latest_value"] is None:
        return False
    spans = [(row[f"{s}_period_start"], row[f"{s}_period_end"]) for s in ("baseline", "latest")]
    if any(a is None or b is None for a, b in spans):
        return True  # an unknown length is not the same length
    return len({(b - a).days // 28 for a, b in spans}) > 1


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("build", BUILDS)
def test_figures_of_different_lengths_come_with_rates_or_a_refusal(
        clients: dict[str, FlaskClient], dbs: dict[str, Path], build: str, lang: str) -> None:
    from dashboard.text.verdict import rate_text
    from pipelines.read import ConnectionReader
    from pipelines.read.verdicts import assessments

    pairs = {r["indicator_id"] for r in _assessments(dbs[build]) if _different_lengths(r)}
    if build == "demo":
        assert {"people_served_funded_orgs", "joint_forces_investigations"} <= pairs
    with duckdb.connect(str(dbs[build]), read_only=True) as con:
        rows = [r for r in assessments(ConnectionReader(con)).values()
                if r.indicator_id in pairs]
    client = clients[build]
    page = {_plain(b) for b in dash_blocks(render(client, "/review/statutory",
                                                  f"?lang={lang}"))}
    html = client.get(f"/review/statutory/briefing.html?lang={lang}").get_data(as_text=True)
    briefing = {_plain(b) for b in html_blocks(html)}
    for row in rows:
        cell = rate_text(row, lang)
        assert (PER_YEAR[lang] in cell and "→" in cell) or cell.startswith(REFUSED[lang]) \
            or row.comparable == "as_is", cell
        assert _plain(cell) in page and _plain(cell) in briefing, (row.indicator_id, cell)


def _plain(text: str) -> str:
    return " ".join(text.split())  # no-break spaces count as spaces


def test_the_demo_people_served_are_compared_per_year_with_their_bound() -> None:
    """29,000+ over three fiscal years and 14,918 over eighteen months: more than 9,666 and
    9,945 a year, and no direction claimed (the baseline is a lower bound)."""
    from dashboard.text.verdict import rate_text
    from pipelines.read.rows import IndicatorAssessment

    row = IndicatorAssessment(
        "people_served_funded_orgs", "support", "not_assessable", "bound", "undetermined",
        None, "per_year", None, 29000, "more_than", None, None, 9666, "more_than", 3.0, 14918,
        "exact", None, None, 9945, "exact", 1.5, "demo", "not_assessed", "2026-27Q2", True,
        "pillar-verdict-v1", "count", "cumulative", "higher_is_better")
    assert rate_text(row, "en") == "9,666+ a year → 9,945 a year [demo]"
    assert rate_text(row, "fr") == "plus de 9\u00a0666 par an → 9\u00a0945 par an [démo]"


def test_the_published_build_shows_expected_by_now_and_share_elapsed_as_numbers(
        clients: dict[str, FlaskClient]) -> None:
    page = render(clients["published"], "/indicator/frontline_workers_trained", "")
    blocks = list(dash_blocks(page))
    labels = {t("status.expected", "en"), t("status.elapsed", "en")}
    after = {label: [blocks[i + 1].strip() for i, b in enumerate(blocks[:-1]) if b == label]
             for label in labels}
    # The status box's term and its value (the label may also head a table column).
    assert any(re.fullmatch(r"\d[\d,]*", v) for v in after[t("status.expected", "en")])
    assert any(re.fullmatch(r"\d+(\.\d)?%", v) for v in after[t("status.elapsed", "en")])


PAGES = ["/", "/pillar/awareness", "/indicator/frontline_workers_trained",
         "/indicator/people_served_funded_orgs", "/review/quarterly", "/review/statutory",
         "/about", "/deliverables", "/data"]
TOO_PRECISE = re.compile(r"\d[.,]\d{4,}")


@pytest.mark.parametrize("build", BUILDS)
def test_no_page_or_briefing_shows_four_decimals(clients: dict[str, FlaskClient],
                                                 build: str) -> None:
    client = clients[build]
    for lang in LANGS:
        for path in PAGES:
            found = [b for b in dash_blocks(render(client, path, f"?lang={lang}"))
                     if TOO_PRECISE.search(b)]
            assert found == [], (path, lang)
            as_of = [b for b in dash_blocks(render(
                client, path, f"?lang={lang}&as_of=2026-08-15")) if TOO_PRECISE.search(b)]
            assert as_of == [], (path, lang)
        html = client.get(f"/review/statutory/briefing.html?lang={lang}").get_data(as_text=True)
        assert [b for b in html_blocks(html) if TOO_PRECISE.search(b)] == []


def test_a_future_as_of_is_refused_with_todays_figures(clients: dict[str, FlaskClient]) -> None:
    client = clients["demo"]
    response = client.get("/indicator/frontline_workers_trained?as_of=2999-01-01")
    assert response.status_code == 400
    text = " ".join(dash_blocks(render(client, "/indicator/frontline_workers_trained",
                                       "?as_of=2999-01-01")))
    assert "nothing is known yet about a future day" in text
