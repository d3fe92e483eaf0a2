"""Worker recycling and rebuilds under load: no request may fail, no worker may die by a signal.

``python -m benchmarks.recycle [--users 20] [--seconds 60] [--max-requests 200]
[--rebuild-every 5]``

gunicorn runs with the repository's ``gunicorn.conf.py``; only ``max_requests`` is lowered (on
the command line, which overrides the file) so that every worker is recycled several times
during the run (on a busy machine the run goes on past ``--seconds``, up to three times as
long, until every worker has recycled twice). Meanwhile ``python -m pipelines build``
rebuilds the served database every few seconds (alternating with ``--demo`` so the data
really changes). Each user is a thread with its own keep-alive HTTP session (as a browser or
a proxy keeps one) sending real page loads, the page-routing callback and a small download,
one after another without pause. Every answer must be a 200; any exception (a reset, a
refused connection, a timeout) is a failure. The log is then read for workers killed by a
signal and for recycles.
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import requests

from benchmarks.results import Run, add_results_option, command_line
from benchmarks.server import gunicorn
from dashboard.routing import page_request
from pipelines.build import build_database
from pipelines.settings import REPO_ROOT, load_settings

PAGES = ("/", "/?lang=fr", "/pillar/support", "/indicator/frontline_workers_trained",
         "/deliverables", "/data")
CALLBACKS = ("/", "/pillar/awareness", "/indicator/frontline_workers_trained")
DOWNLOAD = "/download/indicators.csv"
SIGNAL_LINE = re.compile(r"Worker \(pid:\d+\) was sent (SIG\w+|signal \d+)")
EXIT_LINE = re.compile(r"Worker \(pid:\d+\) exited with code (\d+)")


@dataclass
class Outcomes:
    """Per-request outcomes, appended by every user thread."""

    statuses: Counter[str] = field(default_factory=Counter)
    failures: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, kind: str, status: int | None, error: str | None = None) -> None:
        with self.lock:
            self.statuses[f"{kind} {status}"] += 1
            if status != 200:
                self.failures.append(error or f"{kind}: HTTP {status}")


def _one(session: requests.Session, base: str, n: int) -> tuple[str, int]:
    if n % 3 == 0:
        path = CALLBACKS[n // 3 % len(CALLBACKS)]
        response = session.post(base + "/_dash-update-component",
                                data=json.dumps(page_request(path)),
                                headers={"Content-Type": "application/json"}, timeout=60)
        return "callback", response.status_code
    if n % 7 == 1:
        return "download", session.get(base + DOWNLOAD, timeout=60).status_code
    return "page", session.get(base + PAGES[n % len(PAGES)], timeout=60).status_code


def user(base: str, stop: threading.Event, outcomes: Outcomes, offset: int) -> None:
    with requests.Session() as session:
        for n in itertools.count(offset):
            if stop.is_set():
                return
            try:
                outcomes.record(*_one(session, base, n))
            except requests.RequestException as error:  # a reset, refusal or timeout
                outcomes.record("error", None, f"{type(error).__name__}: {error}")


def rebuild_loop(db: Path, every: float, stop: threading.Event, count: list[int]) -> None:
    for n in itertools.count():
        if stop.wait(every):
            return
        command = [sys.executable, "-m", "pipelines", "build", "--db", str(db)]
        subprocess.run(command + (["--demo"] if n % 2 == 0 else []), cwd=REPO_ROOT,
                       check=True, capture_output=True)
        count[0] += 1


def read_log(log: Path) -> dict[str, int]:
    """Recycles, workers, and workers that died by a signal or exited with an error. A worker
    still on its way out when the benchmark stops the server is sent SIGTERM by the master:
    that is our stop, not a crash, so SIGTERM counts only before the master's shutdown."""
    text = log.read_text(encoding="utf-8", errors="replace")
    running, _, stopping = text.partition("Handling signal: term")
    deaths = SIGNAL_LINE.findall(running) + [
        s for s in SIGNAL_LINE.findall(stopping) if s != "SIGTERM"]
    # The workers the server starts with boot before any of them is recycled.
    workers = text.partition("Autorestarting worker")[0].count("Booting worker")
    return {"recycles": text.count("Autorestarting worker"), "workers": workers,
            "signal_deaths": len(deaths),
            "bad_exits": sum(1 for code in EXIT_LINE.findall(text) if code != "0")}


