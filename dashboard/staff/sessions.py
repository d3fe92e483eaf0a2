"""Staff sessions kept on the server (docs/staff.md › Staff area): the cookie carries only a random
session id; the staff state database holds the session (who, role, when it began, when it
was last used), shared by every worker and kept across restarts.

A session ends when its person signs out, after ``staff_idle_minutes`` without a request,
``staff_session_hours`` after sign-in whatever the activity, and at once on every worker when
an administrator disables the account, changes its role or sets its password: the row is
deleted, so a cookie saved before is worth nothing, whoever replays it.

The database keeps the sha256 of each id, never the id: a copy of the file opens no session.
"""

from __future__ import annotations

import hashlib
import secrets
import sqlite3
import time
from dataclasses import dataclass
from typing import Final

from dashboard.staff import state
from pipelines.settings import Settings

# A request renews ``seen_at`` at most this often: a page of assets is one write, not ten.
_RENEW_S: Final = 30.0


@dataclass(frozen=True)
class Session:
    email: str
    role: str
    via: str


def _hash(session_id: str) -> str:
    return hashlib.sha256(session_id.encode()).hexdigest()


def start(settings: Settings, email: str, role: str, via: str) -> str:
    """A new session; returns its id, for the cookie."""
    session_id = secrets.token_urlsafe(32)
    now = time.time()
    with state.connect(settings) as con:
        _prune(con, settings, now)
        con.execute("INSERT INTO meta.sessions VALUES (?, ?, ?, ?, ?, ?)",
                    (_hash(session_id), state.normalise_email(email), role, via, now, now))
    return session_id


def find(settings: Settings, session_id: str) -> Session | None:
    """The live session with this id (renewed), or None: unknown, ended, idle or too old."""
    if not session_id:
        return None
    now = time.time()
    with state.connect(settings) as con:
        row = con.execute("SELECT email, role, via, created_at, seen_at FROM meta.sessions "
                          "WHERE session_hash = ?", (_hash(session_id),)).fetchone()
        if row is None:
            return None
        if _expired(settings, now, created=row[3], seen=row[4]):
            con.execute("DELETE FROM meta.sessions WHERE session_hash = ?", (_hash(session_id),))
            return None
        if now - row[4] > _RENEW_S:
            con.execute("UPDATE meta.sessions SET seen_at = ? WHERE session_hash = ?",
                        (now, _hash(session_id)))
    return Session(row[0], row[1], row[2])


def end(settings: Settings, session_id: str) -> None:
    with state.connect(settings) as con:
        con.execute("DELETE FROM meta.sessions WHERE session_hash = ?", (_hash(session_id),))


def _expired(settings: Settings, now: float, *, created: float, seen: float) -> bool:
    return (now - seen > settings.staff_idle_minutes * 60
            or now - created > settings.staff_session_hours * 3600)


def _prune(con: sqlite3.Connection, settings: Settings, now: float) -> None:
    con.execute("DELETE FROM meta.sessions WHERE seen_at < ? OR created_at < ?",
                (now - settings.staff_idle_minutes * 60, now - settings.staff_session_hours * 3600))
