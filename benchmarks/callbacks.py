"""Server time of the real page callbacks at scale, beside raw DuckDB time of their queries.

``python -m benchmarks.callbacks [--rows 1000000] [--runs 100] [--db PATH]``

Each case is the page-routing callback (``_pages_location`` pathname and search), POSTed to
``/_dash-update-component`` exactly as dash-renderer sends it when a link changes the URL, and
timed on loopback: HTTP parsing, the page's queries, building its figures and JSON encoding.
Run once with the per-process query cache off (every run queries) and once on (parameters
cycle, so some runs hit). The raw figure is the sum of the same named queries run straight on
a DuckDB connection, in the same run. The quarterly review case runs only if that page exists
and has the quarter: it reads ingested submissions (``marts.observation_history``), which the
synthetic generator does not write, so run it on a demo build with ``--db``.
"""

from __future__ import annotations

import argparse
import http.client
import json
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import duckdb

from benchmarks.server import gunicorn
from benchmarks.synthetic import generate
from dashboard.routing import page_request
from pipelines.read.core import query_text

Query = tuple[str, dict[str, object]]
GEOGRAPHIES = ["ontario", *(f"synthetic_region_{i:03d}" for i in range(1, 6))]
INDICATOR = "synthetic_indicator_01"
QUARTERS = ["2026-27Q2", "2026-27Q1", "2025-26Q4", "2025-26Q3"]
REVIEW_PATH = "/review/quarterly"


@dataclass(frozen=True)
class Case:
    """A page (path, run -> search) and the named queries it runs (run -> queries)."""

    name: str
    path: str
    search: Callable[[int], str]
    queries: Callable[[duckdb.DuckDBPyConnection], list[Query]]


def payload(path: str, search: str, changed: str = "search") -> dict[str, Any]:
    # A filter change moves only the query string, so "search" is what changed.
    return page_request(path, search, changed)


def _named(name: str, **params: object) -> Query:
    sql = query_text(name)
    return sql, {k: v for k, v in params.items() if f"${k}" in sql}


def _indicator_queries(indicator_id: str) -> list[Query]:
    # The read layer's indicator page: pipelines.read.indicator.indicator_page.
    return [_named("indicators", indicator_id=indicator_id, pillar_id=None),
            _named("indicator_observations", indicator_id=indicator_id),
            _named("target", indicator_id=indicator_id),
            _named("indicator_submissions", indicator_id=indicator_id),
            _named("progress", latest_only=False, as_of_quarter=None, until_quarter=None,
                   indicator_id=indicator_id, pillar_id=None, headline=None)]


def _overview_queries(_con: duckdb.DuckDBPyConnection) -> list[Query]:
    # The overview's reads: dashboard.pages.overview.content.
    return [_named("pillars", pillar_id=None),
            _named("progress", latest_only=True, as_of_quarter=None, until_quarter=None,
                   indicator_id=None, pillar_id=None, headline=True),
            _named("progress", latest_only=False, as_of_quarter=None, until_quarter=None,
                   indicator_id=None, pillar_id=None, headline=None),
            _named("latest_figures", indicator_id=None, pillar_id=None, headline=True),
            _named("indicators", indicator_id=None, pillar_id=None)]


CASES: list[Case] = [
    Case("filter change (indicator page)", f"/indicator/{INDICATOR}",
         lambda run: f"?geography={GEOGRAPHIES[run % len(GEOGRAPHIES)]}",
         lambda _: _indicator_queries(INDICATOR)),
    Case("page change to / (overview)", "/", lambda _: "", _overview_queries),
    Case("quarter change (quarterly review)", REVIEW_PATH,
         lambda run: f"?quarter={QUARTERS[run % len(QUARTERS)]}", lambda _: []),
]


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return statistics.median(ordered), p95


def page_exists(url: str, path: str) -> bool:
    parsed = urlparse(url)
    connection = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=60)
    connection.request("GET", path)
    status = connection.getresponse().status
    connection.close()
    return status == 200


def time_callback(url: str, case: Case, runs: int) -> list[float]:
    parsed = urlparse(url)
    connection = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=60)
    connection.request("GET", "/")  # the first request registers Dash's callbacks
    connection.getresponse().read()
    samples = []
    for run in range(runs):
        body = json.dumps(payload(case.path, case.search(run)))
        start = time.perf_counter()
        connection.request("POST", "/_dash-update-component", body,
                           {"Content-Type": "application/json"})
        response = connection.getresponse()
        response.read()
        samples.append((time.perf_counter() - start) * 1000)
        if response.status != 200:
            raise RuntimeError(f"{case.name}: HTTP {response.status}")
    connection.close()
    return samples


def time_raw(db_path: Path, case: Case, runs: int) -> list[float]:
    con = duckdb.connect(str(db_path), read_only=True, config={"threads": 2})
    named = case.queries(con)
    samples: list[float] = []
    if not named:
        con.close()
        return samples
    for _ in range(runs):
        start = time.perf_counter()
        for sql, params in named:
            con.execute(sql, params).df()
        samples.append((time.perf_counter() - start) * 1000)
    con.close()
    return samples


def run(rows: int, runs: int, db: Path | None = None) -> list[dict[str, object]]:
    db = db or generate(rows)
    results: list[dict[str, object]] = []
    for cache in ("0", "256"):
        with gunicorn(db, workers=1, env={"STRATEGY_QUERY_CACHE_ENTRIES": cache}) as server:
            for case in CASES:
                if not page_exists(server.url, case.path + case.search(0)):
                    results.append({"case": case.name, "cache": "-", "missing": True})
                    continue
                p50, p95 = percentiles(time_callback(server.url, case, runs))
                raw = time_raw(db, case, runs)
                # A case with no named queries listed (the review) has no raw figure.
                raw50, raw95 = percentiles(raw) if raw else (float("nan"), float("nan"))
                results.append({"case": case.name, "cache": "on" if cache != "0" else "off",
                                "p50": p50, "p95": p95, "raw_p50": raw50, "raw_p95": raw95,
                                "ratio_p50": p50 / raw50})
    return results


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Page callback server time vs raw DuckDB")
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=100)
    parser.add_argument("--db", type=Path, default=None, help="default: the SYNTHETIC database")
    args = parser.parse_args(argv)
    scale = args.db or f"{args.rows:,} SYNTHETIC rows"
    print(f"callbacks at {scale}, {args.runs} runs each (ms, loopback)")
    print(f"{'case':36} {'cache':5} {'p50':>7} {'p95':>7} {'raw p50':>8} {'raw p95':>8} "
          f"{'p50/raw':>8}")
    for r in run(args.rows, args.runs, args.db):
        if r.get("missing"):
            print(f"{r['case']:36} not run: no such page, or no submissions for the quarter")
            continue
        print(f"{r['case']:36} {r['cache']:5} {r['p50']:7.1f} {r['p95']:7.1f} "
              f"{r['raw_p50']:8.1f} {r['raw_p95']:8.1f} {r['ratio_p50']:7.1f}x")


if __name__ == "__main__":
    main()
