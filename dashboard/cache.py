"""Per-process cache of query results, keyed by the database version.

The version is the database file's identity (inode, mtime, size). A rebuild or an ingest
replaces the file with ``os.replace``, which gives it a new identity, so the first request
after a swap misses and every older entry is dropped at once: no stale figure outlives a
rebuild, and nothing has to be told that a rebuild happened.

Each gunicorn worker has its own cache; nothing is shared between processes, so there is
no invalidation protocol to get wrong. Results over ``max_rows`` rows are not kept, so a
full-table read (a download) cannot push a worker past its memory budget.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

import pandas as pd

T = TypeVar("T")
Params = Sequence[object] | Mapping[str, object]


@dataclass
class CacheStats:
    hits: int = 0
    misses: int = 0
    invalidations: int = 0


def freeze(params: Params) -> Hashable | None:
    """A hashable form of query parameters, or None when a value cannot be hashed."""
    items: tuple[Any, ...] = (
        tuple(sorted(params.items())) if isinstance(params, Mapping) else tuple(params)
    )
    try:
        hash(items)
    except TypeError:
        return None
    return items


def _size(result: object) -> int:
    if isinstance(result, pd.DataFrame | list):
        return len(result)
    rows = getattr(result, "rows", None)  # a read-layer QueryResult
    return len(rows) if isinstance(rows, tuple) else 0


def _copy(result: T) -> T:
    # Callers may add columns to a frame or sort a list; they must not change the cached one.
    if isinstance(result, pd.DataFrame):
        return result.copy()  # type: ignore[return-value]
    if isinstance(result, list):
        return list(result)  # type: ignore[return-value]
    return result


class QueryCache:
    """A bounded LRU of query results for one database version at a time."""

    def __init__(self, max_entries: int = 256, max_rows: int = 10_000) -> None:
        self.max_entries = max_entries
        self.max_rows = max_rows
        self.stats = CacheStats()
        self._version: Hashable | None = None
        self._entries: OrderedDict[Hashable, object] = OrderedDict()
        self._lock = threading.Lock()

    def _lookup(self, version: Hashable, key: Hashable) -> tuple[bool, object]:
        with self._lock:
            if version != self._version:
                if self._entries:
                    self.stats.invalidations += 1
                self._entries.clear()
                self._version = version
            if key in self._entries:
                self._entries.move_to_end(key)
                self.stats.hits += 1
                return True, self._entries[key]
            self.stats.misses += 1
            return False, None

    def _store(self, version: Hashable, key: Hashable, result: object) -> None:
        with self._lock:
            if version != self._version or _size(result) > self.max_rows:
                return
            self._entries[key] = result
            while len(self._entries) > self.max_entries:
                self._entries.popitem(last=False)

    def get_or_run(
        self, version: Hashable, sql: str, params: Params, run: Callable[[], T]
    ) -> T:
        """The cached result of ``sql`` with ``params`` at ``version``, running it if needed."""
        frozen = freeze(params)
        if self.max_entries <= 0 or frozen is None:
            return run()
        key = (sql, frozen)
        found, result = self._lookup(version, key)
        if found:
            return _copy(result)  # type: ignore[return-value]
        # Run outside the lock: two threads may run the same query once each, which is
        # cheaper than serialising every query in the worker behind one lock.
        fresh = run()
        self._store(version, key, fresh)
        return _copy(fresh)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self._version = None
