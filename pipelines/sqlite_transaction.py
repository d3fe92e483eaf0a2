"""One write transaction on a small SQLite side database (the refusal journal, the staff
state): taken at once (``BEGIN IMMEDIATE``, so two writers queue instead of failing half way),
committed when the block ends, rolled back if it raises."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def immediate_transaction(con: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    con.execute("BEGIN IMMEDIATE")
    try:
        yield con
    except BaseException:
        con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")
