"""/indicator/<id>.csv holds exactly the table the page shows, for every core indicator and
the filters the indicator tests use (default and every geography, all, as known on a day),
in both languages; .metadata.json validates against the repository's JSON schema and both
routes are in the OpenAPI document."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import jsonschema
import pytest
from flask.testing import FlaskClient

from dashboard.app import create_app
from dashboard.database import Database
from dashboard.figures.series import geography_options
from dashboard.web.indicator_data import SHOWN, metadata_schema
from pipelines.read.indicator import indicator_page
from pipelines.settings import load_settings
from pipelines.vocabulary import CORE_INDICATORS
from tests.support.dash_json import components as nodes
from tests.support.dash_json import find, render

AS_OF = "2026-06-30"  # the as-known day of the indicator and as_of tests


@pytest.fixture(scope="module")
def client(demo_db: Path) -> FlaskClient:
    return create_app(load_settings(env={}, db_path=demo_db)).server.test_client()


def _text(node: Any) -> str:
    if isinstance(node, str):
        return node
    if isinstance(node, list):
        return "".join(_text(n) for n in node)
    if isinstance(node, dict):
        return _text(node.get("props", {}).get("children"))
    return "" if node is None else str(node)


def page_table(client: FlaskClient, indicator_id: str, query: dict[str, str]) -> list[list[str]]:
    payload = render(client, f"/indicator/{indicator_id}", "?" + urlencode(query))
    tables = find(payload, id="indicator-table")
    if not tables:
        return []
    body = next(n for n in nodes(tables[0]) if n["type"] == "Tbody")
    return [[_text(cell) for cell in row["props"]["children"]]
            for row in nodes(body) if row["type"] == "Tr"]


def file_table(client: FlaskClient, indicator_id: str, query: dict[str, str]) -> list[list[str]]:
    response = client.get(f"/indicator/{indicator_id}.csv?{urlencode(query)}")
    assert response.status_code == 200, response.text
    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True))))
    return [row[:len(SHOWN)] for row in rows[1:]]


def _cases(demo_db: Path) -> list[tuple[str, dict[str, str]]]:
    db = Database(load_settings(env={}, db_path=demo_db))
    cases = []
    for indicator_id in CORE_INDICATORS:
        page = indicator_page(db, indicator_id)
        assert page is not None
        cases.append((indicator_id, {}))  # the page's default geography
        cases += [(indicator_id, {"geography": g}) for g in geography_options(page.observations)]
        cases.append((indicator_id, {"as_of": AS_OF}))
    db.close()
    return cases


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_csv_equals_the_table_on_the_page(client, demo_db, lang):
    checked = 0
    for indicator_id, query in _cases(demo_db):
        asked = {**query, "lang": lang}
        shown = page_table(client, indicator_id, asked)
        assert file_table(client, indicator_id, asked) == shown, (indicator_id, asked)
        checked += len(shown)
    assert checked > 100  # the cases hold rows, not just empty tables


def test_the_csv_carries_the_codes_and_values_behind_the_cells(client):
    response = client.get("/indicator/people_served_funded_orgs.csv?geography=all&lang=fr")
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))
    published = [r for r in rows if r["statut"] == "published"]
    assert any(r["valeur_affichee"] == "plus de 29\u00a0000" and r["valeur"] == "29000"
               and r["qualificatif"] == "more_than" for r in published)
    assert response.headers["Content-Disposition"] == \
        'attachment; filename="people_served_funded_orgs_fr.csv"'


@pytest.mark.parametrize(("url", "status", "words"), [
    ("/indicator/nope.csv?lang=fr", 404, "indicateur inconnu : « nope »"),
    # A geography the indicator has no figures for names no data, like an unknown id.
    ("/indicator/ca_ht_incidents.csv?geography=mars&lang=fr", 404,
     "introuvable : « mars » n’est pas une géographie de cet indicateur"),
    ("/indicator/nope.csv?geography=mars&as_of=2026-13-01", 404, "unknown indicator"),
    ("/indicator/ca_ht_incidents.csv?as_of=2999-01-01", 400,
     "as_of 2999-01-01 is after today: figures are known up to today"),
    ("/indicator/ca_ht_incidents.csv?bom=maybe", 400, "bom must be true or false"),
    ("/indicator/ca_ht_incidents.metadata.json?as_of=2026-13-01&lang=fr", 400,
     "as_of doit être une date"),
    ("/indicator/ca_ht_incidents.metadata.json?colour=red", 400, "unknown parameter 'colour'"),
])
def test_bad_input_is_refused_in_the_language_asked_for(client, url, status, words):
    response = client.get(url)
    assert response.status_code == status
    assert words in response.text


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("indicator_id", CORE_INDICATORS)
def test_metadata_validates_against_the_schema(client, indicator_id, lang):
    response = client.get(f"/indicator/{indicator_id}.metadata.json?lang={lang}")
    assert response.status_code == 200
    body = response.get_json()
    jsonschema.validate(body, metadata_schema(), format_checker=jsonschema.FormatChecker())
    assert body["rows"] == len(page_table(client, indicator_id, {"lang": lang}))
    assert body["data"]["csv"].endswith(f"lang={lang}")
    assert body["data_version"] in body["citation"]
    for source in body["sources"]:
        assert source["sentences"], source["source_id"]


def test_the_target_and_its_sentence_are_in_the_metadata(client):
    body = client.get("/indicator/frontline_workers_trained.metadata.json").get_json()
    assert body["target"]["value"] == 1100
    assert "1 100" in body["target"]["sentence"]
    assert body["licence"]["name"] == "OGL-Ontario-1.0"


def test_the_routes_and_the_schema_are_in_the_openapi_document(client):
    spec = client.get("/api/v1/openapi.json?lang=fr").get_json()
    assert "/indicator/{indicator_id}.csv" in spec["paths"]
    operation = spec["paths"]["/indicator/{indicator_id}.metadata.json"]["get"]
    schema = operation["responses"]["200"]["content"]["application/json"]["schema"]
    assert schema == {"$ref": "#/components/schemas/IndicatorMetadata"}
    published = spec["components"]["schemas"]["IndicatorMetadata"]
    assert published == {k: v for k, v in metadata_schema().items() if k != "$schema"}


def test_the_indicator_page_links_its_chart_data(client):
    payload = render(client, "/indicator/ca_ht_incidents", "?geography=canada&lang=fr")
    link = find(payload, id="indicator-data-csv")[0]["props"]["href"]
    assert link == "/indicator/ca_ht_incidents.csv?geography=canada&lang=fr"
    metadata = find(payload, id="indicator-data-metadata")[0]["props"]["href"]
    assert metadata == "/indicator/ca_ht_incidents.metadata.json?geography=canada&lang=fr"


def test_metadata_links_use_the_public_address_not_the_host_asked(demo_db: Path) -> None:
    """The metadata is cacheable and cited: its links name the site's public address
    (STRATEGY_PUBLIC_URL), never the Host header a client sent."""
    settings = load_settings(env={"STRATEGY_PUBLIC_URL": "https://tracker.example.org"},
                             db_path=demo_db)
    client = create_app(settings).server.test_client()
    response = client.get("/indicator/frontline_workers_trained.metadata.json",
                          headers={"Host": "localhost"})
    assert response.status_code == 200
    text = response.get_data(as_text=True)
    assert "https://tracker.example.org/indicator/frontline_workers_trained.csv?" in text
    assert "localhost" not in text
