"""The per-process query cache: hits within one database version, invalidated by a rebuild."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from dashboard.cache import QueryCache
from dashboard.database import Database
from pipelines.build import build_database
from pipelines.settings import load_settings

DEMO_FLAG = "SELECT value FROM meta.build_info WHERE key = 'demo'"


def test_same_version_hits_and_new_version_misses() -> None:
    cache = QueryCache(max_entries=8)
    calls: list[int] = []

    def run() -> list[tuple[int]]:
        calls.append(1)
        return [(len(calls),)]

    assert cache.get_or_run("v1", "q", {"a": 1}, run) == [(1,)]
    assert cache.get_or_run("v1", "q", {"a": 1}, run) == [(1,)]
    assert cache.get_or_run("v1", "q", {"a": 2}, run) == [(2,)]
    assert cache.get_or_run("v2", "q", {"a": 1}, run) == [(3,)]
    assert (cache.stats.hits, cache.stats.misses, cache.stats.invalidations) == (1, 3, 1)


def test_entries_are_bounded_and_big_results_are_not_kept() -> None:
    cache = QueryCache(max_entries=2, max_rows=3)
    for n in range(5):
        cache.get_or_run("v", "q", [n], lambda n=n: [n])
    assert len(cache._entries) == 2
    cache.get_or_run("v", "big", [], lambda: [1, 2, 3, 4])
    assert ("big", ()) not in cache._entries


def test_callers_get_copies() -> None:
    cache = QueryCache()
    first = cache.get_or_run("v", "q", [], lambda: pd.DataFrame({"x": [1]}))
    first["x"] = 99
    assert cache.get_or_run("v", "q", [], lambda: pd.DataFrame()).loc[0, "x"] == 1


def test_unhashable_parameters_are_not_cached() -> None:
    cache = QueryCache()
    cache.get_or_run("v", "q", [[1]], lambda: [1])
    assert not cache._entries


def test_cache_off_runs_every_time() -> None:
    cache = QueryCache(max_entries=0)
    assert cache.get_or_run("v", "q", [], lambda: [1]) == [1]
    assert cache.stats.misses == 0 and not cache._entries


def test_a_rebuild_invalidates_cached_results(tmp_path: Path) -> None:
    path = tmp_path / "strategy.duckdb"
    build_database(load_settings(env={}, db_path=path))
    db = Database(load_settings(env={}, db_path=path))
    try:
        assert db.rows(DEMO_FLAG) == [("false",)]
        assert db.rows(DEMO_FLAG) == [("false",)]
        assert db.cache.stats.hits == 1
        before = db.version()
        build_database(load_settings(env={}, db_path=path), demo=True)
        assert db.version() != before
        assert db.rows(DEMO_FLAG) == [("true",)]  # not the cached "false"
        assert db.cache.stats.invalidations == 1
    finally:
        db.close()


def test_external_access_is_off_and_the_file_is_read_only(dashboard_db: Path) -> None:
    import duckdb
    import pytest

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
