"""Slow clients against ``make serve`` (issue 21, item 1).

``python -m benchmarks.slow_clients [--slow 50] [--seconds 60]``

The production stack as ``make serve`` runs it (``deploy/serve.sh``: nginx on a loopback
port in front of gunicorn with the repository's config on a unix socket), on a real build.
A normal client measures the latency of a mix of requests (pages, the API, a download) for
``--seconds``, alone, then again while ``--slow`` connections send their request headers a
byte a second (each reconnecting when nginx closes it), as an attacker would to occupy
every request thread. Budget: the p95 with the slow clients within 2x of the p95 without
them, and no failed request.
"""

from __future__ import annotations

import argparse
import os
import signal
import socket
import statistics
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import requests

from benchmarks.results import Run, add_results_option, command_line
from benchmarks.server import free_port
from pipelines.settings import REPO_ROOT, load_settings

PATHS = ("/", "/api/v1/indicators", "/pillar/support", "/download/indicators.csv",
         "/?lang=fr")


@contextmanager
def served(work: Path, python: str | None = None) -> Iterator[str]:
    """``deploy/serve.sh`` on a free loopback port, its files under ``work``; stopped as
    Ctrl-C stops it (SIGTERM to the script), and waited for."""
    import sys

    from pipelines.build import build_database

    db = work / "strategy.duckdb"
    if not db.exists():
        build_database(load_settings(env={}, db_path=db))
    port = free_port()
    # nginx's workers (nobody, under root) reach the socket through every folder above it:
    # a folder of its own under /tmp, open to them (the caller's may not be).
    serve_dir = Path(tempfile.mkdtemp(prefix="tracker-serve-"))
    serve_dir.chmod(0o755)
    (work / "serve").unlink(missing_ok=True)
    (work / "serve").symlink_to(serve_dir)
    env = {**os.environ, "PORT": str(port), "HOST": "127.0.0.1", "STRATEGY_DB": str(db),
           "STRATEGY_STATE_DIR": str(work / "state"), "SERVE_DIR": str(serve_dir),
           "PY": python or sys.executable, "DASH_DEBUG": "0"}
    log = (work / "serve.log").open("wb")
    process = subprocess.Popen([str(REPO_ROOT / "deploy/serve.sh")], cwd=REPO_ROOT, env=env,
                               stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait(url, process)
        yield url
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        log.close()


def _wait(url: str, process: subprocess.Popen[bytes], timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"make serve's stack exited with code {process.returncode}")
        try:
            if requests.get(url + "/", timeout=5).status_code == 200:
                return
        except requests.RequestException:
            pass
        time.sleep(0.5)
    raise RuntimeError(f"make serve's stack did not answer at {url} within {timeout} s")


def slow_client(port: int, stop: threading.Event, opened: list[int]) -> None:
    """Send a request's headers a byte a second, forever (reconnecting), until ``stop``."""
    while not stop.is_set():
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
                opened.append(1)
                sock.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
                while not stop.wait(1.0):
                    sock.sendall(b"a")
        except OSError:
            stop.wait(0.2)  # closed by nginx's header timeout: open another


def measure(url: str, seconds: float) -> tuple[list[float], int]:
    """Latencies (ms) of the normal mix for ``seconds``, and how many requests failed."""
    latencies, failed = [], 0
    deadline = time.monotonic() + seconds
    with requests.Session() as session:
        n = 0
        while time.monotonic() < deadline:
            started = time.perf_counter()
            try:
                ok = session.get(url + PATHS[n % len(PATHS)], timeout=15).status_code == 200
            except requests.RequestException:
                ok = False
            latencies.append((time.perf_counter() - started) * 1000)
            failed += not ok
            n += 1
    return latencies, failed


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1] if len(values) >= 2 else float("nan")


def run(slow: int, seconds: float, work: Path | None = None) -> dict[str, Any]:
    work = work or Path(tempfile.mkdtemp(prefix="slow-clients-"))
    with served(work) as url:
        measure(url, 3)  # warm the caches and the workers
        alone, failed_alone = measure(url, seconds)
        stop, opened = threading.Event(), []
        port = int(url.rsplit(":", 1)[1])
        clients = [threading.Thread(target=slow_client, args=(port, stop, opened), daemon=True)
                   for _ in range(slow)]
        for client in clients:
            client.start()
        time.sleep(2)  # every slow connection open
        attacked, failed = measure(url, seconds)
        stop.set()
        for client in clients:
            client.join(timeout=10)
    return {"slow": slow, "seconds": seconds, "p95_alone": p95(alone),
            "p95_attacked": p95(attacked), "requests": len(alone) + len(attacked),
            "failed": failed + failed_alone, "slow_connections": len(opened)}


def main(argv: list[str] | None = None) -> Run:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--slow", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    add_results_option(parser)
    args = parser.parse_args(argv)
    result = Run("slow_clients", command_line("benchmarks.slow_clients", argv),
                 {"slow_clients": args.slow, "seconds": args.seconds})
    r = run(args.slow, args.seconds)
    print(f"p95 alone {r['p95_alone']:.1f} ms, with {r['slow']} slow clients "
          f"{r['p95_attacked']:.1f} ms; {r['failed']} failed of {r['requests']}; "
          f"{r['slow_connections']} slow connections opened")
    what = f"make serve, {r['slow']} clients sending headers a byte a second for {args.seconds:g} s"
    result.add("p95_ratio", f"{what}: p95 of a normal request mix (ms)", r["p95_attacked"], "ms",
               r["p95_alone"], "the same mix without the slow clients")
    result.add("failed_requests", f"{what}: failed normal requests of {r['requests']}",
               r["failed"], "requests")
    print("wrote", result.write(args.results))
    return result


if __name__ == "__main__":
    main()
