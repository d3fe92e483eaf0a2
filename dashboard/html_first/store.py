"""Rendered pages on disk, shared by every worker and kept across restarts: one folder per
generation (data version, snapshots, day and site address: everything a page's render reads
besides its own path, query and language), one gzip file per page.

The warm-up (:mod:`dashboard.html_first.warm`) fills a generation's folder after a write and
marks it complete; any worker then answers those pages from here, a fresh one too. Only the
warm-up writes, so the folder holds a bounded set: the default view of every public page in
both languages. Files are written whole (a temporary name, then ``os.replace``), so a reader
sees a page or no page, never half of one. Older generations are removed once a newer one is
complete.
"""

from __future__ import annotations

import contextlib
import fcntl
import gzip
import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Final

from pipelines.settings import Settings

COMPLETE: Final = "complete.json"
LOCK: Final = ".warm.lock"
# "json": the layout as Dash sends it; "html": the page's markup; "version": the data version
# it was rendered from.
Entry = dict[str, str]


def store_root(settings: Settings) -> Path:
    """``<database folder>/<database name>-pages/``: beside the data it was rendered from
    (not ``.<name>.*``, which the one writer clears as its own leftovers)."""
    db = Path(settings.db_path)
    return db.parent / f"{db.stem}-pages"


class PageStore:
    """The rendered pages of every generation under ``root``."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def _folder(self, generation: str) -> Path:
        return self.root / generation

    def get(self, generation: str, key: str) -> Entry | None:
        try:
            data = (self._folder(generation) / f"{key}.json.gz").read_bytes()
        except OSError:
            return None
        found: Entry = json.loads(gzip.decompress(data))
        return found

    def put(self, generation: str, key: str, entry: Entry) -> None:
        folder = self._folder(generation)
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / f"{key}.json.gz"
        temporary = folder / f".{key}.{os.getpid()}.tmp"
        temporary.write_bytes(gzip.compress(json.dumps(entry).encode(), compresslevel=6))
        os.replace(temporary, target)

    def complete(self, generation: str) -> bool:
        return (self._folder(generation) / COMPLETE).is_file()

    def mark_complete(self, generation: str, summary: dict[str, object]) -> None:
        folder = self._folder(generation)
        folder.mkdir(parents=True, exist_ok=True)
        temporary = folder / f".{COMPLETE}.tmp"
        temporary.write_text(json.dumps(summary, indent=2), encoding="utf-8")
        os.replace(temporary, folder / COMPLETE)

    def prune(self, keep: str) -> None:
        """Remove every generation but ``keep``."""
        for folder in self.root.glob("*"):
            if folder.is_dir() and folder.name != keep:
                shutil.rmtree(folder, ignore_errors=True)

    @contextlib.contextmanager
    def warming(self) -> Iterator[bool]:
        """Hold the warm-up lock if nobody does: yields whether this process got it (one
        warm-up at a time, across every worker and process)."""
        self.root.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.root / LOCK, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                yield False
                return
            try:
                yield True
            finally:
                fcntl.flock(fd, fcntl.LOCK_UN)
        finally:
            os.close(fd)

    def busy(self) -> bool:
        """Whether a warm-up holds the lock now."""
        with self.warming() as got:
            return not got
