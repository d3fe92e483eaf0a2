"""Defects of issue 21 in the API: absolute URLs copied from the ``Host`` header into
publicly cacheable answers, and empty parameters the OpenAPI schema and the API disagreed on.
Each test failed before its fix."""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient

from dashboard.web.openapi import openapi_spec

EVIL = "evil.example"


def test_next_links_do_not_repeat_the_host_header(api_client: FlaskClient) -> None:
    response = api_client.get("/api/v1/observations?limit=2&include_demo=true",
                              base_url=f"http://{EVIL}")
    # An unknown Host is refused outright; a known one is never written into the answer.
    assert response.status_code == 400
    response = api_client.get("/api/v1/observations?limit=2&include_demo=true")
    assert response.status_code == 200
    body = response.get_json()
    # The public address of the settings (the default, here), not the Host of the request.
    assert body["next"].startswith("http://127.0.0.1:8050/api/v1/observations?")
    assert response.headers["Link"].startswith("<http://127.0.0.1:8050/api/v1/observations?")
    assert "localhost" not in response.get_data(as_text=True)


def test_the_index_and_openapi_document_name_no_host(api_client: FlaskClient) -> None:
    for path in ("/api/v1", "/api/v1/openapi.json", "/api/v1/openapi.json?lang=fr"):
        response = api_client.get(path)
        assert response.status_code == 200
        assert "localhost" not in response.get_data(as_text=True), path
    spec = api_client.get("/api/v1/openapi.json").get_json()
    assert spec["servers"] == [{"url": "/"}]
    assert api_client.get("/api/v1").get_json()["openapi"] == \
        "http://127.0.0.1:8050/api/v1/openapi.json"


@pytest.mark.parametrize("host", [EVIL, "127.0.0.1.evil.example", "localhost@evil.example"])
def test_a_request_for_another_host_is_refused(api_client: FlaskClient, host: str) -> None:
    response = api_client.get("/api/v1/openapi.json", base_url=f"http://{host}")
    assert response.status_code == 400
    assert EVIL not in response.get_data(as_text=True)


@pytest.mark.parametrize("query", ["lang=", "pillar=", "status=", "pillar=&pillar=support",
                                   "cursor=", "snapshot="])
def test_empty_values_the_schema_forbids_are_refused(api_client: FlaskClient,
                                                      query: str) -> None:
    table = "progress" if query.startswith("status") else "indicators"
    if query.startswith("status"):
        table = "observations"
    response = api_client.get(f"/api/v1/{table}?{query}")
    assert response.status_code == 400, (query, response.get_json())
    assert response.get_json()["error"]["message"]


def test_the_schema_forbids_exactly_those_empty_values() -> None:
    spec = openapi_spec("/")
    parameters = {p["name"]: p["schema"]
                  for p in spec["paths"]["/api/v1/observations"]["get"]["parameters"]}
    assert parameters["cursor"]["minLength"] == 1
    assert parameters["snapshot"]["minLength"] == 1
    assert "" not in parameters["lang"]["enum"]
    assert "" not in parameters["pillar"]["items"]["enum"]
    # Id filters allow an empty value, and the API ignores it.
    assert parameters["indicator"]["items"]["pattern"].endswith(")?$")


def test_an_empty_free_text_filter_is_ignored(api_client: FlaskClient) -> None:
    everything = api_client.get("/api/v1/indicators").get_json()
    assert api_client.get("/api/v1/indicators?indicator=").get_json()["rows"] == \
        everything["rows"]


def test_status_demo_implies_the_demonstration_rows(api_client: FlaskClient) -> None:
    """The description gives each parameter alone; ``status=demo`` is valid there, so it is
    answered: it implies include_demo, and with include_demo=false it matches no row."""
    implied = api_client.get("/api/v1/observations?status=demo&limit=5")
    assert implied.status_code == 200
    rows = implied.get_json()["rows"]
    assert rows and {row["status"] for row in rows} == {"demo"}
    none = api_client.get("/api/v1/observations?status=demo&include_demo=false")
    assert none.status_code == 200 and none.get_json()["rows"] == []
