"""Start the production server (gunicorn with ./gunicorn.conf.py) in a subprocess on
127.0.0.1, for the benchmarks and the serving tests."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import psutil

from pipelines.settings import REPO_ROOT

REAL_APP = "dashboard.wsgi:server"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Server:
    url: str
    process: subprocess.Popen[bytes]

    def workers(self) -> list[psutil.Process]:
        return psutil.Process(self.process.pid).children()


def wait_until_up(url: str, process: subprocess.Popen[bytes], timeout: float = 30) -> None:
    """Return once ``url`` answers; fail if the server process dies or the time runs out."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server for {url} exited with code {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"the server did not answer at {url} within {timeout}s")


@contextmanager
def gunicorn(
    db: Path,
    *,
    app: str = REAL_APP,
    workers: int | None = None,
    env: Mapping[str, str] | None = None,
    log: Path | None = None,
    options: Sequence[str] = (),
) -> Iterator[Server]:
    """gunicorn serving ``db`` on a free loopback port; stopped (and waited for) on exit.
    ``options`` are gunicorn flags; they override the same settings of gunicorn.conf.py."""
    port = free_port()
    command = [sys.executable, "-m", "gunicorn", app, "--bind", f"127.0.0.1:{port}", *options]
    if workers is not None:
        command += ["--workers", str(workers)]
    # Settings travel as gunicorn --env flags (set in the master before the app is loaded);
    # debug is pinned off so a stray DASH_DEBUG in the caller's shell cannot skew a run.
    for name, value in {"DASH_DEBUG": "0", **(env or {}), "STRATEGY_DB": str(db)}.items():
        command += ["--env", f"{name}={value}"]
    # Logs go to a file (or nowhere): an unread pipe would fill and stall the server.
    sink = log.open("wb") if log else subprocess.DEVNULL
    process = subprocess.Popen(command, cwd=REPO_ROOT, stdout=sink,
                               stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(url + "/", process, timeout=60)
        yield Server(url, process)
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if log:
            sink.close()  # type: ignore[union-attr]

