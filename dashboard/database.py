"""Read-only access to the DuckDB file.

The one writer replaces the file atomically (``os.replace``; docs/architecture.md › Data
flow), so a reader that notices a new file identity (inode, mtime, size) reopens and sees the
whole new version, never half of one. Each thread gets its own cursor because a DuckDB
connection must not be shared between threads mid-query.

Each version of the file is attached to its own in-memory DuckDB instance rather than opened
by path: DuckDB caches instances by path, so reopening a replaced file by path would need the
old instance closed first, and closing it would kill the cursors other threads are still
reading with. An old instance is released when the last thread has moved to the new one, and
:meth:`Database.close` (the worker's exit hook) closes every instance still open.

The data version (:meth:`Database.version`) is read once per new file identity: the build's
``data_version`` from ``meta.build_info``, or, for a file written before builds stored one,
the file identity itself. Query results are cached by it (:mod:`dashboard.cache`).
"""

from __future__ import annotations

import os
import threading
import weakref
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final, TypeVar

import duckdb
import pandas as pd

from dashboard.cache import Params, ResultCache, cache_key
from pipelines.errors import DatabaseNotBuilt
from pipelines.read import QueryResult
from pipelines.settings import Settings

FileIdentity = tuple[int, int, int]
Cursor = duckdb.DuckDBPyConnection
T = TypeVar("T")
CATALOG: Final = "strategy"
DATA_VERSION_SQL: Final = (
    f"SELECT value FROM {CATALOG}.meta.build_info WHERE key = 'data_version'"  # noqa: S608
)


@dataclass(frozen=True)
class Attached:
    """One version of the file, attached to its own DuckDB instance."""

    identity: FileIdentity
    connection: duckdb.DuckDBPyConnection
    version: str


def _quoted(path: Path) -> str:
    # ATTACH takes no parameters; the path comes from settings, never from a request.
    return "'" + str(path).replace("'", "''") + "'"


def _data_version(connection: duckdb.DuckDBPyConnection, identity: FileIdentity) -> str:
    try:
        row = connection.execute(DATA_VERSION_SQL).fetchone()
    except duckdb.CatalogException:  # a file from before meta.build_info
        row = None
    return str(row[0]) if row else "file:{}-{}-{}".format(*identity)


