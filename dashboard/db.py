"""Read-only access to the DuckDB file.

The pipeline replaces the file atomically (``os.replace``), so a reader that notices a new
inode or mtime reopens and sees the whole new build, never half of one. Each thread gets its
own cursor because a DuckDB connection must not be shared between threads mid-query.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from pipelines.errors import DatabaseNotBuilt
from pipelines.settings import Settings

FileIdentity = tuple[int, int, int]


class Database:
    """One DuckDB file, opened read-only with external access off."""

    def __init__(self, settings: Settings) -> None:
        self.path: Path = Path(settings.db_path)
        self._config: dict[str, Any] = {
            "enable_external_access": False,
            "memory_limit": settings.duckdb_memory_limit,
            "threads": settings.duckdb_threads,
        }
        self._lock = threading.Lock()
        self._shared: tuple[FileIdentity, duckdb.DuckDBPyConnection] | None = None
        self._local = threading.local()

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
            if self._shared is not None:
                # DuckDB caches open instances by path: the old one must be closed, or
                # connecting again would hand back the replaced file.
                self._shared[1].close()
            connection = duckdb.connect(str(self.path), read_only=True, config=self._config)
            self._shared = (identity, connection)
            return connection

    def cursor(self) -> duckdb.DuckDBPyConnection:
        """This thread's cursor, reopened when the file on disk has been replaced."""
        identity = self._identity()
        cached = getattr(self._local, "cursor", None)
        if cached is not None and cached[0] == identity:
            return cached[1]
        cursor = self._connection(identity).cursor()
        self._local.cursor = (identity, cursor)
        return cursor

    def frame(self, sql: str, params: Sequence[object] | dict[str, object] = ()) -> pd.DataFrame:
        return self.cursor().execute(sql, params).df()

    def rows(self, sql: str, params: Sequence[object] | dict[str, object] = ()) -> list[tuple]:
        return self.cursor().execute(sql, params).fetchall()

    def close(self) -> None:
        with self._lock:
            if self._shared is not None:
                self._shared[1].close()
                self._shared = None
