"""Server time of the real page callbacks at scale, beside raw DuckDB time of their queries.

``python -m benchmarks.callbacks [--rows 1000000] [--runs 100] [--max-seconds 60] [--db PATH]``

Each case is the page-routing callback (``_pages_location`` pathname and search), POSTed to
``/_dash-update-component`` exactly as dash-renderer sends it when a link or a filter changes
the URL, and timed on loopback against gunicorn (one worker, the repository's config): HTTP
parsing, the page's queries, building its figures and JSON encoding.

- cache off: the query and page caches off (every run renders and queries);
- cache on: every parameter value is requested once first, then the timed runs ask for them
  again (the "second request" of the budget);
- raw: the queries that one render of the page runs, recorded with their parameters (the
  page is rendered once in this process, cache off) and replayed straight on a DuckDB
  connection to the same file with the same thread count, fetching every row, in this run.

A case stops after ``--runs`` runs or ``--max-seconds``, whichever comes first (at least 10
runs), so a page that takes seconds cannot hold the benchmark for an hour.
"""

from __future__ import annotations

import argparse
import http.client
import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import duckdb

from benchmarks.raw_queries import record_queries, replay
from benchmarks.results import Run, add_results_option, command_line
from benchmarks.server import gunicorn
from benchmarks.stats import percentiles
from benchmarks.synthetic import generate
from dashboard.routing import page_request

GEOGRAPHIES = ["ontario", *(f"synthetic_region_{i:03d}" for i in range(1, 6))]
INDICATOR = "synthetic_indicator_01"
PILLARS = ["awareness", "protection", "support", "accountability"]
QUARTERS = ["2026-27Q2", "2026-27Q1", "2025-26Q4", "2025-26Q3"]
CACHE_OFF = {"STRATEGY_QUERY_CACHE_ENTRIES": "0", "STRATEGY_PAGE_CACHE_ENTRIES": "0"}
MIN_RUNS = 10


@dataclass(frozen=True)
class Case:
    """A page: its figure name, what it is, and run -> (path, search, what changed)."""

    name: str
    what: str
    request: Callable[[int], tuple[str, str, str]]
    variants: int  # distinct requests the runs cycle through


CASES: list[Case] = [
    Case("indicator_filter", "indicator page filter change (?geography=)",
         lambda n: (f"/indicator/{INDICATOR}", f"?geography={GEOGRAPHIES[n % 6]}", "search"),
         len(GEOGRAPHIES)),
    Case("overview", "page change to / (overview)", lambda n: ("/", "", "pathname"), 1),
    Case("pillar", "page change to /pillar/<id>",
         lambda n: (f"/pillar/{PILLARS[n % 4]}", "", "pathname"), len(PILLARS)),
    Case("quarterly_review", "quarterly review quarter change (?quarter=)",
         lambda n: ("/review/quarterly", f"?quarter={QUARTERS[n % 4]}", "search"), len(QUARTERS)),
]


def payload(path: str, search: str, changed: str = "search") -> dict[str, Any]:
    return page_request(path, search, changed)


def _post(connection: http.client.HTTPConnection, case: Case, n: int) -> float:
    body = json.dumps(payload(*case.request(n)))
    start = time.perf_counter()
    connection.request("POST", "/_dash-update-component", body,
                       {"Content-Type": "application/json"})
    response = connection.getresponse()
    response.read()
    if response.status != 200:
        raise RuntimeError(f"{case.name} run {n}: HTTP {response.status}")
    return (time.perf_counter() - start) * 1000


def time_callback(url: str, case: Case, runs: int, max_seconds: float,
                  warm: bool = False) -> list[float]:
    """Milliseconds per request; with ``warm``, each variant is requested once untimed."""
    parsed = urlparse(url)
    connection = http.client.HTTPConnection(parsed.hostname or "127.0.0.1", parsed.port,
                                            timeout=600)
    connection.request("GET", "/")  # the first request registers Dash's callbacks
    connection.getresponse().read()
    for n in range(case.variants if warm else 0):
        _post(connection, case, n)
    samples: list[float] = []
    deadline = time.monotonic() + max_seconds
    for n in range(runs):
        if len(samples) >= MIN_RUNS and time.monotonic() > deadline:
            break
        samples.append(_post(connection, case, n))
    connection.close()
    return samples


def time_raw(db: Path, recorded: list[list[tuple[str, Any]]], runs: int,
             max_seconds: float) -> list[float]:
    """Milliseconds to run one render's queries (variant n % len) on a plain connection."""
    with duckdb.connect(str(db), read_only=True, config={"threads": 2}) as con:
        samples: list[float] = []
        deadline = time.monotonic() + max_seconds
        for n in range(runs):
            if len(samples) >= MIN_RUNS and time.monotonic() > deadline:
                break
            samples.append(replay(con, recorded[n % len(recorded)]))
    return samples


def measure(db: Path, runs: int, max_seconds: float) -> dict[str, dict[str, list[float]]]:
    samples: dict[str, dict[str, list[float]]] = {c.name: {} for c in CASES}
    for case in CASES:
        recorded = [record_queries(db, *case.request(n)[:2]) for n in range(case.variants)]
        samples[case.name]["raw"] = time_raw(db, recorded, runs, max_seconds)
        samples[case.name]["queries"] = [float(len(r)) for r in recorded]
    for label, env in (("off", CACHE_OFF), ("on", {})):
        with gunicorn(db, workers=1, env=env) as server:
            for case in CASES:
                samples[case.name][label] = time_callback(server.url, case, runs, max_seconds,
                                                          warm=label == "on")
    return samples


def record(run: Run, samples: dict[str, dict[str, list[float]]]) -> None:
    for case in CASES:
        got = samples[case.name]
        raw50, raw95 = percentiles(got["raw"])
        off50, off95 = percentiles(got["off"])
        on50, on95 = percentiles(got["on"])
        queries = max(got["queries"])
        run.add(f"{case.name}.p95_cache_off", f"{case.what}, p95, cache off", off95, "ms",
                raw95, f"raw DuckDB p95 ({queries:.0f} queries)")
        run.add(f"{case.name}.p50_cache_off", f"{case.what}, p50, cache off", off50, "ms",
                raw50, "raw DuckDB p50")
        run.add(f"{case.name}.p95_cache_on", f"{case.what}, p95, cache on", on95, "ms")
        run.add(f"{case.name}.p50_cache_on", f"{case.what}, p50, cache on", on50, "ms")
        run.notes.append(f"{case.name}: {len(got['off'])} runs cache off, {len(got['on'])} "
                         f"cache on, {len(got['raw'])} raw")


def main(argv: list[str] | None = None) -> Run:
    parser = argparse.ArgumentParser(description="Page callback server time vs raw DuckDB")
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=100)
    parser.add_argument("--max-seconds", type=float, default=60)
    parser.add_argument("--db", type=Path, default=None, help="default: the SYNTHETIC database")
    add_results_option(parser)
    args = parser.parse_args(argv)
    db = args.db or generate(args.rows)
    run = Run("callbacks", command_line("benchmarks.callbacks", argv),
              {"synthetic_rows": None if args.db else args.rows, "db": db.name})
    record(run, measure(db, args.runs, args.max_seconds))
    print(f"callbacks at {db.name}, up to {args.runs} runs each (ms, loopback)")
    for figure in run.figures:
        base = f"  raw {figure.baseline:8.1f}" if figure.baseline is not None else ""
        print(f"{figure.what:58} {figure.value:8.1f}{base}")
    print("wrote", run.write(args.results))
    return run


if __name__ == "__main__":
    main()
