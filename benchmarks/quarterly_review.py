"""The quarterly review at scale: ``python -m benchmarks.quarterly_review [--rows 1000000]
[--runs 100] [--max-seconds 60] [--db PATH]``.

Issue 18's budget: at 10^6 submitted rows the review renders, with both caches off, in at
most 150 ms at p95. Its revisions and missing submissions are computed once per quarter by
the build (``marts.quarter_revisions``, ``marts.quarter_missing``,
``marts.quarter_first_loads``), so a render reads rows sized by indicators x quarters.

The render timed is the page-routing callback POSTed as dash-renderer sends it on a quarter
change (``?quarter=`` over four quarters), against gunicorn with one worker and the
repository's config, caches off (the same request as ``benchmarks.callbacks``). Beside it,
the statements one render runs, replayed on a plain DuckDB connection (raw), and the largest
mart the render reads, so a reader can see the render no longer scans the history.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import duckdb

from benchmarks.callbacks import CACHE_OFF, QUARTERS, Case, time_callback, time_raw
from benchmarks.raw_queries import record_queries
from benchmarks.results import Run, add_results_option, command_line
from benchmarks.server import gunicorn
from benchmarks.stats import percentiles
from benchmarks.synthetic import generate

CASE = Case("quarterly_review", "quarterly review render (?quarter=), cache off",
            lambda n: ("/review/quarterly", f"?quarter={QUARTERS[n % 4]}", "search"),
            len(QUARTERS))


def _sizes(db: Path) -> dict[str, int]:
    with duckdb.connect(str(db), read_only=True) as con:
        return {table: int(con.execute(f"SELECT count(*) FROM marts.{table}").fetchone()[0])  # type: ignore[index]  # noqa: S608
                for table in ("observation_history", "quarter_revisions", "quarter_missing",
                              "progress")}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=100)
    parser.add_argument("--max-seconds", type=float, default=60)
    parser.add_argument("--db", type=Path, default=None)
    add_results_option(parser)
    args = parser.parse_args(argv)
    db = args.db or generate(args.rows)
    run = Run("quarterly_review", command_line("benchmarks.quarterly_review", argv),
              scale={"submitted_rows": args.rows, **_sizes(db)})
    recorded = [record_queries(db, *CASE.request(n)[:2]) for n in range(CASE.variants)]
    raw = time_raw(db, recorded, args.runs, args.max_seconds)
    with gunicorn(db, workers=1, env=CACHE_OFF) as server:
        samples = time_callback(server.url, CASE, args.runs, args.max_seconds)
    p50, p95 = percentiles(samples)
    raw50, raw95 = percentiles(raw)
    queries = max(len(r) for r in recorded)
    run.add("p95_cache_off", f"{CASE.what}, p95", p95, "ms", raw95,
            f"raw DuckDB p95 ({queries} queries)")
    run.add("p50_cache_off", f"{CASE.what}, p50", p50, "ms", raw50, "raw DuckDB p50")
    run.notes.append(f"{len(samples)} runs cache off, {len(raw)} raw; quarters "
                     f"{', '.join(QUARTERS)}")
    path = run.write(args.results)
    print(f"quarterly review p95 {p95:.1f} ms (p50 {p50:.1f} ms), raw queries p95 "
          f"{raw95:.1f} ms; wrote {path}")


if __name__ == "__main__":
    main()
