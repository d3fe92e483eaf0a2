"""Malformed requests to Dash's own routes answer 4xx with one short log line (issue 21:
15 of 22 malformed callback POSTs answered 500 and logged twice their size; every unknown
component-suite path answered 500 and logged the list of every served path)."""

from __future__ import annotations

import json
import logging

import pytest
from flask.testing import FlaskClient

from tests.support.dash_json import page_payload

ROUTER = page_payload("/")
MALFORMED: list[bytes] = [
    b"null", b"[]", b"{}", b'"string"', b"12", b'{"output": 1}', b'{"output": "x"}',
    b'{"output": [1, 2]}', b'{"output": "a", "outputs": "b"}',
    b'{"output": "nope.children", "outputs": {"id": "nope", "property": "children"}, '
    b'"inputs": [], "changedPropIds": []}',
    json.dumps({**ROUTER, "inputs": 1}).encode(),
    json.dumps({**ROUTER, "inputs": [{}]}).encode(),
    json.dumps({**ROUTER, "inputs": ROUTER["inputs"][:1]}).encode(),
    json.dumps({**ROUTER, "inputs": [{**i, "id": "other"} for i in ROUTER["inputs"]]}).encode(),
    json.dumps({**ROUTER, "state": "x"}).encode(),
    json.dumps({**ROUTER, "changedPropIds": 5}).encode(),
    json.dumps({**ROUTER, "inputs": [{**i, "value": 5} for i in ROUTER["inputs"]]}).encode(),
    json.dumps({**ROUTER, "inputs": [{**i, "value": {"a": [1]}}
                                     for i in ROUTER["inputs"]]}).encode(),
    json.dumps({**ROUTER, "output": "x" * 100_000}).encode(),
]


@pytest.mark.parametrize("body", MALFORMED, ids=range(len(MALFORMED)))
def test_a_malformed_callback_answers_400_with_a_short_log(
        serving_client: FlaskClient, body: bytes, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO)
    response = serving_client.post("/_dash-update-component", data=body,
                                   headers={"Content-Type": "application/json"})
    assert response.status_code == 400, response.get_data(as_text=True)[:300]
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert len(caplog.records) <= 1 and len(logged) <= 400, logged[:1000]


def test_the_real_callback_still_answers(serving_client: FlaskClient) -> None:
    response = serving_client.post("/_dash-update-component", json=ROUTER)
    assert response.status_code == 200


@pytest.mark.parametrize("path", [
    "/_dash-component-suites/nope/x.js", "/_dash-component-suites/dash/nope.js",
    "/_dash-component-suites/dash/dcc/nope.js", "/_dash-component-suites/dash/../../etc/passwd",
    "/_dash-component-suites/plotly/" + "a" * 5000 + ".js"])
def test_an_unknown_component_suite_path_is_a_404_with_a_short_log(
        serving_client: FlaskClient, path: str, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO)
    response = serving_client.get(path)
    assert response.status_code == 404
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert len(caplog.records) <= 1 and len(logged) <= 400, logged[:1000]


def test_the_client_address_comes_from_the_proxy_only_when_one_is_trusted(
        dashboard_db: object) -> None:
    from pathlib import Path

    import flask

    from dashboard.app import create_app
    from pipelines.settings import load_settings

    seen: list[str | None] = []
    for proxies in (0, 1):
        app = create_app(load_settings(env={}, db_path=Path(str(dashboard_db)),
                                       trusted_proxies=proxies)).server
        app.add_url_rule("/_address", "address",
                         lambda: seen.append(flask.request.remote_addr) or "ok")
        app.test_client().get("/_address", headers={"X-Forwarded-For": "6.6.6.6, 10.1.2.3"},
                              environ_base={"REMOTE_ADDR": "127.0.0.1"})
    assert seen == ["127.0.0.1", "10.1.2.3"]
