"""Uploaded files waiting for their "Load": kept in the staff state folder under a random
token, with who sent them, until loaded or a day old. A token names a folder the server
made; nothing a user sends becomes a path except through ``secure_filename``."""

from __future__ import annotations

import json
import re
import secrets
import shutil
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from werkzeug.datastructures import FileStorage
from werkzeug.utils import secure_filename

from pipelines.settings import Settings
from pipelines.sources.raw import sha256_of

MAX_AGE_S: Final = 24 * 3600
_TOKEN: Final = re.compile(r"[A-Za-z0-9_-]{20,40}")


@dataclass(frozen=True)
class Pending:
    token: str
    path: Path
    name: str
    owner: str
    sha256: str


def _folder(settings: Settings) -> Path:
    return settings.state_dir / "uploads"


def save(settings: Settings, upload: FileStorage, owner: str) -> Pending:
    """Keep ``upload`` (already within the request size limit) under a new token."""
    clean_old(settings)
    token = secrets.token_urlsafe(18)
    name = secure_filename(upload.filename or "") or "submission"
    folder = _folder(settings) / token
    folder.mkdir(parents=True, mode=0o700)
    path = folder / name
    upload.save(path)
    pending = Pending(token, path, name, owner, sha256_of(path))
    (folder / "upload.json").write_text(json.dumps(
        {"name": name, "owner": owner, "sha256": pending.sha256, "at": time.time()}))
    return pending


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
    path = folder / meta["name"]
    if not path.is_file():
        return None
    return Pending(token, path, meta["name"], meta["owner"], meta["sha256"])


def discard(settings: Settings, token: str) -> None:
    if _TOKEN.fullmatch(token or ""):
        shutil.rmtree(_folder(settings) / token, ignore_errors=True)


def clean_old(settings: Settings) -> None:
    folder = _folder(settings)
    if not folder.is_dir():
        return
    for entry in folder.iterdir():
        marker = entry / "upload.json"
        try:
            old = time.time() - marker.stat().st_mtime > MAX_AGE_S
        except OSError:
            old = True
        if old:
            shutil.rmtree(entry, ignore_errors=True)
