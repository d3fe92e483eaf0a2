"""The staff area's own database: accounts, the session-signing key and the audit trail.

It lives apart from the public data (docs/architecture.md › Staff area): the public database
is opened read-only by every worker and replaced whole by the one writer, while sign-ins and
audit records are small writes from any worker at any time. SQLite, which locks per write
across processes, fits that; DuckDB allows one writing process per file. The file is attached
as schema ``meta``, so the audit table is ``meta.audit`` as the contract names it.

``meta.audit`` is append-only: triggers refuse every UPDATE and DELETE.
"""

from __future__ import annotations

import secrets
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Final

from pipelines.settings import Settings
from pipelines.sqlite_transaction import immediate_transaction

STATE_FILE: Final = "staff.sqlite"
ROLES: Final = ("submitter", "reviewer", "admin")
# Each role may do what the ones before it may.
ROLE_RANK: Final = {role: rank for rank, role in enumerate(ROLES)}

_SCHEMA: Final = """
CREATE TABLE IF NOT EXISTS meta.accounts (
    email         TEXT PRIMARY KEY,          -- lower case
    role          TEXT NOT NULL CHECK (role IN ('submitter', 'reviewer', 'admin')),
    password_hash TEXT,                      -- argon2id; NULL for an OpenID Connect account
    created_at    TEXT NOT NULL,
    disabled      INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS meta.audit (
    audit_id  INTEGER PRIMARY KEY AUTOINCREMENT,
    at        TEXT NOT NULL,                 -- UTC, ISO 8601
    actor     TEXT NOT NULL,                 -- the account's e-mail, or what was typed at sign-in
    action    TEXT NOT NULL,                 -- sign_in, upload, load, deliverable, snapshot, ...
    subject   TEXT,                          -- the file name, deliverable or label acted on
    sha256    TEXT,                          -- of the file, when there is one
    outcome   TEXT NOT NULL,                 -- ok, rejected, refused, failed
    detail    TEXT                           -- one line: the load id, the problem count, ...
);
CREATE TRIGGER IF NOT EXISTS meta.audit_no_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'meta.audit is append-only'); END;
CREATE TRIGGER IF NOT EXISTS meta.audit_no_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'meta.audit is append-only'); END;
CREATE TABLE IF NOT EXISTS meta.secrets (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS meta.sessions (   -- dashboard/staff/sessions.py
    session_hash TEXT PRIMARY KEY,           -- sha256 of the id in the cookie
    email        TEXT NOT NULL,
    role         TEXT NOT NULL,
    via          TEXT NOT NULL,              -- 'password' or 'oidc'
    created_at   REAL NOT NULL,              -- Unix time
    seen_at      REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS meta.sessions_by_email ON sessions (email);
CREATE TABLE IF NOT EXISTS meta.sign_in_attempts (  -- dashboard/staff/throttle.py
    attempt_id INTEGER PRIMARY KEY AUTOINCREMENT,
    at         REAL NOT NULL,                -- Unix time
    email      TEXT NOT NULL,                -- as typed (lower case)
    address    TEXT NOT NULL,
    device     TEXT,                         -- the device cookie's id, when it had one
    outcome    TEXT NOT NULL                 -- 'checking' (being checked) or 'failed'
);
CREATE INDEX IF NOT EXISTS meta.sign_in_attempts_at ON sign_in_attempts (at);
"""


@dataclass(frozen=True)
class Account:
    email: str
    role: str
    password_hash: str | None
    created_at: str
    disabled: bool


@dataclass(frozen=True)
class AuditRecord:
    audit_id: int
    at: str
    actor: str
    action: str
    subject: str | None
    sha256: str | None
    outcome: str
    detail: str | None


def state_path(settings: Settings) -> Path:
    return settings.state_dir / STATE_FILE


