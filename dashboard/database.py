"""Read-only access to the DuckDB file.

The pipeline replaces the file atomically (``os.replace``), so a reader that notices a new
inode or mtime reopens and sees the whole new build, never half of one. Each thread gets its
own cursor because a DuckDB connection must not be shared between threads mid-query.

Each version of the file is attached to its own in-memory DuckDB instance rather than opened
by path: DuckDB caches instances by path, so reopening a replaced file by path would need the
old instance closed first, and closing it would kill the cursors other threads are still
reading with. An old instance is released when the last thread has moved to the new one.
Query results are cached per process by version (:mod:`dashboard.cache`).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from dashboard.cache import Params, QueryCache
from pipelines.errors import DatabaseNotBuilt
from pipelines.read import QueryResult
from pipelines.settings import Settings

FileIdentity = tuple[int, int, int]
CATALOG = "strategy"


def _quoted(path: Path) -> str:
    # ATTACH takes no parameters; the path comes from settings, never from a request.
    return "'" + str(path).replace("'", "''") + "'"


class Database:
    """One DuckDB file, opened read-only with external access off."""

    def __init__(self, settings: Settings) -> None:
        self.path: Path = Path(settings.db_path)
        self._config: dict[str, Any] = {
            "memory_limit": settings.duckdb_memory_limit,
            "threads": settings.duckdb_threads,
        }
        self._lock = threading.Lock()
        self._shared: tuple[FileIdentity, duckdb.DuckDBPyConnection] | None = None
        self._local = threading.local()
        self.cache = QueryCache(settings.query_cache_entries)

    def _identity(self) -> FileIdentity:
        try:
            stat = os.stat(self.path)
        except FileNotFoundError as exc:
            raise DatabaseNotBuilt(
                f"database {self.path} does not exist; run `python -m pipelines build`"
            ) from exc
        return (stat.st_ino, stat.st_mtime_ns, stat.st_size)

    def _connection(self, identity: FileIdentity) -> duckdb.DuckDBPyConnection:
        with self._lock:
            if self._shared is not None and self._shared[0] == identity:
                return self._shared[1]
            # The previous instance is not closed: other threads may be mid-query on it.
            connection = duckdb.connect(":memory:", config=self._config)
            connection.execute(f"ATTACH {_quoted(self.path)} AS {CATALOG} (READ_ONLY)")
            # Off only after the ATTACH, which needs file access; it cannot be turned back on.
            connection.execute("SET enable_external_access = false")
            self._shared = (identity, connection)
            return connection

    def cursor(self, identity: FileIdentity | None = None) -> duckdb.DuckDBPyConnection:
        """This thread's cursor, reopened when the file on disk has been replaced."""
        identity = identity or self._identity()
        cached = getattr(self._local, "cursor", None)
        if cached is not None and cached[0] == identity:
            return cached[1]
        cursor = self._connection(identity).cursor()
        cursor.execute(f"USE {CATALOG}")  # a new cursor starts in the in-memory catalog
        self._local.cursor = (identity, cursor)
        return cursor

    def version(self) -> FileIdentity:
        """The identity of the file now on disk; it changes whenever a build swaps it."""
        return self._identity()

    def query(self, sql: str, params: Mapping[str, object]) -> QueryResult:
        """Run ``sql`` (a named query of :mod:`pipelines.read`) on the current version, through
        the per-version cache: the :class:`pipelines.read.Reader` the pages read through."""
        version = self._identity()

        def run() -> QueryResult:
            cursor = self.cursor(version).execute(sql, dict(params))
            columns = tuple(d[0] for d in cursor.description or ())
            return QueryResult(columns, tuple(cursor.fetchall()))

        return self.cache.get_or_run(version, "query:" + sql, params, run)

    def frame(self, sql: str, params: Params = ()) -> pd.DataFrame:
        version = self._identity()
        return self.cache.get_or_run(
            version, "frame:" + sql, params, lambda: self.cursor(version).execute(sql, params).df()
        )

    def rows(self, sql: str, params: Params = ()) -> list[tuple]:
        version = self._identity()
        return self.cache.get_or_run(
            version,
            "rows:" + sql,
            params,
            lambda: self.cursor(version).execute(sql, params).fetchall(),
        )

    def close(self) -> None:
        with self._lock:
            if self._shared is not None:
                self._shared[1].close()
                self._shared = None
        self.cache.clear()
