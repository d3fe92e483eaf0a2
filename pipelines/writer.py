"""The one writer (docs/architecture.md › One writer).

Every change to the database (a build, an ingest, a rejected load's record, a snapshot, a
staff form) runs through this module, one at a time across every process:

* an exclusive ``flock`` on a lock file beside the database is held for the whole
  read-copy-modify-swap cycle; the kernel drops it when its holder exits, even on ``kill -9``;
* inside it, temporary copies left by killed writers are removed, the database is copied (or,
  for a build, created) into a temporary file beside it, the change runs in one transaction,
  the marts are recomputed, the checks run, a new ``meta.build_info.data_version`` is stored,
  and the file is checkpointed, fsynced and swapped in with ``os.replace``.

Readers never lock: they open the served file read-only and see the old or the new version,
never half of one. A writer that cannot get the lock within ``settings.writer_timeout_s``
raises :class:`WriterBusy` ("busy, try again").

Every write logs one line (:mod:`pipelines.logs`): what, who (``actor``), its outcome, the
``data_version`` before and after, and how long it took; the code inside may word the
outcome with :func:`note`. Each new version also takes in the refusals recorded since the
last write (:mod:`pipelines.submissions.journal`), which were kept out of the served file so
that a refusal never takes the lock nor changes the data version.

    with writer.transaction(settings, reason="deliverable status") as con:
        con.execute("INSERT INTO ...", {...})

    with writer.rebuild(settings, reason="build") as fresh:
        ...create everything in fresh.con, copying what must survive from fresh.previous...
"""

from __future__ import annotations

import fcntl
import glob
import os
import secrets
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path

import duckdb

from pipelines import logs, periods, sql
from pipelines.errors import DatabaseNotBuilt, TrackerError
from pipelines.marts import build_marts
from pipelines.settings import Settings

TEMP_SUFFIX = ".writing"
COMMAND_LINE = "command line"  # who writes when no signed-in person does
_POLL_S = 0.05
_WRITE: ContextVar[logs.Write | None] = ContextVar("tracker_write", default=None)


class WriterBusy(TrackerError):
    """Another write held the database for longer than ``settings.writer_timeout_s``. Nothing
    was written; try again (the web answers "busy, try again")."""

    outcome = "busy"


def note(*, outcome: str | None = None, detail: str | None = None) -> None:
    """Word the outcome of the write in progress in this thread (its log line)."""
    write = _WRITE.get()
    if write is not None:
        write.outcome = outcome or write.outcome
        write.detail = detail if detail is not None else write.detail


@dataclass(frozen=True)
class Fresh:
    """A new, empty database being built (:func:`rebuild`) and the served one it replaces
    (``None`` on a first build); ``previous`` does not change while the lock is held."""

    con: duckdb.DuckDBPyConnection
    previous: Path | None


def lock_path(db: Path) -> Path:
    return db.with_name(f".{db.name}.lock")


def temporary_files(db: Path) -> list[Path]:
    """Files beside ``db`` that only a writer creates: its copies in progress, their WAL and
    the temporary names of earlier versions of this module. Outside the lock they may be a
    live writer's; inside it they can only be left over from a killed one."""
    keep = lock_path(db).name
    pattern = os.path.join(glob.escape(str(db.parent)), f".{glob.escape(db.name)}.*")
    return [Path(p) for p in glob.glob(pattern) if Path(p).name != keep]


@contextmanager
def exclusive(settings: Settings, *, reason: str, actor: str = COMMAND_LINE) -> Iterator[None]:
    """Hold the writer lock for ``settings.db_path`` (waiting at most
    ``settings.writer_timeout_s``), after clearing what killed writers left behind. A snapshot,
    which writes beside the database rather than into it, runs under this alone. Logs the
    write (one line, when the lock is let go)."""
    db = settings.db_path
    db.parent.mkdir(parents=True, exist_ok=True)
    with logs.logged(reason, actor) as write:
        fd = os.open(lock_path(db), os.O_RDWR | os.O_CREAT, 0o644)
        try:
            _acquire(fd, settings.writer_timeout_s)
            token = _WRITE.set(write)
            try:
                write.data_version_before = _version(db)
                _note_holder(fd, reason)
                for path in temporary_files(db):
                    path.unlink(missing_ok=True)
                yield
            finally:
                _WRITE.reset(token)
                write.data_version_after = _version(db)
                fcntl.flock(fd, fcntl.LOCK_UN)
        finally:
            os.close(fd)


