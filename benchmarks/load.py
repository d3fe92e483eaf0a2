"""Load: locust, headless, on 127.0.0.1, against gunicorn (the repository's config, caches on);
peak RSS of each worker sampled with psutil while it runs.

``python -m benchmarks.load [--rows 1000000] [--users 50] [--seconds 60]``

The mix is ``benchmarks/locustfile.py``: pages, page callbacks and small filtered downloads,
plus one user taking every observation once a minute. The figures are locust's aggregate over
every request (the large downloads included).
"""

from __future__ import annotations

import argparse
import csv
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import psutil

from benchmarks.results import Run, add_results_option, command_line
from benchmarks.server import gunicorn
from benchmarks.synthetic import generate
from pipelines.settings import REPO_ROOT


def _sample_rss(workers: Callable[[], list[psutil.Process]], stop: threading.Event,
                peak: dict[int, int]) -> None:
    while not stop.wait(0.2):
        for worker in workers():  # listed afresh: a worker may boot late or be replaced
            try:
                peak[worker.pid] = max(peak.get(worker.pid, 0), worker.memory_info().rss)
            except psutil.NoSuchProcess:
                continue


def run(rows: int, users: int, seconds: int) -> dict[str, Any]:
    db = generate(rows)
    out = Path(tempfile.mkdtemp(prefix="locust-"))
    with gunicorn(db, log=out / "gunicorn.log") as server:
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


def main(argv: list[str] | None = None) -> Run:
    parser = argparse.ArgumentParser(description="locust load test and worker peak RSS")
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=60)
    add_results_option(parser)
    args = parser.parse_args(argv)
    record = Run("load", command_line("benchmarks.load", argv),
                 {"synthetic_rows": args.rows, "users": args.users, "seconds": args.seconds})
    r = run(args.rows, args.users, args.seconds)
    print(f"locust {args.users} users, {args.seconds}s, {args.rows:,} SYNTHETIC rows, "
          f"{r['workers']:.0f} gunicorn workers")
    print(f"requests {r['requests']:.0f}  errors {r['errors']:.0f}  req/s {r['rps']:.1f}  "
          f"p50 {r['p50']:.0f} ms  p95 {r['p95']:.0f} ms  "
          f"peak worker RSS {r['peak_rss_mb']:.0f} MB")
    what = f"locust {args.users} users {args.seconds} s"
    record.add("failed_requests", f"{what}: failed requests of {r['requests']:,.0f}",
               r["errors"], "requests")
    record.add("p95", f"{what}: p95 response time", r["p95"], "ms")
    record.add("p50", f"{what}: p50 response time", r["p50"], "ms")
    record.add("requests_per_second", f"{what}: throughput", r["rps"], "req/s")
    record.add("worker_peak_rss", f"{what}: peak RSS of one worker", r["peak_rss_mb"], "MB")
    for name, (count, failed, p50, p95) in r["by_name"].items():
        record.notes.append(f"{name}: {count} requests, {failed} failed, p50 {p50} ms, "
                            f"p95 {p95} ms")
    print("wrote", record.write(args.results))
    return record


if __name__ == "__main__":
    main()
