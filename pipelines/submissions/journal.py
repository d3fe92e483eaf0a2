"""Load ids, and refused loads waiting for the next write.

A refused file must not take the writer's lock nor change the public database (a new
``data_version`` empties every cache and breaks every open API cursor, though no figure
changed). So a refusal is recorded here, at once and without the lock, and the one writer
copies it into ``meta.loads`` at its next write (:func:`fold`, inside the lock); until then
:func:`pending` lists it. The file and its report are kept under ``rejected/`` as always.

Load ids are given here too, to refusals (outside the lock) and to the writer's loads
(inside it) alike, so the two never take the same id: each new id is one more than both the
last one given and the highest in ``meta.loads``.

The journal is a small SQLite file beside the database (``<db>.loads.sqlite``): SQLite
serialises these short writes across processes, and the file goes with the database
(``make clean`` removes both).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Final

import duckdb

from pipelines.sqlite_transaction import immediate_transaction

_SCHEMA: Final = """
CREATE TABLE IF NOT EXISTS load_ids (only INTEGER PRIMARY KEY CHECK (only = 1),
                                     last INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS refused (
    load_id       INTEGER PRIMARY KEY,
    file          TEXT NOT NULL,
    sha256        TEXT,
    loaded_at     TEXT NOT NULL,          -- ISO 8601, as meta.loads.loaded_at
    rows_rejected INTEGER NOT NULL,
    message       TEXT
);
"""


@dataclass(frozen=True)
class Refused:
    """One refused load, as it will stand in ``meta.loads`` (outcome 'rejected')."""

    load_id: int
    file: str
    sha256: str | None
    loaded_at: datetime
    rows_rejected: int
    message: str | None


def journal_path(db: Path) -> Path:
    return db.with_name(f"{db.name}.loads.sqlite")


@contextmanager
def _connect(db: Path) -> Iterator[sqlite3.Connection]:
    db.parent.mkdir(parents=True, exist_ok=True)
    with closing(sqlite3.connect(journal_path(db), timeout=30, isolation_level=None)) as con:
        con.execute("PRAGMA journal_mode = WAL")
        con.executescript(_SCHEMA)
        with immediate_transaction(con):
            yield con


def highest_load_id(con: duckdb.DuckDBPyConnection) -> int:
    row = con.execute("SELECT coalesce(max(load_id), 0) FROM meta.loads").fetchone()
    return int(row[0]) if row else 0


def new_load_ids(db: Path, highest: int, count: int = 1) -> list[int]:
    """``count`` new, consecutive load ids for the database at ``db``, whose ``meta.loads``
    holds ids up to ``highest`` (in the version the caller reads or writes)."""
    with _connect(db) as con:
        row = con.execute("SELECT last FROM load_ids").fetchone()
        first = max(int(row[0]) if row else 0, highest) + 1
        con.execute("INSERT INTO load_ids VALUES (1, ?) ON CONFLICT (only) DO UPDATE "
                    "SET last = excluded.last", (first + count - 1,))
    return list(range(first, first + count))


def record(db: Path, refused: Sequence[Refused]) -> None:
    """Keep ``refused`` until the next write copies them into ``meta.loads``."""
    with _connect(db) as con:
        con.executemany("INSERT INTO refused VALUES (?, ?, ?, ?, ?, ?)",
                        [(r.load_id, r.file, r.sha256, r.loaded_at.isoformat(),
                          r.rows_rejected, r.message) for r in refused])


def pending(db: Path) -> list[Refused]:
    """Refused loads not yet in ``meta.loads``, oldest first."""
    if not journal_path(db).exists():
        return []
    with _connect(db) as con:
        rows = con.execute("SELECT load_id, file, sha256, loaded_at, rows_rejected, message "
                           "FROM refused ORDER BY load_id").fetchall()
    return [Refused(r[0], r[1], r[2], datetime.fromisoformat(r[3]), r[4], r[5]) for r in rows]


def fold(con: duckdb.DuckDBPyConnection, db: Path) -> list[int]:
    """Copy the pending refusals into ``meta.loads`` of ``con`` (the writer's new version of
    ``db``); returns their ids, to :func:`forget` once that version is served. A refusal
    already there (a writer killed between its swap and its forget) is not copied twice."""
    refused = pending(db)
    if not refused:
        return []
    present = {r[0] for r in con.execute("SELECT load_id FROM meta.loads WHERE load_id IN "
                                         "(SELECT unnest($ids))",
                                         {"ids": [r.load_id for r in refused]}).fetchall()}
    for r in refused:
        if r.load_id not in present:
            con.execute("INSERT INTO meta.loads VALUES (?, ?, ?, ?, 0, ?, 'rejected', ?)",
                        [r.load_id, r.file, r.sha256, r.loaded_at, r.rows_rejected,
                         r.message])
    return [r.load_id for r in refused]


def forget(db: Path, load_ids: Sequence[int]) -> None:
    if load_ids:
        with _connect(db) as con:
            con.executemany("DELETE FROM refused WHERE load_id = ?", [(i,) for i in load_ids])


def recorded_loads(db: Path) -> list[tuple[object, ...]]:
    """Every load attempt: the rows of ``meta.loads`` and the refusals still waiting for the
    next write, in ``meta.loads``' columns, by load id (what ``meta.loads`` will hold)."""
    with duckdb.connect(str(db), read_only=True) as con:
        rows: list[tuple[object, ...]] = con.execute(
            "SELECT * FROM meta.loads ORDER BY load_id").fetchall()
    rows += [(r.load_id, r.file, r.sha256, r.loaded_at, 0, r.rows_rejected, "rejected",
              r.message) for r in pending(db)]
    return sorted(rows, key=lambda row: int(str(row[0])))


def loads_recorded(db: Path, load_ids: list[int], sha256: str) -> list[tuple[int, str]]:
    """(load id, outcome) of those of ``load_ids`` the served database holds for a file of
    ``sha256``: whether a write that gave these ids was swapped in (the staff area asks,
    to settle a Load whose worker died)."""
    if not load_ids or not db.exists():
        return []
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute("SELECT load_id, outcome FROM meta.loads WHERE sha256 = $sha AND "
                           "list_contains($ids, load_id) ORDER BY 1",
                           {"sha": sha256, "ids": load_ids}).fetchall()
    return [(int(r[0]), str(r[1])) for r in rows]
