"""The JSON API (issue 14, item 1): every table page-walks to the rows of its CSV download;
bad requests answer 400 with a JSON error body; ETag, 304 and CORS; the OpenAPI description
is valid and generated from the code."""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import Any

import dash
import duckdb
import pandas as pd
import pytest
import requests
from flask.testing import FlaskClient
from openapi_spec_validator import validate

from dashboard.app import create_app
from dashboard.web.api import MAX_LIMIT, Query, make_cursor
from dashboard.web.openapi import schema_name
from pipelines.release.export import ALLOWED, neutralise, parse_filters
from pipelines.release.public_fields import FIELDS, PANDAS_DTYPES, TABLES, read_csv_kwargs
from pipelines.settings import load_settings


def walk(client: FlaskClient, url: str) -> tuple[list[dict[str, Any]], int]:
    """Every row of every page, following ``next``; and how many pages there were."""
    rows: list[dict[str, Any]] = []
    pages = 0
    while url:
        response = client.get(url)
        assert response.status_code == 200, response.get_json()
        body = response.get_json()
        assert body["count"] == len(body["rows"]) <= body["limit"]
        rows += body["rows"]
        pages += 1
        url = body["next"]
        assert (response.headers.get("Link") is not None) == bool(url)
    return rows, pages


def api_frame(rows: list[dict[str, Any]], table: str, lang: str) -> pd.DataFrame:
    """The API's rows typed as ``read_csv_kwargs`` types the CSV (text cells guarded against
    spreadsheet formulas as the CSV guards them)."""
    headers = [f.header(lang) for f in FIELDS[table]]
    frame = pd.DataFrame.from_records(rows, columns=headers)
    for field in FIELDS[table]:
        name = field.header(lang)
        if field.kind == "date":
            frame[name] = pd.to_datetime(frame[name])
        else:
            if field.kind == "string":
                frame[name] = frame[name].map(lambda v: neutralise(v) if isinstance(v, str) else v)
            frame[name] = frame[name].astype(PANDAS_DTYPES[field.kind])
    return frame


def csv_frame(client: FlaskClient, table: str, query: str, lang: str) -> pd.DataFrame:
    response = client.get(f"/download/{table}.csv?{query}")
    assert response.status_code == 200
    return pd.read_csv(io.BytesIO(response.data), **read_csv_kwargs(table, lang))


@pytest.mark.parametrize("table", TABLES)
@pytest.mark.parametrize(("build", "query"), [("demo", "include_demo=true"), ("demo", ""),
                                              ("real", "")])
