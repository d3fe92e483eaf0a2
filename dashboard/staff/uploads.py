"""Uploaded files waiting for their "Load": kept in the staff state folder under a random
token, with who sent them, until a day old. A token names a folder the server made; nothing
a user sends becomes a path except through ``secure_filename``.

* **Whole or invisible.** A folder is filled under a temporary name (``.incoming-…``) and
  renamed to its token when complete, so whoever lists the folder (the clean-up of another
  request) never sees half an upload; clean-up removes only what is old by its own clock.
* **Loaded once.** A Load holds a lock on its upload (``flock``, released by the kernel if
  the worker dies) for its whole ingest, so a second Load of the same upload waits, then
  answers "already loaded as load N" from the upload's record (``done.json``).
* **Agreeing after a crash.** Inside the writer's lock, before the new version is swapped in,
  the Load writes ``intent.json`` (the load ids it is about to add). If the worker dies after
  the swap, the next look at the upload (or the next start of the server) finds the intent
  without a ``done.json``, asks the served database whether those loads are there, and
  writes the audit record and ``done.json`` then; if they are not, the intent is dropped and
  the upload can be loaded again.
* **A refusal's report stays.** A refused upload keeps its problems as codes and values
  (``report.json``, no words), so its report page can be shown again, in either language,
  until the upload is a day old; the file itself is kept under ``rejected/`` by the ingest.
"""

from __future__ import annotations

import fcntl
import json
import os
import re
import secrets
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from werkzeug.datastructures import FileStorage
from werkzeug.utils import secure_filename

from dashboard.staff import state
from pipelines.errors import Problem
from pipelines.settings import Settings
from pipelines.sources.raw import sha256_of
from pipelines.submissions import journal

MAX_AGE_S: Final = 24 * 3600
_TOKEN: Final = re.compile(r"[A-Za-z0-9_-]{20,40}")
_INCOMING: Final = ".incoming-"
_POLL_S: Final = 0.1


@dataclass(frozen=True)
class Pending:
    token: str
    path: Path
    name: str
    owner: str
    sha256: str

    @property
    def folder(self) -> Path:
        return self.path.parent

    @property
    def cells(self) -> Path:
        """Where the cells staged at upload are kept for the Load."""
        return self.folder / "cells"


@dataclass(frozen=True)
class Done:
    """What became of a Load: its outcome and load id."""

    outcome: str
    load_id: int


def _folder(settings: Settings) -> Path:
    return settings.state_dir / "uploads"


def _write_json(path: Path, value: dict[str, Any]) -> None:
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_text(json.dumps(value))
    os.replace(temporary, path)


def save(settings: Settings, upload: FileStorage, owner: str) -> Pending:
    """Keep ``upload`` (already within the request size limit) under a new token."""
    clean_old(settings)
    token = secrets.token_urlsafe(18)
    name = secure_filename(upload.filename or "") or "submission"
    incoming = _folder(settings) / f"{_INCOMING}{token}"
    incoming.mkdir(parents=True, mode=0o700)
    upload.save(incoming / name)
    sha256 = sha256_of(incoming / name)
    _write_json(incoming / "upload.json",
                {"name": name, "owner": owner, "sha256": sha256, "at": time.time()})
    folder = _folder(settings) / token
    os.rename(incoming, folder)  # complete: now visible under its token
    return Pending(token, folder / name, name, owner, sha256)


def find(settings: Settings, token: str) -> Pending | None:
    if not _TOKEN.fullmatch(token or ""):
        return None
    folder = _folder(settings) / token
    try:
        meta = json.loads((folder / "upload.json").read_text())
    except (OSError, ValueError):
        return None
    if time.time() - float(meta["at"]) > MAX_AGE_S:
        return None
    return Pending(token, folder / meta["name"], meta["name"], meta["owner"], meta["sha256"])


def discard(settings: Settings, token: str) -> None:
    if _TOKEN.fullmatch(token or ""):
        shutil.rmtree(_folder(settings) / token, ignore_errors=True)


def clean_old(settings: Settings) -> None:
    """Remove uploads older than a day by their own record (``upload.json``), and folders
    still incoming a day after they were made (a worker killed while saving)."""
    folder = _folder(settings)
    if not folder.is_dir():
        return
    now = time.time()
    for entry in folder.iterdir():
        try:
            if entry.name.startswith(_INCOMING):
                old = now - entry.stat().st_mtime > MAX_AGE_S
            elif _TOKEN.fullmatch(entry.name):
                meta = json.loads((entry / "upload.json").read_text())
                old = now - float(meta["at"]) > MAX_AGE_S
            else:
                continue
        except (OSError, ValueError, KeyError):
            continue  # a folder being renamed or removed right now is someone else's
        if old:
            shutil.rmtree(entry, ignore_errors=True)


