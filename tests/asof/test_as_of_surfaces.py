"""Acceptance: ?as_of= a day between two loads gives the first value on the indicator page,
in the CSV downloads and on the quarterly review's "as shown at the review"; today's date
gives the revision (issue 14, "As known on a date")."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path
from typing import Any

import dash
import pandas as pd
import pytest
from flask.testing import FlaskClient

from dashboard.app import create_app
from pipelines.release.public_fields import read_csv_kwargs
from pipelines.settings import load_settings
from tests.support.asof import BETWEEN, FIRST_VALUE, INDICATOR, REVISED_VALUE
from tests.support.dash_json import props_of, render

PAGE = f"/indicator/{INDICATOR}"
TODAY = date.today().isoformat()


@pytest.fixture(scope="module")
def revised_app(revised_db: Path) -> dash.Dash:
    return create_app(load_settings(env={}, db_path=revised_db))


@pytest.fixture()
def client(revised_app: dash.Dash) -> FlaskClient:
    return revised_app.server.test_client()


def _marked_values(client: FlaskClient, search: str) -> dict[str, set[str]]:
    """quarter -> the figures to date the page marks for it."""
    values: dict[str, set[str]] = {}
    for p in props_of(render(client, PAGE, search)):
        if "data-quarter" in p:
            values.setdefault(p["data-quarter"], set()).add(p["data-value"])
    return values


def _csv(client: FlaskClient, table: str, query: str) -> pd.DataFrame:
    response = client.get(f"/download/{table}.csv?{query}")
    assert response.status_code == 200, response.text
    return pd.read_csv(io.BytesIO(response.data), **read_csv_kwargs(table))


def test_the_indicator_page_between_the_loads_shows_the_first_value_under_a_banner(
        client: FlaskClient) -> None:
    page = render(client, PAGE, f"?as_of={BETWEEN}")
    banner = [p for p in props_of(page) if p.get("id") == "as-of-banner"]
    assert banner and banner[0]["data-as-of"] == BETWEEN.isoformat()
    assert "As known on June 1, 2026" in json.dumps(page)
    then = _marked_values(client, f"?as_of={BETWEEN}")
    assert then["2025-26Q1"] == {str(FIRST_VALUE)}
    assert "2025-26Q3" not in then or then["2025-26Q3"] != {"66"}


def test_the_indicator_page_as_of_today_shows_the_revision_like_the_live_page(
        client: FlaskClient) -> None:
    today = _marked_values(client, f"?as_of={TODAY}")
    assert today["2025-26Q1"] == {str(REVISED_VALUE)}
    assert today == _marked_values(client, "")


def test_the_french_banner_is_in_french(client: FlaskClient) -> None:
    page = json.dumps(render(client, PAGE, f"?as_of={BETWEEN}&lang=fr"), ensure_ascii=False)
    assert "Selon les données connues le 1er juin 2026" in page


def test_links_on_the_page_keep_the_date(client: FlaskClient) -> None:
    links = [p["href"] for p in props_of(render(client, PAGE, f"?as_of={BETWEEN}"))
             if "download/observations.csv" in str(p.get("href", ""))]
    assert links and all(f"as_of={BETWEEN}" in link for link in links)


def test_the_observations_csv_as_of_a_day_between_the_loads_holds_the_first_value(
        client: FlaskClient) -> None:
    query = f"indicator={INDICATOR}&geography=ontario"
    then = _csv(client, "observations", f"{query}&as_of={BETWEEN}")
    today = _csv(client, "observations", f"{query}&as_of={TODAY}")
    live = _csv(client, "observations", query)

    def submitted(frame: pd.DataFrame) -> dict[str, float]:
        rows = frame[frame["source_id"].str.startswith("submission-")]
        return dict(zip(rows["period_start"].dt.date.astype(str), rows["value"], strict=True))

    assert submitted(then) == {"2025-04-01": FIRST_VALUE, "2025-07-01": 80}
    assert submitted(today) == {"2025-04-01": REVISED_VALUE, "2025-07-01": 80,
                                "2025-10-01": 66}
    assert today.equals(live)
    published = then[~then["source_id"].str.startswith("submission-")]
    assert len(published) == len(live) - 3, "published figures are known from the start"


def test_progress_csv_as_of_a_day_between_the_loads_holds_the_status_then(
        client: FlaskClient) -> None:
    query = f"indicator={INDICATOR}&quarter=2025-26Q1"
    then = _csv(client, "progress", f"{query}&as_of={BETWEEN}")
    today = _csv(client, "progress", f"{query}&as_of={TODAY}")
    assert then["value_to_date"].tolist() == [FIRST_VALUE]
    assert today["value_to_date"].tolist() == [REVISED_VALUE]


def test_a_source_loaded_after_the_day_is_not_listed(client: FlaskClient) -> None:
    then = set(_csv(client, "sources", f"as_of={BETWEEN}")["source_id"])
    today = set(_csv(client, "sources", "")["source_id"])
    assert today - then == {"submission-2"}


@pytest.mark.parametrize("value", ["2026-6-1", "yesterday", "2026-02-30"])
def test_a_malformed_date_is_a_bad_request(client: FlaskClient, value: str) -> None:
    assert client.get(f"/download/observations.csv?as_of={value}").status_code == 400
    assert client.get(f"{PAGE}?as_of={value}").status_code == 400
    page = render(client, PAGE, f"?as_of={value}")
    assert any(p.get("id") == "as-of-error" for p in props_of(page))


def test_as_of_is_refused_where_it_would_be_wrong(client: FlaskClient) -> None:
    """Milestone statuses are not kept as they stood: as_of there is an unknown filter."""
    assert client.get(f"/download/milestones.csv?as_of={BETWEEN}").status_code == 400


def test_the_review_lists_what_changed_since_it_was_shown(client: FlaskClient) -> None:
    page = render(client, "/review/quarterly", "?quarter=2025-26Q1")
    then = [p for p in props_of(page) if "data-as-of" in p and "data-indicator-id" in p]
    assert {(p["data-indicator-id"], p["data-value"]) for p in then} == {
        (INDICATOR, str(FIRST_VALUE))}
    link = [p for p in props_of(page) if p.get("id") == "quarterly-progress-then"]
    assert link and "as_of=2026-05-11" in link[0]["href"]
    text = json.dumps(page, ensure_ascii=False)
    assert "taken to have happened on May 11, 2026" in text


def _api_rows(client: FlaskClient, table: str, query: str) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    url: str | None = f"/api/v1/{table}?limit=50&{query}"
    while url:
        response = client.get(url)
        assert response.status_code == 200, response.get_json()
        rows += response.get_json()["rows"]
        url = response.get_json()["next"]
    return rows


def test_the_api_as_of_a_day_between_the_loads_gives_the_first_value(
        client: FlaskClient) -> None:
    query = f"indicator={INDICATOR}&geography=ontario&breakdown=total"

    def first_quarter(rows: list[dict[str, Any]]) -> list[object]:
        return [r["value"] for r in rows if r["period_start"] == "2025-04-01"
                and str(r["source_id"]).startswith("submission-")]

    assert first_quarter(_api_rows(client, "observations", f"{query}&as_of={BETWEEN}")) == [
        FIRST_VALUE]
    assert first_quarter(_api_rows(client, "observations", f"{query}&as_of={TODAY}")) == [
        REVISED_VALUE]
    progress = f"indicator={INDICATOR}&quarter=2025-26Q1"
    then = _api_rows(client, "progress", f"{progress}&as_of={BETWEEN}")
    assert [r["value_to_date"] for r in then] == [FIRST_VALUE]
    assert [r["value_to_date"] for r in _api_rows(client, "progress", progress)] == [
        REVISED_VALUE]


def test_as_of_needs_the_vintages_a_snapshot_does_not_keep(tmp_path: Path,
                                                           revised_db: Path) -> None:
    import duckdb

    copy = tmp_path / "no-vintages.duckdb"
    copy.write_bytes(revised_db.read_bytes())
    with duckdb.connect(str(copy)) as con:
        con.execute("DELETE FROM marts.progress_vintages")
    client = create_app(load_settings(env={}, db_path=copy)).server.test_client()
    response = client.get(f"/api/v1/observations?as_of={BETWEEN}")
    assert response.status_code == 400
    assert "not available" in response.get_json()["error"]["message"]
    assert client.get(f"/download/progress.csv?as_of={BETWEEN}").status_code == 400