@contextmanager
def connect(settings: Settings) -> Iterator[sqlite3.Connection]:
    """The state database, created on first use; one transaction per ``with`` block."""
    path = state_path(settings)
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    with closing(sqlite3.connect(":memory:", timeout=30, isolation_level=None)) as con:
        con.execute("ATTACH DATABASE ? AS meta", (str(path),))
        con.execute("PRAGMA meta.journal_mode = WAL")
        con.execute("PRAGMA busy_timeout = 30000")
        con.executescript(_SCHEMA)
        with immediate_transaction(con):
            yield con


def now_utc() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def normalise_email(email: str) -> str:
    return email.strip().lower()


def get_account(con: sqlite3.Connection, email: str) -> Account | None:
    row = con.execute("SELECT email, role, password_hash, created_at, disabled "
                      "FROM meta.accounts WHERE email = ?", (normalise_email(email),)).fetchone()
    return Account(row[0], row[1], row[2], row[3], bool(row[4])) if row else None


def list_accounts(con: sqlite3.Connection) -> list[Account]:
    rows = con.execute("SELECT email, role, password_hash, created_at, disabled "
                       "FROM meta.accounts ORDER BY email").fetchall()
    return [Account(r[0], r[1], r[2], r[3], bool(r[4])) for r in rows]


class LastAdmin(ValueError):
    """The change would leave no active administrator (only the shell could repair that)."""


def insert_account(con: sqlite3.Connection, email: str, role: str,
                   password_hash: str | None) -> bool:
    """Create an account; False when one exists already (it is left as it is)."""
    if role not in ROLES:
        raise ValueError(f"role {role!r} is not one of {', '.join(ROLES)}")
    cursor = con.execute(
        "INSERT INTO meta.accounts (email, role, password_hash, created_at) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (email) DO NOTHING", (normalise_email(email), role, password_hash,
                                           now_utc()))
    return cursor.rowcount == 1


def end_sessions(con: sqlite3.Connection, email: str) -> int:
    """End every session of ``email`` at once (dashboard/staff/sessions.py)."""
    return con.execute("DELETE FROM meta.sessions WHERE email = ?",
                       (normalise_email(email),)).rowcount


def _keep_an_admin(con: sqlite3.Connection, account: Account) -> None:
    """Refuse to take away the last administrator who signs in with a tracker password: with
    none left, only the shell could repair it. (An account signing in with the identity
    provider gets its role from the provider, whatever its row here says.)"""
    if account.password_hash is None:
        return
    (others,) = con.execute("SELECT count(*) FROM meta.accounts WHERE role = 'admin' AND "
                            "NOT disabled AND password_hash IS NOT NULL AND email <> ?",
                            (account.email,)).fetchone()
    if others == 0:
        raise LastAdmin(f"{account.email} is the last active administrator; make "
                        "another administrator first")


def set_role(con: sqlite3.Connection, email: str, role: str) -> bool:
    """Change the role only (never the password); the account's sessions end."""
    if role not in ROLES:
        raise ValueError(f"role {role!r} is not one of {', '.join(ROLES)}")
    account = get_account(con, email)
    if account is None:
        return False
    if account.role == "admin" and role != "admin" and not account.disabled:
        _keep_an_admin(con, account)
    con.execute("UPDATE meta.accounts SET role = ? WHERE email = ?", (role, account.email))
    end_sessions(con, account.email)
    return True


def set_password(con: sqlite3.Connection, email: str, password_hash: str) -> bool:
    """A new password; the account's sessions end."""
    cursor = con.execute("UPDATE meta.accounts SET password_hash = ? WHERE email = ?",
                         (password_hash, normalise_email(email)))
    end_sessions(con, email)
    return cursor.rowcount == 1


def set_disabled(con: sqlite3.Connection, email: str, disabled: bool) -> bool:
    """Disable (its sessions end at once) or enable an account; the last active
    administrator cannot be disabled."""
    account = get_account(con, email)
    if account is None:
        return False
    if disabled and account.role == "admin" and not account.disabled:
        _keep_an_admin(con, account)
    con.execute("UPDATE meta.accounts SET disabled = ? WHERE email = ?",
                (int(disabled), account.email))
    if disabled:
        end_sessions(con, account.email)
    return True


