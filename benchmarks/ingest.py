"""``pipelines ingest`` of a large submission against DuckDB's own ``read_csv`` of the file.

``python -m benchmarks.ingest [--rows 1000000] [--timeout 1800]``

The submission is SYNTHETIC (indicators and regions of benchmarks/synthetic.py) in the
template's columns; it is ingested, as a person runs it (a process, start-up included), into
a copy of the synthetic database without submissions. The settings cap a submission at 20 MB
(about 220,000 rows of this shape); the benchmark raises the cap for its own run through
``STRATEGY_MAX_SUBMISSION_BYTES``. The baseline is DuckDB's ``read_csv`` of the same file into
a table, in this process, in the same run.
"""

from __future__ import annotations

import argparse
import csv
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb

from benchmarks.results import Run, add_results_option, command_line
from benchmarks.synthetic import GEOGRAPHY_COUNT, generate
from pipelines.settings import REPO_ROOT

QUARTERS = 6


def _quarter(q: int) -> str:
    # Ingest accepts only complete quarters of the strategy period: 2025-26Q1 to 2026-27Q2.
    year = 2025 + q // 4
    return f"{year}-{(year + 1) % 100:02d}Q{q % 4 + 1}"


def write_submission(path: Path, rows: int) -> None:
    """A valid submission: every part of a breakdown stays within its total (age groups
    within each place's total, regions within Ontario's), in the six complete quarters."""
    layer = QUARTERS * GEOGRAPHY_COUNT * 20  # rows per breakdown
    groups = rows // layer + 1  # breakdowns per total, at most
    with path.open("w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(["indicator_id", "quarter", "geography", "breakdown", "value",
                      "qualifier", "note", "program"])
        for n in range(rows):
            q, g = n % QUARTERS, (n // QUARTERS) % GEOGRAPHY_COUNT
            ind, b = (n // (QUARTERS * GEOGRAPHY_COUNT)) % 20, n // layer
            geography = "ontario" if g == 0 else f"synthetic_region_{g:03d}"
            breakdown = "total" if b == 0 else f"age:group_{b}"
            out.writerow([f"synthetic_indicator_{ind + 1:02d}", _quarter(q), geography,
                          breakdown, _value(n, g, b, groups), "exact", "SYNTHETIC",
                          "SYNTHETIC"])


def _value(n: int, g: int, b: int, groups: int) -> int:
    # A regional part is at most 59, so a regional total of 60 per part holds its parts;
    # Ontario's part (3,000) and total hold the 50 regions' parts and totals.
    if g == 0:
        return 3_000 if b else 3_100 * groups + 2_000
    return 10 + n % 50 if b else 60 * groups + (n * 7919) % 40


def run(rows: int, timeout: float = 1800) -> dict[str, float]:
    work = Path(tempfile.mkdtemp(prefix="ingest-bench-"))
    try:
        submission = work / "synthetic-submission.csv"
        write_submission(submission, rows)
        db = work / "strategy.duckdb"
        shutil.copy(generate(0), db)  # the synthetic indicators and regions, no submissions
        # The cap travels through env(1): settings stay the only reader of the environment.
        cap = f"STRATEGY_MAX_SUBMISSION_BYTES={submission.stat().st_size}"
        start = time.perf_counter()
        done = subprocess.run(["env", cap, sys.executable, "-m", "pipelines", "ingest",
                               str(submission), "--db", str(db)], cwd=REPO_ROOT,
                              capture_output=True, text=True, timeout=timeout)
        ingest_s = time.perf_counter() - start
        start = time.perf_counter()
        with duckdb.connect() as con:
            con.execute("CREATE TABLE t AS SELECT * FROM read_csv(?)", [str(submission)])
        raw_s = time.perf_counter() - start
        return {"rows": rows, "exit": done.returncode, "ingest_s": ingest_s, "read_csv_s": raw_s,
                "ratio": ingest_s / raw_s, "mb": submission.stat().st_size / 2**20,
                "stderr": done.stderr.strip().splitlines()[:3]}  # type: ignore[dict-item]
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main(argv: list[str] | None = None) -> Run:
    parser = argparse.ArgumentParser(description="ingest vs DuckDB read_csv")
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--timeout", type=float, default=1800)
    add_results_option(parser)
    args = parser.parse_args(argv)
    record = Run("ingest", command_line("benchmarks.ingest", argv), {"submitted_rows": args.rows})
    r = run(args.rows, args.timeout)
    print(f"ingest of {r['rows']:,} SYNTHETIC rows ({r['mb']:.1f} MB), exit {r['exit']}")
    print(f"pipelines ingest {r['ingest_s']:.2f} s (process incl. start-up)  "
          f"read_csv {r['read_csv_s']:.2f} s  ratio {r['ratio']:.1f}x")
    for line in r["stderr"]:  # type: ignore[attr-defined]
        print("  stderr:", line)
    if r["exit"] != 0:
        raise RuntimeError(f"pipelines ingest exited {r['exit']}: {r['stderr']}")
    record.scale["file_mb"] = round(r["mb"], 1)
    record.add("seconds", f"pipelines ingest of {args.rows:,} rows ({r['mb']:.0f} MB CSV)",
               r["ingest_s"], "s", r["read_csv_s"], "DuckDB read_csv")
    print("wrote", record.write(args.results))
    return record


if __name__ == "__main__":
    main()
