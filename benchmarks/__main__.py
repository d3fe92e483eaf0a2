"""Every benchmark, one after another: ``python -m benchmarks [--rows N] [--only NAME...]``
(what ``make bench`` runs after installing the ``bench`` extra).

The SYNTHETIC database is generated first (reused when current), then each benchmark runs as
its own process (Playwright allows one instance per process, and one benchmark's memory must
not count in the next one's figures) and writes ``benchmarks/results/<name>.json``. A
benchmark that fails gets a JSON file saying so, and the others still run. The summary table
of every result file is printed at the end; the exit status is 0 when every benchmark ran to
the end, whether or not its budgets were met (the table says which were not).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from typing import Final

from benchmarks import report
from benchmarks.results import RESULTS_DIR, write_failure
from benchmarks.synthetic import generate
from pipelines.settings import REPO_ROOT

# Every one takes --rows but those that serve a real build: recycle (which rebuilds it live),
# slow_clients (make serve's stack), large_upload (whose --rows is the workbook's) and
# lighthouse (the demonstration build, on which its budgets are set).
BENCHMARKS: Final = ("callbacks", "downloads", "ingest", "large_upload", "lighthouse", "load",
                     "page_load", "quarterly_review", "recycle", "slow_clients")
OWN_SCALE: Final = ("recycle", "slow_clients", "large_upload", "lighthouse")
TIMEOUT_S: Final = 3600


def run_one(name: str, rows: int) -> bool:
    command = [sys.executable, "-m", f"benchmarks.{name}"]
    if name not in OWN_SCALE:
        command += ["--rows", str(rows)]
    print(f"\n== {name}: {' '.join(command[1:])}", flush=True)
    start = time.monotonic()
    try:
        done = subprocess.run(command, cwd=REPO_ROOT, stderr=subprocess.PIPE, text=True,
                              timeout=TIMEOUT_S)
    except subprocess.TimeoutExpired:
        write_failure(name, command[1:], f"timed out after {TIMEOUT_S} s")
        return False
    print(f"   ({time.monotonic() - start:.0f} s)", flush=True)
    if done.returncode == 0:
        return True
    tail = [line for line in done.stderr.splitlines() if line.strip()][-3:]
    write_failure(name, command[1:], f"exit {done.returncode}: " + " | ".join(tail))
    print(done.stderr[-2000:], file=sys.stderr)
    return False


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--only", action="append", choices=sorted(BENCHMARKS))
    args = parser.parse_args(argv)
    print(f"SYNTHETIC database: {generate(args.rows)}", flush=True)
    finished = [run_one(name, args.rows) for name in args.only or BENCHMARKS]
    print(f"\nresults in {RESULTS_DIR}\n", flush=True)
    report.main([])
    return 0 if all(finished) else 1


if __name__ == "__main__":
    raise SystemExit(main())