def audit(settings: Settings, actor: str, action: str, outcome: str, *,
          subject: str | None = None, sha256: str | None = None,
          detail: str | None = None) -> None:
    """Append one record to ``meta.audit`` (its own transaction: it is kept even when the
    action it records failed)."""
    with connect(settings) as con:
        con.execute(
            "INSERT INTO meta.audit (at, actor, action, subject, sha256, outcome, detail) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (now_utc(), actor[:200], action, subject and subject[:300], sha256, outcome,
             detail and detail[:1000]))


def audit_exists(settings: Settings, action: str, detail_prefix: str) -> bool:
    """Whether ``meta.audit`` holds an ``action`` whose detail starts with ``detail_prefix``."""
    with connect(settings) as con:
        row = con.execute("SELECT 1 FROM meta.audit WHERE action = ? AND substr(detail, 1, ?) = ?"
                          " LIMIT 1", (action, len(detail_prefix), detail_prefix)).fetchone()
    return row is not None


@dataclass(frozen=True)
class FailedSignIn:
    attempt_id: int
    at: str
    email: str
    address: str


def audit_page(settings: Settings, *, before: int | None = None, action: str = "",
               outcome: str = "", actor: str = "", limit: int = 50) -> list[AuditRecord]:
    """Newest first, older than ``before`` (an audit id), filtered by exact values."""
    with connect(settings) as con:
        rows = con.execute(
            "SELECT audit_id, at, actor, action, subject, sha256, outcome, detail FROM meta.audit "
            "WHERE audit_id < ? AND (? = '' OR action = ?) AND (? = '' OR outcome = ?) "
            "AND (? = '' OR actor = ?) ORDER BY audit_id DESC LIMIT ?",
            (before or 2**62, action, action, outcome, outcome, actor, actor, limit)).fetchall()
    return [AuditRecord(*row) for row in rows]


def audit_choices(settings: Settings) -> tuple[list[str], list[str]]:
    """The actions and outcomes the audit holds, for the history's filters."""
    with connect(settings) as con:
        actions = [r[0] for r in con.execute("SELECT DISTINCT action FROM meta.audit ORDER BY 1")]
        outcomes = [r[0] for r in con.execute("SELECT DISTINCT outcome FROM meta.audit "
                                              "ORDER BY 1")]
    return actions, outcomes


def failed_sign_ins(settings: Settings, *, before: int | None = None,
                    limit: int = 50) -> list[FailedSignIn]:
    """Wrong passwords (dashboard/staff/throttle.py keeps them), newest first."""
    with connect(settings) as con:
        rows = con.execute("SELECT attempt_id, at, email, address FROM meta.sign_in_attempts "
                           "WHERE outcome = 'failed' AND attempt_id < ? "
                           "ORDER BY attempt_id DESC LIMIT ?", (before or 2**62, limit)).fetchall()
    return [FailedSignIn(r[0], datetime.fromtimestamp(r[1], UTC).isoformat(timespec="seconds"),
                         r[2], r[3]) for r in rows]


def recent_audit(settings: Settings, limit: int = 200) -> list[AuditRecord]:
    with connect(settings) as con:
        rows = con.execute(
            "SELECT audit_id, at, actor, action, subject, sha256, outcome, detail "
            "FROM meta.audit ORDER BY audit_id DESC LIMIT ?", (limit,)).fetchall()
    return [AuditRecord(*row) for row in rows]


def session_key(settings: Settings) -> str:
    """The key that signs session cookies: made once, shared by every worker, kept across
    restarts (a restart does not sign everyone out)."""
    with connect(settings) as con:
        con.execute("INSERT OR IGNORE INTO meta.secrets VALUES ('session_key', ?)",
                    (secrets.token_hex(32),))
        row = con.execute("SELECT value FROM meta.secrets WHERE name = 'session_key'").fetchone()
    return str(row[0])
