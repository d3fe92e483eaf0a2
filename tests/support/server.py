"""The one way the tests start a server: ``python -m dashboard`` (as ``make run`` serves it)
or gunicorn with the repository's config (as ``make serve`` does), in a subprocess on
127.0.0.1 and a free port; or a WSGI app in a thread of the test process."""

from __future__ import annotations

import http.server
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import psutil
from werkzeug.serving import make_server

from pipelines.settings import REPO_ROOT

START_TIMEOUT_S = 60  # a loaded 2-core machine imports Dash slowly; a live server answers fast
STARTS = 3  # another process may take the free port between asking and binding: try again


@dataclass
class Server:
    url: str
    process: subprocess.Popen[bytes]

    def workers(self) -> list[psutil.Process]:
        return psutil.Process(self.process.pid).children()


class ServerExited(RuntimeError):
    """The server process ended before it answered."""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def clean_environment(**extra: str) -> dict[str, str]:
    """This process's environment without the tracker's own settings (``STRATEGY_*``), so a
    variable in the caller's shell cannot point a test's server at another database or
    folder, with the page warm-up off, plus ``extra``."""
    kept = {k: v for k, v in os.environ.items() if not k.startswith("STRATEGY_")}
    # No warm-up of every page after each write (a process rendering hundreds of pages per
    # server) unless the test is about it: tests/dashboard/test_warm_after_write.py.
    return {**kept, "DASH_DEBUG": "0", "STRATEGY_PAGE_WARMUP": "0", **extra}


def wait_until_up(url: str, process: subprocess.Popen[Any],
                  timeout: float = START_TIMEOUT_S) -> None:
    """Return once ``url`` answers; fail if the server process dies or the time runs out."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise ServerExited(f"the server for {url} exited with code {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"the server did not answer at {url} within {timeout}s")


def _stop(process: subprocess.Popen[Any]) -> None:
    process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@contextmanager
def _started(command: Sequence[str], env: Mapping[str, str], ready: str,
             log: Path | None, port: int | None = None) -> Iterator[Server]:
    """Start ``command`` (whose ``{port}`` is ``port``, or a free port) until one start
    answers at ``ready``; stop it (and wait for it) on exit."""
    starts = STARTS if port is None else 1
    for attempt in range(1, starts + 1):
        port = free_port() if starts > 1 else port
        sink: IO[bytes] | int = log.open("ab") if log else subprocess.DEVNULL
        url = f"http://127.0.0.1:{port}"
        # The server's own address is its public one (absolute links, accepted Host names),
        # as STRATEGY_PUBLIC_URL is set in production, unless the test sets another.
        process = subprocess.Popen([part.format(port=port) for part in command], cwd=REPO_ROOT,
                                   env={"STRATEGY_PUBLIC_URL": url, **env}, stdout=sink,
                                   stderr=subprocess.STDOUT)
        try:
            try:
                wait_until_up(url + ready, process)
            except ServerExited:
                if attempt == starts:
                    raise
                continue
            yield Server(url, process)
            return
        finally:
            _stop(process)
            if not isinstance(sink, int):
                sink.close()


@contextmanager
def dashboard(db: Path | None = None, *, state_dir: Path, data_dir: Path | None = None,
              env: Mapping[str, str] | None = None, ready: str = "/",
              log: Path | None = None, port: int | None = None) -> Iterator[Server]:
    """``python -m dashboard`` serving ``db``, with its staff state in ``state_dir`` (never the
    repository's data/state) and, when given, its data folder in ``data_dir``. ``port``
    when the server's address must be known before it starts (otherwise a free one)."""
    settings = {"STRATEGY_STATE_DIR": str(state_dir), **(env or {})}
    if data_dir is not None:
        settings["STRATEGY_DATA_DIR"] = str(data_dir)
    command = [sys.executable, "-m", "dashboard", "--host", "127.0.0.1", "--port", "{port}"]
    if db is not None:
        command += ["--db", str(db)]
    with _started(command, clean_environment(**settings), ready, log, port) as server:
        yield server


@contextmanager
def gunicorn(db: Path, *, state_dir: Path, workers: int | None = None,
             env: Mapping[str, str] | None = None, log: Path | None = None,
             options: Sequence[str] = ()) -> Iterator[Server]:
    """gunicorn with ./gunicorn.conf.py serving ``db``. ``options`` are gunicorn flags; they
    override the same settings of gunicorn.conf.py."""
    command = [sys.executable, "-m", "gunicorn", "dashboard.wsgi:server",
               "--bind", "127.0.0.1:{port}", *options]
    if workers is not None:
        command += ["--workers", str(workers)]
    settings = {"STRATEGY_DB": str(db), "STRATEGY_STATE_DIR": str(state_dir), **(env or {})}
    with _started(command, clean_environment(**settings), "/", log) as server:
        yield server


@contextmanager
def in_thread(app: Any) -> Iterator[str]:
    """A WSGI ``app`` served over HTTP on 127.0.0.1 (a port of the system's choosing) by a
    thread of this process; its base URL."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1},
                              daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(timeout=5)
        server.server_close()


@contextmanager
def static_page(body: bytes) -> Iterator[str]:
    """Another site on a loopback port that answers every GET with ``body`` (an HTML page):
    a neutral site to leave for, or a host page that frames the tracker."""

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *_: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
