"""Downloads hold what the page shows: each table's CSV link gives exactly its rows, under a
name that says what the file holds; the data package carries a Parquet copy of every CSV;
/data says why nothing matches and how to get rows."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path
from typing import Any

import dash
import duckdb
import pytest
from flask.testing import FlaskClient

from dashboard.app import create_app
from pipelines.release.export import Filters, parse_filters
from pipelines.release.names import download_name
from pipelines.settings import load_settings
from pipelines.vocabulary import CORE_INDICATORS
from tests.support.dash_json import components, find, render, text_of


@pytest.fixture(scope="module")
def demo_app(demo_db: Path) -> dash.Dash:
    return create_app(load_settings(env={}, db_path=demo_db))


@pytest.fixture(scope="module")
def real_app(dashboard_db: Path) -> dash.Dash:
    return create_app(load_settings(env={}, db_path=dashboard_db))


@pytest.fixture()
def client(demo_app: dash.Dash) -> FlaskClient:
    return demo_app.server.test_client()


@pytest.fixture(params=["demo", "real"])
def any_client(request: pytest.FixtureRequest, demo_app: dash.Dash,
               real_app: dash.Dash) -> FlaskClient:
    """The build with demonstration submissions (demo rows in every link), and without."""
    return (demo_app if request.param == "demo" else real_app).server.test_client()


def body_rows(table: dict[str, Any]) -> int:
    bodies = [n for n in components(table) if n["type"] == "Tbody"]
    return sum(1 for body in bodies for n in components(body) if n["type"] == "Tr")


def section_of(payload: dict[str, Any], heading_id: str) -> dict[str, Any]:
    return find(payload, **{"aria-labelledby": heading_id})[0]


def csv_rows(client: FlaskClient, href: str) -> tuple[int, str]:
    response = client.get(href)
    assert response.status_code == 200, response.text
    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True))))
    disposition = response.headers["Content-Disposition"]
    return len(rows) - 1, disposition.split('filename="', 1)[1].rstrip('"')


def link_in(section: dict[str, Any]) -> dict[str, Any]:
    return next(n for n in components(section) if n["props"].get("className") == "download-link")


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("indicator", CORE_INDICATORS)
def test_each_indicator_csv_holds_exactly_the_rows_of_its_table(
        any_client: FlaskClient, indicator: str, lang: str) -> None:
    client = any_client
    payload = render(client, f"/indicator/{indicator}", f"?lang={lang}")
    section = section_of(payload, "indicator-data")
    tables = find(section, id="indicator-table")
    shown = body_rows(tables[0]) if tables else 0
    link = link_in(section)["props"]
    count, name = csv_rows(client, link["href"])
    assert count == shown
    # The browser's name for the file and the server's are the same, and say what it holds.
    assert name == link["download"]
    assert name.startswith(f"{indicator}_") and name.endswith(f"_{lang}.csv")


@pytest.mark.parametrize("indicator", CORE_INDICATORS)
def test_each_progress_csv_holds_exactly_the_rows_of_the_progress_table(
        any_client: FlaskClient, indicator: str) -> None:
    client = any_client
    payload = render(client, f"/indicator/{indicator}", "?lang=fr")
    sections = find(payload, **{"aria-labelledby": "indicator-progress"})
    if not sections:  # outside the pillars: no progress rows, and no link to them
        assert "/download/progress.csv" not in text_of(payload)
        return
    shown = body_rows(find(sections[0], id="indicator-progress-table")[0])
    link = link_in(sections[0])["props"]
    count, name = csv_rows(client, link["href"])
    assert shown > 0 and count == shown
    assert name == link["download"] and name.startswith(f"{indicator}_progress")


def test_another_geography_gives_another_file(client: FlaskClient) -> None:
    payload = render(client, "/indicator/frontline_workers_trained",
                     "?geography=region_east&lang=en")
    section = section_of(payload, "indicator-data")
    count, name = csv_rows(client, link_in(section)["props"]["href"])
    assert count == body_rows(find(section, id="indicator-table")[0]) > 0
    assert name == "frontline_workers_trained_region_east_demo_en.csv"


@pytest.mark.parametrize(("table", "query", "lang", "name"), [
    ("observations", {"indicator": "frontline_workers_trained"}, "en",
     "frontline_workers_trained_en.csv"),
    ("observations", {"indicator": "frontline_workers_trained", "geography": "ontario",
                      "breakdown": "total"}, "fr", "frontline_workers_trained_ontario_fr.csv"),
    ("progress", {"indicator": "care_teams", "include_demo": "true"}, "en",
     "care_teams_progress_demo_en.csv"),
    ("observations", {"pillar": "support", "from": "2024-01-01"}, "fr",
     "observations_support_from_2024-01-01_fr.csv"),
    ("sources", {}, "en", "sources_en.csv"),
])
def test_file_names_say_what_the_file_holds(table: str, query: dict[str, str], lang: str,
                                            name: str) -> None:
    assert download_name(table, parse_filters(query, table), lang) == name


def test_a_very_long_name_is_cut_and_stays_unique() -> None:
    many = Filters(indicator=tuple(CORE_INDICATORS))
    fewer = Filters(indicator=tuple(CORE_INDICATORS[:-1]))
    first, second = download_name("observations", many, "en"), download_name(
        "observations", fewer, "en")
    assert len(first) < 140 and first != second and first.endswith("_en.csv")


def test_the_data_package_holds_a_parquet_copy_of_every_csv(client: FlaskClient,
                                                             tmp_path: Path) -> None:
    response = client.get("/download/datapackage.zip?lang=fr&include_demo=true")
    assert response.status_code == 200
    with zipfile.ZipFile(io.BytesIO(response.data)) as archive:
        names = set(archive.namelist())
        csvs = sorted(n for n in names if n.endswith(".csv") and n != "data-dictionary.csv")
        assert csvs and {n.replace(".csv", ".parquet") for n in csvs} <= names
        archive.extractall(tmp_path)
    with duckdb.connect() as con:
        for name in csvs:
            parquet = tmp_path / name.replace(".csv", ".parquet")
            rows = con.execute("SELECT count(*) FROM read_parquet(?)", [str(parquet)]).fetchone()
            text = (tmp_path / name).read_text(encoding="utf-8")
            assert rows is not None and rows[0] == len(list(csv.reader(io.StringIO(text)))) - 1
            header = next(csv.reader(io.StringIO(text)))
            columns = [c[0] for c in con.execute("DESCRIBE SELECT * FROM read_parquet(?)",
                                                 [str(parquet)]).fetchall()]
            assert columns == header, name
    observations = tmp_path / "observations.parquet"
    with duckdb.connect() as con:
        types = dict(con.execute("SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM "
                                 "read_parquet(?))", [str(observations)]).fetchall())
    assert types["valeur"] == "DOUBLE" and types["debut_periode"] == "DATE"


def test_data_page_explains_an_indicator_with_only_demonstration_rows(
        client: FlaskClient) -> None:
    payload = render(client, "/data", "?indicator=frontline_workers_trained&lang=en")
    status = find(payload, id="data-matching")[0]
    assert "Only demonstration rows match" in text_of(status)
    show = find(payload, id="data-include-demo")[0]["props"]["href"]
    assert "include_demo=true" in show and "indicator=frontline_workers_trained" in show
    assert find(payload, id="data-clear")[0]["props"]["href"] == "/data?lang=en"
    with_demo = render(client, "/data", "?indicator=frontline_workers_trained"
                                        "&include_demo=true&lang=en")
    assert "observations match" in text_of(find(with_demo, id="data-matching")[0])


def test_data_page_explains_filters_that_are_too_narrow(client: FlaskClient) -> None:
    payload = render(client, "/data", "?indicator=care_teams&to=2001-01-01&lang=fr")
    text = text_of(find(payload, id="data-matching")[0])
    assert "Aucune observation ne correspond" in text and "trop" not in text
    assert "effacez les filtres" in text
    assert find(payload, id="data-clear") and not find(payload, id="data-include-demo")


def test_every_data_page_link_works_with_the_filters_chosen(client: FlaskClient) -> None:
    """A pillar does not narrow the sources: their link leaves it out instead of failing."""
    payload = render(client, "/data", "?pillar=support&from=2024-01-01&lang=en")
    links = [n["props"]["href"] for n in components(payload)
             if str(n["props"].get("href", "")).startswith("/download/")]
    assert len(links) >= 7
    for href in links:
        assert client.get(href).status_code == 200, href
