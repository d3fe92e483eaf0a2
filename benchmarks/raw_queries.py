"""The raw-DuckDB baseline of a page: the queries one render runs, recorded with their
parameters, replayed on a plain connection.

Recording renders the page in this process exactly as the server does (the app factory, the
page-routing callback through Flask's test client), with both caches off, and logs every
statement the page's database runs through its cursors. Pages change which queries they run;
recording them keeps the baseline honest without a hand-kept list.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import duckdb

from dashboard.app import create_app
from dashboard.context import DB_CONFIG_KEY
from dashboard.database import Attached, Database, FileIdentity
from dashboard.routing import page_request
from pipelines.settings import Settings, load_settings

Statement = tuple[str, Any]


class _Recorder:
    """A cursor that logs each ``execute`` and forwards everything else."""

    def __init__(self, cursor: duckdb.DuckDBPyConnection, log: list[Statement]) -> None:
        self._cursor = cursor
        self._log = log

    def execute(self, sql: str, parameters: Any = None) -> _Recorder:
        self._log.append((sql, parameters))
        self._cursor.execute(sql, parameters)
        return self

    def __getattr__(self, name: str) -> Any:
        return getattr(self._cursor, name)


class RecordingDatabase(Database):
    """A :class:`Database` whose cursors log what they run into ``log``."""

    def __init__(self, settings: Settings) -> None:
        super().__init__(settings)
        self.log: list[Statement] = []

    def _thread_cursor(self, identity: FileIdentity) -> tuple[Attached, Any]:
        attached, cursor = super()._thread_cursor(identity)
        return attached, _Recorder(cursor, self.log)


def record_queries(db: Path, path: str, search: str = "") -> list[Statement]:
    """The statements one render of ``path`` + ``search`` runs (after a warm-up render)."""
    settings = load_settings(env={}, db_path=db, query_cache_entries=0, page_cache_entries=0)
    app = create_app(settings)
    database = RecordingDatabase(settings)
    app.server.config[DB_CONFIG_KEY] = database
    client = app.server.test_client()
    client.get("/")
    body = page_request(path, search, "search" if search else "pathname")
    client.post("/_dash-update-component", json=body)  # one-off work (first attach) first
    database.log.clear()
    response = client.post("/_dash-update-component", json=body)
    if response.status_code != 200:
        raise RuntimeError(f"rendering {path}{search} for the raw baseline: {response.status}")
    database.close()
    return list(database.log)


def replay(con: duckdb.DuckDBPyConnection, statements: list[Statement]) -> float:
    """Milliseconds to run ``statements`` on ``con``, fetching every row."""
    start = time.perf_counter()
    for sql, parameters in statements:
        con.execute(sql, parameters).fetchall()
    return (time.perf_counter() - start) * 1000
