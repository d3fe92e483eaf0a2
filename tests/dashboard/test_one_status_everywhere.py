"""One figure, one status, everywhere: every surface that shows an indicator's status or its
figure to date shows the one ``marts.progress`` holds for that quarter.

Each such element carries ``data-indicator-id``, ``data-quarter``, ``data-status`` and
``data-value``; the test reads those attributes (never the words) on the overview, the pillar
pages, the indicator pages, the quarterly review, the statutory review, the briefing and
``progress.csv``, in both languages, on the demonstration build.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import dash
import duckdb
import pandas as pd
import pytest
from flask.testing import FlaskClient

from dashboard.app import create_app
from dashboard.text.status import data_value
from pipelines.settings import load_settings
from tests.support.dash_json import props_of, render
from tests.support.html import Mark, html_marks

PILLARS = ("awareness", "protection", "support", "accountability")


@pytest.fixture(scope="module")
def demo_app(demo_db: Path) -> dash.Dash:
    return create_app(load_settings(env={}, db_path=demo_db))


@pytest.fixture()
def demo_client(demo_app: dash.Dash) -> FlaskClient:
    return demo_app.server.test_client()


@pytest.fixture(scope="module")
def stored(demo_db: Path) -> dict[tuple[str, str], tuple[str, str]]:
    """(indicator, quarter) -> (status, value to date) as the build decided them."""
    with duckdb.connect(str(demo_db), read_only=True) as con:
        rows = con.execute("SELECT indicator_id, as_of_quarter, status, value_to_date "
                           "FROM marts.progress").fetchall()
    return {(i, q): (s, data_value(v)) for i, q, s, v in rows}


def page_marks(client: FlaskClient, path: str, search: str) -> list[Mark]:
    # An element marked data-as-of shows a row as it was known on that date (a vintage), not
    # today's marts.progress row.
    return [(p["data-indicator-id"], p["data-quarter"], p["data-status"], p["data-value"])
            for p in props_of(render(client, path, search))
            if "data-indicator-id" in p and "data-as-of" not in p]


def csv_marks(content: bytes) -> list[Mark]:
    frame = pd.read_csv(io.BytesIO(content), dtype=str, keep_default_na=False)
    return [(r.indicator_id, r.as_of_quarter, r.status,
             data_value(float(r.value_to_date)) if r.value_to_date else "")
            for r in frame.itertuples()]


def _surfaces(client: FlaskClient, lang: str) -> dict[str, list[Mark]]:
    search = f"?lang={lang}"
    surfaces = {"overview": page_marks(client, "/", search),
                "statutory": page_marks(client, "/review/statutory", search),
                "quarterly": page_marks(client, "/review/quarterly", search)}
    for pillar in PILLARS:
        surfaces[f"pillar/{pillar}"] = page_marks(client, f"/pillar/{pillar}", search)
    briefing = client.get(f"/review/quarterly/briefing.html?lang={lang}")
    assert briefing.status_code == 200
    surfaces["briefing"] = html_marks(briefing.get_data(as_text=True))
    progress = client.get(f"/download/progress.csv?include_demo=true&lang={lang}")
    assert progress.status_code == 200
    if lang == "en":
        surfaces["progress.csv"] = csv_marks(progress.data)
    return surfaces


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_surface_shows_the_status_and_figure_the_build_decided(
        demo_client: FlaskClient, stored: dict[tuple[str, str], tuple[str, str]],
        lang: str) -> None:
    indicators = sorted({i for i, _ in stored})
    surfaces = _surfaces(demo_client, lang)
    for indicator_id in indicators:
        surfaces[f"indicator/{indicator_id}"] = page_marks(
            demo_client, f"/indicator/{indicator_id}", f"?lang={lang}")
    for name, marks in surfaces.items():
        assert marks, f"{name} marks no status or figure to date"
        for indicator_id, quarter, status, value in marks:
            assert (status, value) == stored[(indicator_id, quarter)], (name, indicator_id,
                                                                        quarter)


def test_the_latest_status_of_each_indicator_is_one_value_on_every_page(
        demo_client: FlaskClient, stored: dict[tuple[str, str], tuple[str, str]]) -> None:
    latest = max(q for _, q in stored)
    seen: dict[str, set[tuple[str, str]]] = {}
    pages = ["/", *(f"/pillar/{p}" for p in PILLARS), "/review/quarterly", "/review/statutory",
             *(f"/indicator/{i}" for i in sorted({i for i, _ in stored}))]
    for path in pages:
        for indicator_id, quarter, status, value in page_marks(demo_client, path, ""):
            if quarter == latest:
                seen.setdefault(indicator_id, set()).add((status, value))
    assert set(seen) == {i for i, _ in stored}, "every pillar indicator is shown somewhere"
    assert {i: s for i, s in seen.items() if len(s) > 1} == {}


def test_every_pillar_page_marks_every_indicator_of_its_pillar(
        demo_client: FlaskClient, demo_db: Path) -> None:
    with duckdb.connect(str(demo_db), read_only=True) as con:
        expected = dict(con.execute("SELECT indicator_id, pillar_id FROM marts.indicators "
                                    "WHERE pillar_id IS NOT NULL").fetchall())
    for pillar in PILLARS:
        shown = {m[0] for m in page_marks(demo_client, f"/pillar/{pillar}", "")}
        assert shown == {i for i, p in expected.items() if p == pillar}, pillar


def test_labels_say_whether_a_figure_is_this_quarter_or_to_date(
        demo_client: FlaskClient) -> None:
    english = str(render(demo_client, "/indicator/frontline_workers_trained", ""))
    french = str(render(demo_client, "/indicator/frontline_workers_trained", "?lang=fr"))
    assert re.search(r"total to date, April 1, 2025 to \w+ \d+, 20\d\d", english)
    assert re.search("total à ce jour, du 1er avril 2025 au", french)
    assert "This quarter" in english and "Ce trimestre" in french
