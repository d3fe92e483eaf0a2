"""Load: locust, headless, on 127.0.0.1, against gunicorn (production config); peak RSS of
each worker sampled with psutil while it runs.

``python -m benchmarks.load [--rows 1000000] [--users 50] [--seconds 60]``
"""

from __future__ import annotations

import argparse
import csv
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import psutil

from benchmarks.server import gunicorn
from benchmarks.synthetic import generate
from pipelines.settings import REPO_ROOT


def _sample_rss(workers: list[psutil.Process], stop: threading.Event, peak: dict[int, int]) -> None:
    while not stop.wait(0.2):
        for worker in workers:
            try:
                peak[worker.pid] = max(peak.get(worker.pid, 0), worker.memory_info().rss)
            except psutil.NoSuchProcess:
                continue


def run(rows: int, users: int, seconds: int) -> dict[str, float]:
    db = generate(rows)
    out = Path(tempfile.mkdtemp(prefix="locust-"))
    with gunicorn(db, log=out / "gunicorn.log") as server:
        peak: dict[int, int] = {}
        stop = threading.Event()
        sampler = threading.Thread(target=_sample_rss, args=(server.workers(), stop, peak))
        sampler.start()
        command = [sys.executable, "-m", "locust", "-f", "benchmarks/locustfile.py", "--headless",
                   "-u", str(users), "-r", str(users), "-t", f"{seconds}s", "--host", server.url,
                   "--csv", str(out / "run"), "--only-summary"]
        subprocess.run(command, cwd=REPO_ROOT, check=False, capture_output=True,
                       timeout=seconds + 120)
        stop.set()
        sampler.join()
    with (out / "run_stats.csv").open() as handle:
        total = next(r for r in csv.DictReader(handle) if r["Name"] == "Aggregated")
    return {"requests": float(total["Request Count"]), "errors": float(total["Failure Count"]),
            "rps": float(total["Requests/s"]), "p50": float(total["50%"]),
            "p95": float(total["95%"]), "peak_rss_mb": max(peak.values()) / 2**20,
            "workers": float(len(peak))}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="locust load test and worker peak RSS")
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=60)
    args = parser.parse_args(argv)
    r = run(args.rows, args.users, args.seconds)
    print(f"locust {args.users} users, {args.seconds}s, {args.rows:,} SYNTHETIC rows, "
          f"{r['workers']:.0f} gunicorn workers")
    print(f"requests {r['requests']:.0f}  errors {r['errors']:.0f}  req/s {r['rps']:.1f}  "
          f"p50 {r['p50']:.0f} ms  p95 {r['p95']:.0f} ms  "
          f"peak worker RSS {r['peak_rss_mb']:.0f} MB")


if __name__ == "__main__":
    main()
