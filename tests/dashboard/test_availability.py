"""/data/availability: its counts equal a query on the marts; every indicator row says what
it has; "next expected" follows the quarterly submission calendar and is never invented;
the CSV holds the same rows; every indicator page shows its last update and next figures."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime
from pathlib import Path
from typing import Any

import duckdb
import pytest
from flask.testing import FlaskClient

from dashboard.app import create_app
from pipelines.read.availability import (
    NEXT_AFTER_QUARTER,
    NEXT_NONE,
    NEXT_NOW,
    NEXT_UNSCHEDULED,
    last_updated,
    next_expected,
)
from pipelines.read.rows import Availability
from pipelines.settings import load_settings
from pipelines.vocabulary import CORE_INDICATORS
from tests.support.dash_json import components as nodes
from tests.support.dash_json import find, render

START, END = date(2025, 4, 1), date(2030, 3, 31)
# What each indicator has, written here from the marts on their own terms.
MARTS_QUERY = """
SELECT i.indicator_id,
       CASE WHEN EXISTS (SELECT 1 FROM marts.observations o
                         WHERE o.indicator_id = i.indicator_id AND o.status <> 'demo')
            THEN 'has_figures'
            WHEN i.pillar_id IS NOT NULL THEN 'awaiting_submission'
            ELSE 'no_source' END
FROM marts.indicators i
"""
ARRIVED_QUERY = """
SELECT quarter, count(DISTINCT h.indicator_id) FROM marts.observation_history h
JOIN marts.indicators i USING (indicator_id)
WHERE h.status <> 'demo' AND i.pillar_id IS NOT NULL GROUP BY quarter
"""


@pytest.fixture(scope="module", params=["real", "demo"])
def built(request: pytest.FixtureRequest, dashboard_db: Path, demo_db: Path) -> Path:
    return dashboard_db if request.param == "real" else demo_db


@pytest.fixture(scope="module")
def client(built: Path) -> FlaskClient:
    return create_app(load_settings(env={}, db_path=built)).server.test_client()


def _marts(db: Path, query: str) -> list[tuple[Any, ...]]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(query).fetchall()


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_counts_equal_a_query_on_the_marts(client, built, lang):
    payload = render(client, "/data/availability", f"?lang={lang}")
    expected = dict(_marts(built, MARTS_QUERY))
    rows = {n["props"]["data-indicator-id"]: n["props"]["data-availability"]
            for n in nodes(payload) if "data-indicator-id" in n["props"]
            and n["type"] == "Tr"}
    assert rows == expected  # every indicator, once, with what it has
    totals = {n["props"]["data-availability"]: int(n["props"]["data-count"])
              for n in find(payload, **{"data-group": "all"})}
    assert totals == dict(Counter(expected.values())) | {
        k: 0 for k in ("has_figures", "awaiting_submission", "no_source")
        if k not in expected.values()}
    arrived = dict(_marts(built, ARRIVED_QUERY))
    for row in nodes(payload):
        if "data-quarter" in row["props"] and "data-arrived" in row["props"]:
            quarter = row["props"]["data-quarter"]
            assert int(row["props"]["data-arrived"]) == arrived.get(quarter, 0), quarter


def test_the_page_links_back_and_is_linked_from_data_and_about(client):
    assert client.get("/data/availability?lang=fr").status_code == 200
    for path in ("/data", "/about"):
        text = str(render(client, path, "?lang=fr"))
        assert "/data/availability?lang=fr" in text, path


def test_the_csv_holds_the_page_rows(client, built):
    response = client.get("/data/availability.csv?lang=fr")
    assert response.status_code == 200
    lines = response.get_data(as_text=True).splitlines()
    assert lines[0].startswith("id_indicateur,indicateur,groupe,groupe_libelle,disponibilite")
    expected = dict(_marts(built, MARTS_QUERY))
    found = {line.split(",")[0]: line for line in lines[1:]}
    assert set(found) == set(expected)
    for indicator_id, kind in expected.items():
        assert f",{kind}," in found[indicator_id]
    refused = client.get("/data/availability.csv?lang=fr&bom=maybe")
    assert refused.status_code == 400 and "« maybe »" in refused.text


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("indicator_id", CORE_INDICATORS)
def test_every_core_indicator_page_says_when_it_was_updated_and_what_comes_next(
        client, indicator_id, lang):
    payload = render(client, f"/indicator/{indicator_id}", f"?lang={lang}")
    updated = find(payload, id="indicator-last-updated")[0]["props"]["children"]
    following = find(payload, id="indicator-next-expected")[0]
    assert updated
    kind = following["props"]["data-next-expected"]
    assert kind in (NEXT_NOW, NEXT_AFTER_QUARTER, NEXT_NONE, NEXT_UNSCHEDULED)
    how = next(n for n in nodes(following) if n["type"] == "A")["props"]["href"]
    assert how == f"/data/availability?lang={lang}#availability-how"


def _row(quarters: list[str], pillar: bool = True, **more: Any) -> Availability:
    values: dict[str, Any] = {
        "indicator_id": "x", "availability": "has_figures", "takes_submissions": pillar,
        "figures": 1, "demo_figures": 0, "latest_period_start": None, "latest_period_end": None,
        "latest_period_basis": None, "last_loaded": None, "last_demo_loaded": None,
        "last_published": None, "quarters_submitted": quarters, **more}
    return Availability(**values)


def test_next_expected_is_the_earliest_ended_quarter_not_submitted():
    found = next_expected(_row(["2025-26Q1"]), date(2025, 12, 6), START, END)
    assert (found.kind, str(found.quarter), found.from_day) == \
        (NEXT_NOW, "2025-26Q2", date(2025, 10, 1))


def test_next_expected_waits_for_the_current_quarter_to_end():
    found = next_expected(_row(["2025-26Q1", "2025-26Q2"]), date(2025, 12, 6), START, END)
    assert (found.kind, str(found.quarter), found.from_day) == \
        (NEXT_AFTER_QUARTER, "2025-26Q3", date(2026, 1, 1))
    early = next_expected(_row([]), date(2025, 1, 15), START, END)
    assert (early.kind, str(early.quarter), early.from_day) == \
        (NEXT_AFTER_QUARTER, "2025-26Q1", date(2025, 7, 1))


def test_no_date_is_invented_for_a_series_without_a_calendar_or_after_the_strategy():
    assert next_expected(_row([], pillar=False), date(2026, 1, 1), START, END).kind == \
        NEXT_UNSCHEDULED
    every = [f"{y}-{(y + 1) % 100:02d}Q{q}" for y in range(2025, 2030) for q in range(1, 5)]
    done = next_expected(_row(every), date(2030, 6, 1), START, END)
    assert (done.kind, done.quarter, done.from_day) == (NEXT_NONE, None, None)


def test_last_updated_is_the_later_of_a_load_and_a_publication():
    loaded = _row([], last_loaded=datetime(2026, 2, 3, 9), last_published="2025")
    assert (last_updated(loaded).kind, last_updated(loaded).day) == ("loaded", date(2026, 2, 3))
    older = _row([], last_loaded=datetime(2024, 2, 3, 9), last_published="2025-06")
    assert (last_updated(older).kind, last_updated(older).published) == ("published", "2025-06")
    demo = _row([], last_demo_loaded=datetime(2026, 1, 1))
    assert last_updated(demo).kind == "demo_loaded"
    assert last_updated(_row([])) is None
