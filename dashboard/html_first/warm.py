"""No reader meets a cold render: after every write, the default view of every public page in
both languages is rendered into the store every worker reads (:mod:`.store`).

``python -m dashboard.html_first.warm [--db PATH]``

Whoever made the write (a build, an ingest, a staff Load or deliverable record, a snapshot;
from the command line or the web), each server process notices the new data within
:data:`POLL_S` (:class:`Watcher`: a thread that compares the store's complete generations
with the one now on disk) and starts this command in a process of its own at low CPU
priority, so the writer is never blocked and the workers keep answering readers. One warm-up
runs at a time across every process (a lock in the store); it renders with the database
pinned to the version it started on, stops if another write supersedes it, and marks the
generation complete when every page is in. Until then a page not yet in the store is
rendered by its request, from the new data: nothing older is ever served (the version is in
every key).
"""

from __future__ import annotations

import argparse
import logging
import os
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Final

import dash

from dashboard.context import DB_CONFIG_KEY, SETTINGS_CONFIG_KEY
from dashboard.database import Database
from dashboard.html_first.document import first_page
from dashboard.html_first.store import PageStore, store_root
from dashboard.page_cache import PAGE_STORE_CONFIG_KEY, generation
from dashboard.site_pages import public_pages
from pipelines.settings import REPO_ROOT, Settings, load_settings

LOG = logging.getLogger(__name__)
LANGS: Final = ("en", "fr")
POLL_S: Final = 2.0
RETRY_AFTER_FAILURE_S: Final = 60.0
NICENESS: Final = 10


@dataclass(frozen=True)
class Outcome:
    """What one warm-up did: "complete", "already complete", "busy", "superseded" (a newer
    write came) or "orphaned" (the server that started it stopped)."""

    state: str
    generation: str = ""
    rendered: int = 0
    seconds: float = 0.0


def current_generation(settings: Settings, db: Database) -> tuple[str, str]:
    """(data version now on disk, its store generation)."""
    with db.pinned() as version:
        return version, generation(settings, version)



def warm(app: dash.Dash, parent: int | None = None) -> Outcome:
    """Render every public page's default view, both languages, into the store; stop when
    the process ``parent`` (the server that started this one) is gone."""
    server = app.server
    settings: Settings = server.config[SETTINGS_CONFIG_KEY]
    db: Database = server.config[DB_CONFIG_KEY]
    store: PageStore = server.config[PAGE_STORE_CONFIG_KEY]
    url_root = settings.public_url.rstrip("/") + "/"
    started = time.monotonic()
    with store.warming() as mine:
        if not mine:
            return Outcome("busy")
        with server.test_request_context("/", base_url=url_root):
            version, gen = current_generation(settings, db)
            if store.complete(gen):
                return Outcome("already complete", gen)
            # The pages readers reach first (the navigation's) first, the embeds last.
            pages = sorted(public_pages(db), key=lambda p: ("<" in p.template,
                                                            p.template.startswith("/embed/")))
        rendered, failed = 0, []
        for page in pages:
            for lang in LANGS:
                with server.test_request_context(page.path, query_string={"lang": lang},
                                                 base_url=url_root), db.pinned() as now:
                    if now != version:
                        return Outcome("superseded", gen, rendered)
                    if parent is not None and os.getppid() != parent:
                        return Outcome("orphaned", gen, rendered)
                    try:
                        first_page(app, page.path, f"?lang={lang}", persist=True)
                        rendered += 1
                    except Exception:  # that page renders (and fails) on request instead
                        LOG.exception("warm-up: %s?lang=%s failed", page.path, lang)
                        failed.append(f"{page.path}?lang={lang}")
        seconds = time.monotonic() - started
        # Complete even with a failed page: another try would fail the same way, over and
        # over; the summary names it.
        store.mark_complete(gen, {"data_version": version, "url_root": url_root,
                                  "pages": rendered, "failed": failed,
                                  "seconds": round(seconds, 1)})
        store.prune(keep=gen)
        return Outcome("complete", gen, rendered, seconds)


def wait_until_warm(settings: Settings, timeout_s: float) -> bool:
    """Wait until the store holds every page of the data now on disk; False when
    ``timeout_s`` passes first (benchmarks measure the warm site)."""
    store, db = PageStore(store_root(settings)), Database(settings)
    deadline = time.monotonic() + timeout_s
    try:
        while time.monotonic() < deadline:
            if store.complete(current_generation(settings, db)[1]):
                return True
            time.sleep(1)
        return False
    finally:
        db.close()


class Watcher(threading.Thread):
    """In each server process: start a warm-up whenever the data on disk has no complete
    generation in the store."""

    def __init__(self, settings: Settings, db: Database) -> None:
        super().__init__(name="page-warm-up watcher", daemon=True)
        self.settings = settings
        self.store = PageStore(store_root(settings))
        self.db = db
        self.process: subprocess.Popen[bytes] | None = None
        self.failed: dict[str, float] = {}

    def run(self) -> None:
        while True:
            try:
                self.check()
            except Exception:  # a missing database, a full disk: try again later
                LOG.exception("page warm-up check failed")
            time.sleep(POLL_S)

    def check(self) -> None:
        if self.process is not None:
            if self.process.poll() is None:
                return
            self.process = None
        _, gen = current_generation(self.settings, self.db)
        recent = time.monotonic() - self.failed.get(gen, -RETRY_AFTER_FAILURE_S)
        if self.store.complete(gen) or self.store.busy() or recent < RETRY_AFTER_FAILURE_S:
            return
        self.process = spawn(self.settings)
        self.failed[gen] = time.monotonic()  # forgotten once the generation completes


def spawn(settings: Settings) -> subprocess.Popen[bytes]:
    """The warm-up command in a process of its own (which lowers its own CPU priority), with
    this server's settings (its environment)."""
    command = [sys.executable, "-m", "dashboard.html_first.warm", "--db",
               str(settings.db_path), "--server-child"]
    return subprocess.Popen(command, cwd=REPO_ROOT, stdin=subprocess.DEVNULL)


_watchers: dict[int, Watcher] = {}
_lock = threading.Lock()


def watch(settings: Settings, db: Database) -> None:
    """Start this process's watcher (once per process: a forked worker starts its own)."""
    if os.getpid() in _watchers or not settings.page_warmup or settings.page_cache_entries <= 0:
        return
    with _lock:
        if os.getpid() in _watchers:
            return
        watcher = Watcher(settings, db)
        _watchers[os.getpid()] = watcher
        watcher.start()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="default: STRATEGY_DB or the build's")
    parser.add_argument("--server-child", action="store_true",
                        help="stop when the server process that started this one stops")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    # Readers first: the workers answering them keep the CPU when both want it.
    os.nice(NICENESS)
    from dashboard.app import create_app, finish_setup

    app = create_app(load_settings(db_path=args.db))
    finish_setup(app.server)
    outcome = warm(app, parent=os.getppid() if args.server_child else None)
    LOG.info("page warm-up %s: %s (%d pages, %.1f s)", outcome.generation, outcome.state,
             outcome.rendered, outcome.seconds)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