def _version(db: Path) -> str | None:
    try:
        return data_version(db) if db.exists() else None
    except duckdb.Error:  # a file from before meta.build_info
        return None


def _acquire(fd: int, timeout_s: float) -> None:
    # Polling rather than a blocking flock: a blocking call cannot time out without signals,
    # and signals are unusable from the web server's request threads.
    deadline = time.monotonic() + timeout_s
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() >= deadline:
                holder = os.pread(fd, 200, 0).decode("utf-8", "replace").strip()
                raise WriterBusy(f"the database is busy ({holder or 'another write'}); "
                                 "nothing was written, try again in a moment") from None
            time.sleep(_POLL_S)


def _note_holder(fd: int, reason: str) -> None:
    """Say in the lock file who holds it, for the "busy" message of whoever waits."""
    os.ftruncate(fd, 0)
    os.pwrite(fd, f"{reason}, process {os.getpid()}\n".encode(), 0)


def _temporary(db: Path) -> Path:
    return db.with_name(f".{db.name}.{os.getpid()}-{secrets.token_hex(4)}{TEMP_SUFFIX}")


@contextmanager
def transaction(settings: Settings, *, reason: str, marts: bool = True,
                actor: str = COMMAND_LINE) -> Iterator[duckdb.DuckDBPyConnection]:
    """Change the served database in one transaction on a copy that replaces it when
    complete. ``marts=False`` when the change already recomputed them (``publish`` does)."""
    db = settings.db_path
    if not db.exists():
        raise DatabaseNotBuilt(f"no database at {db}; run: python -m pipelines build")
    with exclusive(settings, reason=reason, actor=actor):
        temporary = _temporary(db)
        folded: list[int] = []
        try:
            shutil.copyfile(db, temporary)
            with _session(temporary, settings, marts, folded) as con:
                yield con
            _swap(temporary, db)
            _forget(db, folded)
        finally:
            _discard(temporary)


@contextmanager
def rebuild(settings: Settings, *, reason: str, marts: bool = True,
            actor: str = COMMAND_LINE) -> Iterator[Fresh]:
    """Create the database anew in one transaction; it replaces the served one when
    complete. The caller copies whatever must survive from ``Fresh.previous``."""
    db = settings.db_path
    with exclusive(settings, reason=reason, actor=actor):
        temporary = _temporary(db)
        folded: list[int] = []
        try:
            with _session(temporary, settings, marts, folded) as con:
                yield Fresh(con, db if db.exists() else None)
            _swap(temporary, db)
            _forget(db, folded)
        finally:
            _discard(temporary)


def _fold(con: duckdb.DuckDBPyConnection, db: Path) -> list[int]:
    """The refusals recorded since the last write, into this version's ``meta.loads``."""
    from pipelines.submissions import journal  # imported late: submissions imports writer

    if not sql.table_exists(con, "meta.loads"):
        return []
    return journal.fold(con, db)


def _forget(db: Path, folded: list[int]) -> None:
    from pipelines.submissions import journal

    journal.forget(db, folded)


@contextmanager
def _session(path: Path, settings: Settings, marts: bool,
             folded: list[int]) -> Iterator[duckdb.DuckDBPyConnection]:
    con = duckdb.connect(str(path))
    try:
        con.execute(periods.sql_macros())
        con.execute("BEGIN TRANSACTION")
        try:
            yield con
            folded += _fold(con, settings.db_path)
            if marts:
                build_marts(con, settings)
            sql.run_checks(con)
            con.execute("INSERT OR REPLACE INTO meta.build_info VALUES ('data_version', $v)",
                        {"v": secrets.token_hex(16)})
            con.execute("COMMIT")
        except BaseException:
            with suppress(duckdb.Error):  # a failed COMMIT has already ended the transaction
                con.execute("ROLLBACK")
            raise
        con.execute("CHECKPOINT")
    finally:
        con.close()


def _swap(temporary: Path, db: Path) -> None:
    """Make the new version durable, then atomic: a crash leaves the old file or the new one."""
    _fsync(temporary)
    os.replace(temporary, db)
    _fsync(db.parent)


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _discard(temporary: Path) -> None:
    temporary.unlink(missing_ok=True)
    Path(f"{temporary}.wal").unlink(missing_ok=True)


def data_version(db: Path) -> str | None:
    """The ``data_version`` of the served file (a new hex id at every write)."""
    with duckdb.connect(str(db), read_only=True) as con:
        row = con.execute("SELECT value FROM meta.build_info WHERE key = 'data_version'"
                          ).fetchone()
    return str(row[0]) if row else None
