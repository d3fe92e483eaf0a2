"""Load: locust, headless, on 127.0.0.1, against gunicorn (the repository's config, caches on);
peak RSS of each worker sampled with psutil while it runs.

``python -m benchmarks.load [--rows 1000000] [--users 50] [--seconds 60]``

The mix is ``benchmarks/locustfile.py``: pages (their first HTML response is the page), the
takeover of some of them by Dash, page callbacks and small filtered downloads, plus one user
taking every observation once a minute. The figures are locust's aggregate over every request
(the large downloads included). Two runs: on a fresh server (the budget's figures: caches and
the store of rendered pages are empty and the warm-up of every public page starts with the
run, as after a rebuild; a restart on the same data would find the pages already rendered),
then on a fresh server whose workers have rendered every page of the mix once first
(``_warm`` figures).
"""

from __future__ import annotations

import argparse
import csv
import json
import shutil
import subprocess
import sys
import tempfile
import threading
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import psutil

from benchmarks.callbacks import CASES, payload
from benchmarks.mix import PAGES
from benchmarks.results import Run, add_results_option, command_line
from benchmarks.server import gunicorn
from benchmarks.synthetic import generate
from dashboard.html_first.store import store_root
from pipelines.settings import REPO_ROOT, load_settings


def _sample_rss(workers: Callable[[], list[psutil.Process]], stop: threading.Event,
                peak: dict[int, int]) -> None:
    while not stop.wait(0.2):
        for worker in workers():  # listed afresh: a worker may boot late or be replaced
            try:
                peak[worker.pid] = max(peak.get(worker.pid, 0), worker.memory_info().rss)
            except psutil.NoSuchProcess:
                continue


def warm_up(url: str) -> None:
    """Render every page and callback of the mix once, as earlier visitors would have."""
    for page in PAGES:
        with urllib.request.urlopen(url + page, timeout=600) as response:
            response.read()
    targets = [(urlsplit(u).path, f"?{urlsplit(u).query}" if urlsplit(u).query else "",
                "pathname") for u in PAGES]
    targets += [case.request(n) for case in CASES for n in range(case.variants)]
    for path, search, changed in targets:
        body = json.dumps(payload(path, search, changed)).encode()
        request = urllib.request.Request(url + "/_dash-update-component", data=body,
                                         headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=600) as response:
            response.read()


def run(rows: int, users: int, seconds: int, warm: bool = False) -> dict[str, Any]:
    db = generate(rows)
    # No page rendered by an earlier run: a fresh server, as after a rebuild.
    shutil.rmtree(store_root(load_settings(db_path=db)), ignore_errors=True)
    out = Path(tempfile.mkdtemp(prefix="locust-"))
    with gunicorn(db, log=out / "gunicorn.log") as server:
        # Each worker has its own caches and connections land on either: a few passes (cheap
        # once a worker is warm) so that both have seen every page.
        for _ in range(2 * len(server.workers()) if warm else 0):
            warm_up(server.url)
        peak: dict[int, int] = {}
        stop = threading.Event()
        sampler = threading.Thread(target=_sample_rss, args=(server.workers, stop, peak))
        sampler.start()
        command = [sys.executable, "-m", "locust", "-f", "benchmarks/locustfile.py", "--headless",
                   "-u", str(users), "-r", str(users), "-t", f"{seconds}s", "--host", server.url,
                   "--csv", str(out / "run"), "--only-summary"]
        subprocess.run(command, cwd=REPO_ROOT, check=False, capture_output=True,
                       timeout=seconds + 120)
        stop.set()
        sampler.join()
    with (out / "run_stats.csv").open() as handle:
        stats = list(csv.DictReader(handle))
    total = next(r for r in stats if r["Name"] == "Aggregated")
    by_name = {r["Name"]: (r["Request Count"], r["Failure Count"], r["50%"], r["95%"])
               for r in stats if r["Name"] != "Aggregated"}
    return {"by_name": by_name,
            "requests": float(total["Request Count"]), "errors": float(total["Failure Count"]),
            "rps": float(total["Requests/s"]), "p50": float(total["50%"]),
            "p95": float(total["95%"]), "peak_rss_mb": max(peak.values()) / 2**20,
            "workers": float(len(peak))}


def record(result: Run, r: dict[str, Any], what: str, suffix: str = "") -> None:
    result.add(f"failed_requests{suffix}", f"{what}: failed requests of {r['requests']:,.0f}",
               r["errors"], "requests")
    result.add(f"p95{suffix}", f"{what}: p95 response time", r["p95"], "ms")
    result.add(f"p50{suffix}", f"{what}: p50 response time", r["p50"], "ms")
    result.add(f"requests_per_second{suffix}", f"{what}: throughput", r["rps"], "req/s")
    result.add(f"worker_peak_rss{suffix}", f"{what}: peak RSS of one worker", r["peak_rss_mb"],
               "MB")
    for name, (count, failed, p50, p95) in r["by_name"].items():
        result.notes.append(f"{what}, {name}: {count} requests, {failed} failed, p50 {p50} ms, "
                            f"p95 {p95} ms")


def main(argv: list[str] | None = None) -> Run:
    parser = argparse.ArgumentParser(description="locust load test and worker peak RSS")
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--no-warm-run", action="store_true",
                        help="skip the second run on a warmed-up server")
    add_results_option(parser)
    args = parser.parse_args(argv)
    result = Run("load", command_line("benchmarks.load", argv),
                 {"synthetic_rows": args.rows, "users": args.users, "seconds": args.seconds})
    what = f"locust {args.users} users {args.seconds} s"
    # The budget's run starts on a fresh server, as after a restart or a rebuild; the second
    # run shows the same mix once every page has been rendered for the data version.
    for warm in (False,) if args.no_warm_run else (False, True):
        r = run(args.rows, args.users, args.seconds, warm=warm)
        label = f"{what}, {'warmed-up server' if warm else 'fresh server'}"
        print(f"{label}: requests {r['requests']:.0f}  errors {r['errors']:.0f}  "
              f"req/s {r['rps']:.1f}  p50 {r['p50']:.0f} ms  p95 {r['p95']:.0f} ms  "
              f"peak worker RSS {r['peak_rss_mb']:.0f} MB")
        record(result, r, label, "_warm" if warm else "")
    print("wrote", result.write(args.results))
    return result


if __name__ == "__main__":
    main()