def wait_for_recycles(log: Path, seconds: float, stop: threading.Event) -> None:
    """Wait ``seconds``, then on until every worker has recycled twice (on a busy machine
    fewer requests fit in the time), for at most twice as long again."""
    stop.wait(seconds)
    deadline = time.monotonic() + 2 * seconds
    while time.monotonic() < deadline:
        counts = read_log(log)
        if counts["recycles"] >= 2 * max(counts["workers"], 1):
            return
        stop.wait(1)


def run(users: int, seconds: float, max_requests: int, rebuild_every: float,
        work: Path | None = None) -> dict[str, Any]:
    work = work or Path(tempfile.mkdtemp(prefix="recycle-"))
    db, log = work / "strategy.duckdb", work / "gunicorn.log"
    build_database(load_settings(env={}, db_path=db))
    outcomes, stop, rebuilds = Outcomes(), threading.Event(), [0]
    options = ["--max-requests", str(max_requests),
               "--max-requests-jitter", str(max(1, max_requests // 10))]
    with gunicorn(db, log=log, options=options) as server:
        threads = [threading.Thread(target=user, args=(server.url, stop, outcomes, i))
                   for i in range(users)]
        threads.append(threading.Thread(target=rebuild_loop,
                                        args=(db, rebuild_every, stop, rebuilds)))
        start = time.monotonic()
        for thread in threads:
            thread.start()
        wait_for_recycles(log, seconds, stop)
        stop.set()
        for thread in threads:
            thread.join(timeout=120)
        elapsed = time.monotonic() - start
    return {"users": users, "requests": sum(outcomes.statuses.values()),
            "failed": len(outcomes.failures),
            "failures": outcomes.failures[:10], "seconds": elapsed, "rebuilds": rebuilds[0],
            "statuses": dict(outcomes.statuses), "max_requests": max_requests,
            **read_log(log)}


def record(run: Run, r: dict[str, Any]) -> None:
    what = (f"{r['users']} users {r['seconds']:.0f} s, max_requests {r['max_requests']}, "
            f"{r['rebuilds']} rebuilds")
    run.add("failed_requests", f"{what}: failed requests of {r['requests']:,}",
            r["failed"], "requests")
    run.add("signal_deaths", f"{what}: workers killed by a signal", r["signal_deaths"], "workers")
    run.add("recycles_per_worker", f"{what}: recycles per worker ({r['recycles']} in all, "
            f"{r['workers']} workers)", r["recycles"] / max(r["workers"], 1), "recycles")
    run.add("bad_exits", f"{what}: workers that exited with a non-zero code", r["bad_exits"],
            "workers")
    run.notes += [f"failure: {f}" for f in r["failures"]]


def main(argv: list[str] | None = None) -> Run:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--max-requests", type=int, default=200)
    parser.add_argument("--rebuild-every", type=float, default=5)
    add_results_option(parser)
    args = parser.parse_args(argv)
    result = Run("recycle", command_line("benchmarks.recycle", argv),
                 {"users": args.users, "seconds": args.seconds,
                  "max_requests": args.max_requests, "rebuild_every_s": args.rebuild_every})
    r = run(args.users, args.seconds, args.max_requests, args.rebuild_every)
    print(f"{args.users} users for {r['seconds']:.0f} s, max_requests {args.max_requests}, "
          f"{r['rebuilds']} rebuilds")
    print(f"requests {r['requests']}  failed {r['failed']}  recycles {r['recycles']}  "
          f"worker signal deaths {r['signal_deaths']}  bad exits {r['bad_exits']}")
    for failure in r["failures"]:
        print("  failure:", failure)
    record(result, r)
    print("wrote", result.write(args.results))
    return result


if __name__ == "__main__":
    main()
