"""The per-process caches: hits within one data version, never a result of an older one."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from flask.testing import FlaskClient

import dashboard.database as database_module
from dashboard.app import create_app
from dashboard.cache import ResultCache, cache_key
from dashboard.database import Database, close_databases
from pipelines.build import build_database
from pipelines.settings import load_settings
from tests.support.dash_json import page_payload

DEMO_FLAG = "SELECT value FROM meta.build_info WHERE key = 'demo'"
NEW_VALUE = 987_654  # nowhere in the real data


def test_same_key_hits_and_another_misses() -> None:
    cache = ResultCache(max_entries=8)
    calls: list[int] = []

    def run() -> list[tuple[int]]:
        calls.append(1)
        return [(len(calls),)]

    assert cache.get_or_run(cache_key("v1", "q", {"a": 1}), run) == [(1,)]
    assert cache.get_or_run(cache_key("v1", "q", {"a": 1}), run) == [(1,)]
    assert cache.get_or_run(cache_key("v1", "q", {"a": 2}), run) == [(2,)]
    assert cache.get_or_run(cache_key("v2", "q", {"a": 1}), run) == [(3,)]
    assert (cache.stats.hits, cache.stats.misses) == (1, 3)


def test_keys_tell_values_apart() -> None:
    assert cache_key("v", 1) != cache_key("v", "1") != cache_key("v", 1.5)
    assert cache_key("v", {"a": 1, "b": 2}) == cache_key("v", {"b": 2, "a": 1})
    assert cache_key("v", [date(2026, 1, 1)]) != cache_key("v", ["2026-01-01"])
    assert cache_key("v", object()) is None  # no faithful text for it: not cached


def test_entries_are_bounded_and_big_results_are_not_kept() -> None:
    cache = ResultCache(max_entries=2, max_rows=3)
    for n in range(5):
        cache.put(cache_key(n), [n])
    assert sum(cache.get(cache_key(n)) is not None for n in range(5)) <= 2
    assert cache.get(cache_key(4)) == [4]  # the newest stays
    cache.put(cache_key("big"), [1, 2, 3, 4])
    assert cache.get(cache_key("big")) is None


def test_callers_get_copies() -> None:
    cache = ResultCache()
    key = cache_key("v", "q")
    first = cache.get_or_run(key, lambda: pd.DataFrame({"x": [1]}))
    first["x"] = 99
    again = cache.get_or_run(key, lambda: pd.DataFrame())
    again["x"] = 98
    assert cache.get_or_run(key, lambda: pd.DataFrame()).loc[0, "x"] == 1


def test_cache_off_runs_every_time() -> None:
    cache = ResultCache(max_entries=0)
    assert cache.get_or_run(cache_key("v"), lambda: [1]) == [1]
    assert cache.get(cache_key("v")) is None and cache.stats.misses == 0


@pytest.fixture()
def served(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "strategy.duckdb"
    build_database(load_settings(env={}, db_path=path))
    yield path


def test_a_rebuild_invalidates_cached_results(served: Path) -> None:
    db = Database(load_settings(env={}, db_path=served))
    try:
        assert db.rows(DEMO_FLAG) == [("false",)]
        assert db.rows(DEMO_FLAG) == [("false",)]
        assert db.cache.stats.hits == 1
        before = db.version()
        build_database(load_settings(env={}, db_path=served), demo=True)
        assert db.version() != before
        assert db.rows(DEMO_FLAG) == [("true",)]  # not the cached "false"
    finally:
        db.close()


def _write(served: Path, sql: str, data_version: str | None) -> None:
    """What the one writer does: change a copy, then swap it in with os.replace."""
    import os

    copy = served.with_name("next.duckdb")
    shutil.copy(served, copy)
    with duckdb.connect(str(copy)) as con:
        con.execute(sql)
        if data_version is not None:
            con.execute("INSERT OR REPLACE INTO meta.build_info VALUES ('data_version', $v)",
                        {"v": data_version})
        else:  # a database written before data versions existed: its file identity counts
            con.execute("DELETE FROM meta.build_info WHERE key = 'data_version'")
    os.replace(copy, served)


def test_the_version_is_the_builds_data_version_read_once_per_file(
    served: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reads: list[int] = []
    real = database_module._data_version

    def counting(*args: object) -> str:
        reads.append(1)
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(database_module, "_data_version", counting)
    _write(served, "SELECT 1", None)
    db = Database(load_settings(env={}, db_path=served))
    try:
        assert db.version().startswith("file:")  # no data_version stored: the file identity
        _write(served, "SELECT 1", "a1b2c3")
        assert [db.version() for _ in range(5)] == ["a1b2c3"] * 5
        assert len(reads) == 2  # once per file, not per call
        db.rows(DEMO_FLAG)
        _write(served, "SELECT 1", "a1b2c3")  # a new file with the same data
        assert db.rows(DEMO_FLAG) == [("false",)] and db.cache.stats.hits == 1
    finally:
        db.close()


def _overview_text(client: FlaskClient, path: str) -> str:
    response = client.post("/_dash-update-component", json=page_payload(path))
    assert response.status_code == 200
    return response.get_data(as_text=True)


@pytest.mark.parametrize("data_version", ["d1e2f3", None])
def test_the_next_request_after_a_write_shows_the_new_value(
    served: Path, data_version: str | None
) -> None:
    app = create_app(load_settings(env={}, db_path=served))
    client = app.server.test_client()
    client.get("/")
    path = "/indicator/care_teams"
    first = _overview_text(client, path)
    assert _overview_text(client, path) == first  # a hit: the same page again
    page_cache = app.server.config["TRACKER_PAGE_CACHE"]
    assert page_cache.stats.hits >= 1
    assert f"{NEW_VALUE:,}" not in first
    _write(served, f"UPDATE marts.observations SET value = {NEW_VALUE} "
                   "WHERE indicator_id = 'care_teams'", data_version)
    assert f"{NEW_VALUE:,}" in _overview_text(client, path)
    close_databases(app.server.config)


def test_close_databases_closes_every_open_version(served: Path) -> None:
    config = {"db": Database(load_settings(env={}, db_path=served)), "other": 1}
    db = config["db"]
    assert isinstance(db, Database)
    old = db.cursor()
    build_database(load_settings(env={}, db_path=served), demo=True)
    db.rows(DEMO_FLAG)  # a second version is attached; this thread's old cursor is dropped
    assert close_databases(config) == 1
    with pytest.raises(duckdb.ConnectionException):
        old.execute("SELECT 1")
    assert db.rows(DEMO_FLAG) == [("true",)]  # usable again: it reopens


def test_external_access_is_off_and_the_file_is_read_only(dashboard_db: Path) -> None:
    db = Database(load_settings(env={}, db_path=dashboard_db))
    try:
        with pytest.raises(duckdb.PermissionException):
            db.cursor().execute("SELECT * FROM read_csv('pyproject.toml')").fetchall()
        with pytest.raises(duckdb.Error):
            db.cursor().execute("CREATE TABLE marts.x (a INTEGER)")
        settings = db.cursor().execute(
            "SELECT current_setting('memory_limit'), current_setting('threads')").fetchone()
        assert settings is not None and settings[1] == 2
    finally:
        db.close()


def test_concurrent_requests_for_a_missing_page_render_it_once(
    served: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading
    import time

    import dash

    from dashboard.page_cache import cached_layout

    app = create_app(load_settings(env={}, db_path=served))
    page = dash.page_registry["dashboard.pages.about"]
    original = page["layout"]._tracker_uncached_layout
    calls: list[int] = []

    def slow(**kwargs: object) -> object:
        calls.append(1)
        time.sleep(0.3)  # long enough for the other requests to arrive meanwhile
        return original(**kwargs)

    monkeypatch.setitem(page, "layout", cached_layout("dashboard.pages.about", slow))
    app.server.test_client().get("/")
    statuses: list[int] = []

    def request() -> None:
        response = app.server.test_client().post("/_dash-update-component",
                                                  json=page_payload("/about"))
        statuses.append(response.status_code)

    threads = [threading.Thread(target=request) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert statuses == [200] * 4
    assert len(calls) == 1
    close_databases(app.server.config)