def test_every_table_page_walks_to_the_rows_of_its_csv(
        api_app: dash.Dash, real_app: dash.Dash, table: str, build: str, query: str) -> None:
    client = (api_app if build == "demo" else real_app).server.test_client()
    csv = csv_frame(client, table, query, "en")
    rows, pages = walk(client, f"/api/v1/{table}?limit=7&{query}")
    assert pages == max(1, -(-len(csv) // 7))
    if csv.empty:  # progress of the demonstration build, without asking for it
        assert rows == []
    else:
        pd.testing.assert_frame_equal(api_frame(rows, table, "en"), csv)


@pytest.mark.parametrize("table", ["observations", "progress"])
def test_french_field_names_and_labels_follow_the_french_csv(api_client: FlaskClient,
                                                             table: str) -> None:
    query = "include_demo=true&lang=fr&pillar=awareness"
    rows, _ = walk(api_client, f"/api/v1/{table}?limit=50&{query}")
    pd.testing.assert_frame_equal(api_frame(rows, table, "fr"),
                                  csv_frame(api_client, table, query, "fr"))
    assert rows and "id_indicateur" in rows[0]


def test_suppressed_values_are_null_and_demo_rows_need_asking(api_client: FlaskClient) -> None:
    shown, _ = walk(api_client, "/api/v1/observations?limit=5000&include_demo=true")
    suppressed = [r for r in shown if r["suppressed"]]
    assert suppressed and all(r["value"] is None for r in suppressed)
    plain, _ = walk(api_client, "/api/v1/observations?limit=5000")
    assert {r["status"] for r in shown} >= {"demo"} and "demo" not in {r["status"] for r in plain}


def _error(response: Any, status: int) -> str:
    assert response.status_code == status
    assert response.headers["Content-Type"].startswith("application/json")
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    body = response.get_json()
    assert body["error"]["status"] == status and "\n" not in body["error"]["message"]
    return str(body["error"]["message"])


@pytest.mark.parametrize(("query", "words"), [
    ("cursor=not-a-cursor", "malformed cursor"),
    ("cursor=" + "A" * 200, "malformed cursor"),
    ("colour=red", "unknown parameter 'colour'"),
    (f"limit={MAX_LIMIT + 1}", f"at most {MAX_LIMIT}"),
    ("limit=ten", "whole number"),
    ("lang=de", "lang"),
    ("from=2026-13-01", "ISO date"),
    ("lang=en&lang=fr", "only once"),
])
def test_bad_requests_answer_400_with_a_json_error(api_client: FlaskClient, query: str,
                                                   words: str) -> None:
    assert words in _error(api_client.get(f"/api/v1/observations?{query}"), 400)


def test_a_cursor_of_another_query_is_refused(api_client: FlaskClient) -> None:
    body = api_client.get("/api/v1/observations?limit=2").get_json()
    cursor = body["next"].split("cursor=")[1]
    # Well formed (the description allows it) but not this query's: start again, like a
    # cursor of an older version of the data.
    assert "another query" in _error(
        api_client.get(f"/api/v1/observations?limit=2&pillar=support&cursor={cursor}"), 409)


def test_a_cursor_made_before_the_data_changed_answers_409(api_client: FlaskClient) -> None:
    query = Query("observations", parse_filters({}), "en", 2, None)
    stale = make_cursor(query, "an older data version", 2)
    assert "start again" in _error(api_client.get(f"/api/v1/observations?limit=2&cursor={stale}"),
                                   409)


def test_an_unknown_id_answers_404(api_client: FlaskClient) -> None:
    # The shape of an id is documented (400 when it is not one); an id of that shape that
    # names nothing is not found.
    assert "unknown indicator" in _error(
        api_client.get("/api/v1/observations?indicator=no_such_indicator"), 404)
    assert "not a valid indicator id" in _error(
        api_client.get("/api/v1/observations?indicator=%3Cscript%3E"), 400)


def test_unknown_tables_and_snapshots_answer_404(api_client: FlaskClient) -> None:
    assert "unknown table" in _error(api_client.get("/api/v1/secrets"), 404)
    assert "snapshot" in _error(api_client.get("/api/v1/observations?snapshot=nope"), 404)


def test_etag_and_304(api_client: FlaskClient) -> None:
    first = api_client.get("/api/v1/indicators?limit=3")
    etag = first.headers["ETag"]
    assert first.headers["Cache-Control"].startswith("public")
    again = api_client.get("/api/v1/indicators?limit=3", headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.data == b"" and again.headers["ETag"] == etag
    other = api_client.get("/api/v1/indicators?limit=4", headers={"If-None-Match": etag})
    assert other.status_code == 200 and other.headers["ETag"] != etag


def test_any_origin_may_get(api_client: FlaskClient) -> None:
    response = api_client.get("/api/v1/progress", headers={"Origin": "https://example.org"})
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert "ETag" in response.headers["Access-Control-Expose-Headers"]
    preflight = api_client.options("/api/v1/progress", headers={
        "Origin": "https://example.org", "Access-Control-Request-Method": "GET",
        "Access-Control-Request-Headers": "If-None-Match"})
    assert preflight.status_code == 200
    assert "GET" in preflight.headers["Access-Control-Allow-Methods"]
    assert "If-None-Match" in preflight.headers["Access-Control-Allow-Headers"]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_openapi_description_is_valid_and_describes_every_table(
        api_client: FlaskClient, lang: str) -> None:
    response = api_client.get(f"/api/v1/openapi.json?lang={lang}")
    assert response.status_code == 200
    spec = response.get_json()
    validate(spec)
    assert spec["openapi"] == "3.1.0"
    for table in TABLES:
        operation = spec["paths"][f"/api/v1/{table}"]["get"]
        names = {p["name"] for p in operation["parameters"]}
        assert names == set(ALLOWED[table]) | {"lang", "limit", "cursor", "snapshot"}
        row = spec["components"]["schemas"][schema_name(table, "en")]
        assert list(row["properties"]) == [f.name for f in FIELDS[table]]


def test_a_real_server_pages_through_with_requests_and_pandas(live_url: str) -> None:
    """What the /data page shows researchers: requests, the next links, pandas."""
    url: str | None = f"{live_url}/api/v1/progress?limit=25&include_demo=true"
    frames = []
    with requests.Session() as session:
        while url:
            response = session.get(url, timeout=30)
            response.raise_for_status()
            page = response.json()
            frames.append(pd.json_normalize(page["rows"]))
            url = page["next"]
            assert url == response.links.get("next", {}).get("url")
        csv = session.get(f"{live_url}/download/progress.csv?include_demo=true", timeout=30)
        again = session.get(f"{live_url}/api/v1/progress?limit=25&include_demo=true",
                            headers={"If-None-Match": response.headers["ETag"]}, timeout=30)
    walked = pd.concat(frames, ignore_index=True)
    expected = pd.read_csv(io.BytesIO(csv.content), dtype=str, keep_default_na=False)
    assert walked["indicator_id"].tolist() == expected["indicator_id"].tolist()
    assert walked["status"].tolist() == expected["status"].tolist()
    assert again.status_code in (200, 304)  # the last page's ETag, asked for the first page


def test_the_etag_changes_when_the_data_does(tmp_path: Path, demo_db: Path) -> None:
    copy = tmp_path / "copy.duckdb"
    copy.write_bytes(demo_db.read_bytes())
    client = create_app(load_settings(env={}, db_path=copy)).server.test_client()
    before = client.get("/api/v1/sources")
    # What an ingest does: a new file with one more load record, swapped in.
    changed = tmp_path / "changed.duckdb"
    changed.write_bytes(demo_db.read_bytes())
    with duckdb.connect(str(changed)) as con:
        con.execute("INSERT INTO meta.loads VALUES (999, 'late.csv', NULL, now()::TIMESTAMP, "
                    "0, 0, 'rejected', 'test')")
        # Every write through the writer stores a new data version.
        con.execute("INSERT OR REPLACE INTO meta.build_info VALUES ('data_version', 'v2')")
    os.replace(changed, copy)
    after = client.get("/api/v1/sources", headers={"If-None-Match": before.headers["ETag"]})
    assert after.status_code == 200
    assert after.headers["ETag"] != before.headers["ETag"]
    assert after.get_json()["data_version"] != before.get_json()["data_version"]


def test_the_data_page_shows_the_api_with_examples_that_run(live_url: str) -> None:
    """The pandas example printed on /data, run as printed against a real server."""
    from dashboard.components.api_docs import examples

    html_page = requests.get(f"{live_url}/data", timeout=30)
    assert html_page.status_code == 200
    code = examples(live_url)
    namespace: dict[str, Any] = {}
    exec(code["pandas"], namespace)  # the example exactly as the page prints it
    data = namespace["data"]
    csv = requests.get(f"{live_url}/download/observations.csv?indicator="
                       "frontline_workers_trained&geography=ontario", timeout=30)
    expected = pd.read_csv(io.BytesIO(csv.content), **read_csv_kwargs("observations"))
    assert data["observation_id"].tolist() == expected["observation_id"].tolist()
    assert "rbind_pages" in code["r"] and "curl '" in code["curl"]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_data_page_has_an_api_section(api_client: FlaskClient, lang: str) -> None:
    from tests.support.dash_json import render

    text = str(render(api_client, "/data", f"?lang={lang}"))
    assert "data-api-section" in text and "/api/v1/openapi.json" in text
    assert ("API JSON" if lang == "fr" else "JSON API") in text
    assert "rbind_pages" in text and "requests.get" in text and "curl " in text


def test_a_database_that_cannot_answer_gives_a_json_500(tmp_path: Path, demo_db: Path) -> None:
    broken = tmp_path / "broken.duckdb"
    broken.write_bytes(demo_db.read_bytes())
    with duckdb.connect(str(broken)) as con:
        con.execute("DROP TABLE marts.progress")
    client = create_app(load_settings(env={}, db_path=broken)).server.test_client()
    assert "could not be read" in _error(client.get("/api/v1/progress"), 500)
