"""Per-process caches of query results and rendered pages, keyed by the data version.

Every key starts with the version of the data it was computed from (``Database.version``:
the build's ``data_version``, or the file's identity for a file written before builds stored
one). A rebuild or an ingest gives the database a new version, so the next request looks up
new keys and nothing computed from older data can be served again; old entries are simply
never asked for, and the bound pushes them out.

The store is Flask-Caching's ``SimpleCache`` (cachelib): bounded, guarded by a lock so a
worker's threads share it, and each hit unpickles a fresh copy, so a caller that sorts a list
or adds a column to a frame cannot change what the next request gets. Each gunicorn worker
has its own; nothing is shared between processes, so there is no invalidation protocol to get
wrong. Results over ``max_rows`` rows are not kept, so a full-table read cannot push a worker
past its memory budget.
"""

from __future__ import annotations

import decimal
import hashlib
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any, Final, TypeVar

import pandas as pd
from flask_caching.backends.simplecache import SimpleCache

T = TypeVar("T")
Params = Sequence[object] | Mapping[str, object]

# cachelib flushes never-expiring entries wholesale when the cache overflows; a long timeout
# makes it evict the oldest entries instead. Entries never go stale (the version is in the
# key), so the timeout only orders eviction.
_EVICTION_ORDER_TIMEOUT: Final = 7 * 24 * 3600
_SCALARS: Final = (str, int, float, bool, type(None), date, datetime, time, decimal.Decimal)


@dataclass
class CacheStats:
    hits: int = 0
    misses: int = 0


def _plain(value: object) -> bool:
    if isinstance(value, _SCALARS):
        return True
    if isinstance(value, list | tuple):
        return all(_plain(v) for v in value)
    if isinstance(value, Mapping):
        return all(isinstance(k, str) and _plain(v) for k, v in value.items())
    return False


def cache_key(*parts: object) -> str | None:
    """A key naming ``parts`` exactly, or None when one of them is not a plain value (its
    ``repr`` might not tell two different values apart, so it is not cached)."""
    if not _plain(list(parts)):
        return None
    normal = [sorted(p.items()) if isinstance(p, Mapping) else p for p in parts]
    return hashlib.sha256(repr(normal).encode()).hexdigest()


def _size(result: object) -> int:
    if isinstance(result, pd.DataFrame | list):
        return len(result)
    rows = getattr(result, "rows", None)  # a read-layer QueryResult
    return len(rows) if isinstance(rows, tuple) else 0


class KeyedLocks:
    """One lock per key in use, dropped when no thread holds or waits for it."""

    def __init__(self) -> None:
        self._guard = threading.Lock()
        self._locks: dict[str, tuple[threading.Lock, int]] = {}

    @contextmanager
    def hold(self, key: str) -> Iterator[None]:
        with self._guard:
            lock, users = self._locks.get(key, (threading.Lock(), 0))
            self._locks[key] = (lock, users + 1)
        try:
            with lock:
                yield
        finally:
            with self._guard:
                lock, users = self._locks[key]
                if users == 1:
                    del self._locks[key]
                else:
                    self._locks[key] = (lock, users - 1)


class ResultCache:
    """A bounded cache of results; ``max_entries = 0`` turns it off."""

    def __init__(self, max_entries: int = 256, max_rows: int = 10_000) -> None:
        self.max_entries = max_entries
        self.max_rows = max_rows
        self.stats = CacheStats()
        # cachelib prunes before adding once it holds more than ``threshold`` entries.
        self._store = SimpleCache(threshold=max(max_entries - 1, 1),
                                  default_timeout=_EVICTION_ORDER_TIMEOUT)
        self._lock = threading.Lock()  # for the counters; the store has its own
        # For callers whose misses are expensive and always stored (rendered pages): one
        # thread computes a key while the others wait for its result.
        self.computing = KeyedLocks()

    def _count(self, hit: bool) -> None:
        with self._lock:
            if hit:
                self.stats.hits += 1
            else:
                self.stats.misses += 1

    def get(self, key: str | None) -> Any:
        """A copy of the entry for ``key``, or None."""
        if self.max_entries <= 0 or key is None:
            return None
        found = self._store.get(key)
        self._count(found is not None)
        return found

    def put(self, key: str | None, value: object) -> None:
        keep = value is not None and _size(value) <= self.max_rows
        if self.max_entries > 0 and key is not None and keep:
            self._store.set(key, value)

    def get_or_run(self, key: str | None, run: Callable[[], T]) -> T:
        """The cached result for ``key``, running ``run`` when it is missing (outside any
        lock: two threads may both run it once, cheaper than serialising every miss)."""
        found = self.get(key)
        if found is not None:
            return found  # type: ignore[no-any-return]
        fresh = run()
        self.put(key, fresh)
        return fresh

    def peek(self, key: str) -> Any:
        """Like :meth:`get`, but not counted (a second look after waiting for a key)."""
        return self._store.get(key) if self.max_entries > 0 else None

    def clear(self) -> None:
        self._store.clear()