def done(pending: Pending) -> Done | None:
    try:
        value = json.loads((pending.folder / "done.json").read_text())
    except (OSError, ValueError):
        return None
    return Done(str(value["outcome"]), int(value["load_id"]))


@dataclass(frozen=True)
class Report:
    """The problems of a refused upload: the first of each kind, ``total`` counts them all."""

    name: str
    owner: str
    problems: list[Problem]
    total: int


def keep_report(pending: Pending, problems: list[Problem], total: int, load_id: int) -> None:
    """Keep the report of a refused upload and mark it used up (``done.json``); its file and
    cells are dropped (the ingest kept the file under ``rejected/``)."""
    _write_json(pending.folder / "report.json",
                {"total": total, "problems": [p.to_json() for p in problems]})
    Claim(pending, pending.owner).finish("rejected", load_id)


def report(settings: Settings, token: str) -> Report | None:
    """The kept report of upload ``token``, while the upload is kept."""
    pending = find(settings, token)
    if pending is None:
        return None
    try:
        kept = json.loads((pending.folder / "report.json").read_text())
        problems = [Problem.from_json(p) for p in kept["problems"]]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return Report(pending.name, pending.owner, problems, int(kept["total"]))


class Busy(Exception):
    """Another Load of the same upload held it longer than the writer's timeout."""


@dataclass
class Claim:
    """A Load's hold on its upload (see :func:`claim`)."""

    pending: Pending
    actor: str

    def intend(self, load_ids: list[int]) -> None:
        """Inside the writer's lock, before the swap: what this Load is about to add."""
        _write_json(self.pending.folder / "intent.json",
                    {"load_ids": load_ids, "actor": self.actor, "sha256": self.pending.sha256})

    def finish(self, outcome: str, load_id: int) -> None:
        """The Load is recorded (audit first, by the caller): the upload is used up."""
        _write_json(self.pending.folder / "done.json", {"outcome": outcome, "load_id": load_id})
        (self.pending.folder / "intent.json").unlink(missing_ok=True)
        shutil.rmtree(self.pending.cells, ignore_errors=True)
        self.pending.path.unlink(missing_ok=True)


def audit_detail(load_id: int, what: str) -> str:
    """The audit detail of a Load: it starts with the load id, which reconciling looks for."""
    return f"load {load_id}: {what}"


@contextmanager
def claim(settings: Settings, pending: Pending, actor: str) -> Iterator[Claim | Done]:
    """Hold ``pending`` for one Load, waiting up to the writer's timeout for another Load of
    it. Yields what became of it when it is already used up (after reconciling a Load a dead
    worker left half recorded), else a :class:`Claim`."""
    fd = os.open(pending.folder / "upload.json", os.O_RDONLY)
    try:
        _lock(fd, settings.writer_timeout_s)
        try:
            found = done(pending) or _reconcile(settings, pending)
            yield found if found is not None else Claim(pending, actor)
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def _lock(fd: int, timeout_s: float) -> None:
    deadline = time.monotonic() + timeout_s
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() >= deadline:
                raise Busy from None
            time.sleep(_POLL_S)


def _reconcile(settings: Settings, pending: Pending) -> Done | None:
    """An intent without a record: a Load whose worker died. Settle it from the served
    database (the upload's lock is held): its audit record and ``done.json`` when the load
    is there, else the upload may be loaded again."""
    try:
        intent = json.loads((pending.folder / "intent.json").read_text())
    except (OSError, ValueError):
        return None
    present = journal.loads_recorded(settings.db_path, [int(i) for i in intent["load_ids"]],
                                     pending.sha256)
    if not present:
        (pending.folder / "intent.json").unlink(missing_ok=True)
        return None
    load_id, outcome = present[0]
    if not state.audit_exists(settings, "load", audit_detail(load_id, "")):
        state.audit(settings, str(intent["actor"]), "load", outcome, subject=pending.name,
                    sha256=pending.sha256,
                    detail=audit_detail(load_id, "recorded after its worker stopped"))
    Claim(pending, str(intent["actor"])).finish(outcome, load_id)
    return Done(outcome, load_id)


def reconcile_all(settings: Settings) -> int:
    """At start-up: settle every upload left with an intent by a dead worker (uploads held
    by a live Load are skipped). Returns how many were settled."""
    folder = _folder(settings)
    settled = 0
    for intent in folder.glob("*/intent.json") if folder.is_dir() else []:
        pending = find(settings, intent.parent.name)
        if pending is None or done(pending) is not None:
            continue
        fd = os.open(intent.parent / "upload.json", os.O_RDONLY)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            continue
        try:
            settled += _reconcile(settings, pending) is not None
        finally:
            os.close(fd)  # closing drops the lock
    return settled