class Database:
    """One DuckDB file, opened read-only with external access off."""

    def __init__(self, settings: Settings) -> None:
        self.path: Path = Path(settings.db_path)
        self._config: dict[str, Any] = {
            "memory_limit": settings.duckdb_memory_limit,
            "threads": settings.duckdb_threads,
        }
        self._temp_root = Path(settings.duckdb_temp_directory)
        self._lock = threading.Lock()
        self._shared: Attached | None = None
        # Every connection and cursor still alive, so close() reaches old versions that
        # other threads' cursors still hold.
        self._open: weakref.WeakSet[Cursor] = weakref.WeakSet()
        self._local = threading.local()
        self.cache = ResultCache(settings.query_cache_entries)

    def _identity(self) -> FileIdentity:
        pinned = getattr(self._local, "pinned", None)
        if pinned is not None:
            return pinned  # type: ignore[no-any-return]
        try:
            stat = os.stat(self.path)
        except FileNotFoundError as exc:
            raise DatabaseNotBuilt(
                f"database {self.path} does not exist; run `python -m pipelines build`"
            ) from exc
        return (stat.st_ino, stat.st_mtime_ns, stat.st_size)

    def _open_instance(self, identity: FileIdentity) -> Attached:
        # Spill files of one process stay apart from other workers' (DuckDB removes the
        # folder it created when the instance closes).
        self._temp_root.mkdir(parents=True, exist_ok=True)
        config = {**self._config, "temp_directory": str(self._temp_root / str(os.getpid()))}
        connection = duckdb.connect(":memory:", config=config)
        connection.execute(f"ATTACH {_quoted(self.path)} AS {CATALOG} (READ_ONLY)")
        # Off only after the ATTACH, which needs file access; it cannot be turned back on.
        connection.execute("SET enable_external_access = false")
        self._open.add(connection)
        return Attached(identity, connection, _data_version(connection, identity))

    def _attached(self, identity: FileIdentity) -> Attached:
        with self._lock:
            shared = self._shared
            if shared is not None and shared.identity == identity:
                return shared
            # The previous instance is not closed: other threads may be mid-query on it.
            self._shared = self._open_instance(identity)
            return self._shared

    def _thread_cursor(self, identity: FileIdentity) -> tuple[Attached, Cursor]:
        # Every statement goes through the cursor this returns (benchmarks/raw_queries.py
        # wraps it to record a page's statements).
        cached = getattr(self._local, "cursor", None)
        if cached is not None and cached[0].identity == identity:
            return cached  # type: ignore[no-any-return]
        attached = self._attached(identity)
        cursor = attached.connection.cursor()
        cursor.execute(f"USE {CATALOG}")  # a new cursor starts in the in-memory catalog
        cursor.execute("SET enable_progress_bar = false")  # a long download would draw one
        self._open.add(cursor)
        self._local.cursor = (attached, cursor)
        return attached, cursor

    def cursor(self, identity: FileIdentity | None = None) -> Cursor:
        """This thread's cursor, reopened when the file on disk has been replaced."""
        return self._thread_cursor(identity or self._identity())[1]

    def version(self) -> str:
        """The version of the data now on disk (this thread's, inside :meth:`pinned`): the
        build's ``data_version``, read once per new file, else the file's identity."""
        return self._thread_cursor(self._identity())[0].version

    @contextmanager
    def pinned(self) -> Iterator[str]:
        """Within the block this thread reads one version of the data, the one on disk when
        the block began, even if a rebuild swaps the file meanwhile (the attached instance
        keeps the old file open). Yields that version."""
        outer = getattr(self._local, "pinned", None)
        attached, _ = self._thread_cursor(self._identity())
        self._local.pinned = attached.identity
        try:
            yield attached.version
        finally:
            self._local.pinned = outer

    def _cached(self, kind: str, sql: str, params: Params, run: Callable[[Cursor], T]) -> T:
        # One identity for the key and the cursor: the result is stored under the version
        # it was read from.
        attached, cursor = self._thread_cursor(self._identity())
        key = cache_key(attached.version, kind, sql, params)
        return self.cache.get_or_run(key, lambda: run(cursor))

    def query(self, sql: str, params: Mapping[str, object]) -> QueryResult:
        """Run ``sql`` (a named query of :mod:`pipelines.read`) on the current version, through
        the per-version cache: the :class:`pipelines.read.Reader` the pages read through."""

        def run(cursor: Cursor) -> QueryResult:
            result = cursor.execute(sql, dict(params))
            columns = tuple(d[0] for d in result.description or ())
            return QueryResult(columns, tuple(result.fetchall()))

        return self._cached("query", sql, params, run)

    def frame(self, sql: str, params: Params = ()) -> pd.DataFrame:
        return self._cached("frame", sql, params, lambda c: c.execute(sql, params).df())

    def rows(self, sql: str, params: Params = ()) -> list[tuple[Any, ...]]:
        return self._cached("rows", sql, params, lambda c: c.execute(sql, params).fetchall())

    def close(self) -> None:
        """Close every DuckDB instance this object opened (their cursors close with them).
        For a worker's exit: afterwards the next query opens the file again."""
        with self._lock:
            self._shared = None
            for connection in list(self._open):
                connection.close()
        self._local = threading.local()
        self.cache.clear()


def close_databases(config: Mapping[str, object]) -> int:
    """Close every :class:`Database` among ``config``'s values (or in a dict among them: the
    snapshot databases); returns how many. gunicorn's ``worker_exit`` hook calls it with the
    app's config so no DuckDB instance is left for interpreter shutdown to tear down."""
    found = [v for v in config.values() if isinstance(v, Database)]
    found += [d for v in config.values() if isinstance(v, dict)
              for d in v.values() if isinstance(d, Database)]
    for database in found:
        database.close()
    return len(found)
