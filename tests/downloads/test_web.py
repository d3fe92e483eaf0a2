"""The download routes and the two pages through Flask's test client, on the real build."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from flask.testing import FlaskClient

from dashboard.app import create_app
from dashboard.components.download import download_href
from dashboard.components.statutory import context_filters
from dashboard.context import DB_CONFIG_KEY
from pipelines.release.export import observations_frame
from pipelines.release.public_fields import read_csv_kwargs
from pipelines.release.snapshot import create_snapshot
from pipelines.settings import load_settings
from tests.support.dash_json import render, text_of


@pytest.fixture(scope="module")
def web(dashboard_db: Path, tmp_path_factory: pytest.TempPathFactory):
    settings = load_settings(env={}, db_path=dashboard_db,
                             data_dir=tmp_path_factory.mktemp("data"))
    create_snapshot(settings, "2030 review", "https://tracker.example/review/statutory")
    return create_app(settings)


@pytest.fixture()
def client(web) -> FlaskClient:
    return web.server.test_client()


def _csv(client: FlaskClient, url: str, lang: str = "en") -> pd.DataFrame:
    response = client.get(url)
    assert response.status_code == 200, response.text
    return pd.read_csv(io.BytesIO(response.data), **read_csv_kwargs("observations", lang))


def test_csv_route_headers(client):
    response = client.get("/download/observations.csv?pillar=support")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/csv; charset=utf-8"
    disposition = response.headers["Content-Disposition"]
    assert disposition == 'attachment; filename="observations_support_en.csv"'


@pytest.mark.parametrize("table", ["observations", "indicators", "targets", "milestones",
                                   "sources"])
def test_every_public_table_downloads(client, table):
    assert client.get(f"/download/{table}.csv?lang=fr").status_code == 200


@pytest.mark.parametrize("url", ["/download/secrets.csv", "/download/meta.loads.csv",
                                 "/download/../pipelines/settings.py",
                                 "/download/%2e%2e/data/build/strategy.duckdb",
                                 "/download/observations.csv?snapshot=nope"])
def test_unknown_tables_paths_and_snapshots_are_404(client, url):
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("query", ["colour=red", "pillar=nope", "from=2024-13-01",
                                   "to=soon", "lang=de", "include_demo=perhaps",
                                   "indicator=no_such_indicator", "from=1&from=2",
                                   "indicator=a'%20OR%201=1--"])
def test_bad_parameters_are_400_with_a_message(client, query):
    response = client.get(f"/download/observations.csv?{query}")
    assert response.status_code == 400
    assert response.text.startswith("bad request: ")


def test_the_charted_rows_and_the_csv_rows_are_identical(client, web):
    filters = context_filters()
    charted = observations_frame(web.server.config[DB_CONFIG_KEY].cursor(), filters, "fr")
    downloaded = _csv(client, download_href(filters, "fr"), "fr")
    assert len(charted) > 0
    assert downloaded["id_observation"].tolist() == charted["observation_id"].tolist()
    assert downloaded["valeur"].tolist() == charted["value"].tolist()


def test_statutory_page_links_its_charts_to_their_rows(client):
    page = text_of(render(client, "/review/statutory", "?lang=fr"))
    assert "/download/observations.csv?indicator=ca_ht_incidents" in page


def test_datapackage_zip_route(client):
    response = client.get("/download/datapackage.zip?lang=fr")
    assert response.status_code == 200 and response.mimetype == "application/zip"
    with zipfile.ZipFile(io.BytesIO(response.data)) as archive:
        assert {"datapackage.json", "README.md", "observations.csv"} <= set(archive.namelist())
    assert client.get("/download/datapackage.zip").data == client.get(
        "/download/datapackage.zip").data


def test_snapshot_downloads_and_page(client):
    assert client.get("/download/observations.csv?snapshot=2030-review").status_code == 200
    assert client.get("/review/statutory?snapshot=2030-review").status_code == 200
    assert client.get("/review/statutory?snapshot=nope").status_code == 404
    page = text_of(render(client, "/review/statutory", "?snapshot=2030-review"))
    assert "frozen snapshot “2030 review”" in page


@pytest.mark.parametrize(("lang", "words"), [
    ("en", ["Get the data", "How to cite", "Data dictionary", "Open Government Licence"]),
    ("fr", ["Obtenir les données", "Comment citer", "Dictionnaire de données"])])
def test_data_page(client, lang, words):
    assert client.get(f"/data?lang={lang}").status_code == 200
    page = text_of(render(client, "/data", f"?lang={lang}&pillar=support"))
    for word in words:
        assert word in page
    assert "/download/observations.csv?pillar=support" in page


def test_data_page_shows_a_bad_filter_instead_of_failing(client):
    page = text_of(render(client, "/data", "?from=2024-99-01"))
    assert "These filters cannot be used" in page


@pytest.mark.parametrize(("lang", "words"), [
    ("en", ["Did the strategy deliver?", "Late means", "une augmentation des cas signalés "
            "sera au contraire un indicateur de son efficacité", "How to cite"]),
    ("fr", ["La stratégie a-t-elle tenu ses promesses\u00a0?", "En retard signifie"])])
def test_statutory_page(client, lang, words):
    page = text_of(render(client, "/review/statutory", f"?lang={lang}"))
    for word in words:
        assert word in page
    assert ("$307M" in page or "307\u00a0M$" in page)
    assert ("$345M" in page or "345\u00a0M$" in page)


def test_statutory_funding_table_names_its_sources_in_the_page_language(client):
    """The $307M and more-than-$345M rows cite their sources by name, never by raw id."""
    english = text_of(render(client, "/review/statutory", "?lang=en"))
    french = text_of(render(client, "/review/statutory", "?lang=fr"))
    assert "$307M" in english and "Ontario strategy 2025–2030" in english
    assert "plus de 345" in french and "Stratégie ontarienne 2025–2030" in french
    assert "on-strategy-2025-2030" not in english + french


def test_a_day_after_today_is_refused_where_as_of_is_taken(client) -> None:
    """Nothing is known about a later day, and a file cited "as known on" it would change
    under its citation: the download and the API refuse it as they refuse a malformed day."""
    for url in ("/download/observations.csv?as_of=2999-01-01",
                "/api/v1/observations?as_of=2999-01-01"):
        response = client.get(url)
        assert response.status_code == 400, url
        assert "as_of 2999-01-01 is after today" in response.get_data(as_text=True), url
    french = client.get("/download/progress.csv?as_of=2999-01-01&lang=fr")
    assert "postérieur à aujourd’hui" in french.get_data(as_text=True)
