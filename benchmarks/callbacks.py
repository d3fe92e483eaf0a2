"""Server time of callbacks at scale, beside raw DuckDB time of the same query.

``python -m benchmarks.callbacks [--rows 1000000] [--runs 100]``

Each case is a payload POSTed to ``/_dash-update-component`` exactly as dash-renderer sends it,
timed on loopback (so the figure includes HTTP parsing, the callback, the query, building the
figure and JSON encoding). Run once with the per-process query cache off (every run queries)
and once on (the parameters cycle, so some runs hit). The raw figure is the same named SQL run
with the same parameters straight on a DuckDB connection, in the same run.
"""

from __future__ import annotations

import argparse
import http.client
import json
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlparse

import duckdb

from benchmarks.probe_app import GEOGRAPHIES, SERIES_BY_GEOGRAPHY
from benchmarks.server import PROBE_APP, gunicorn
from benchmarks.synthetic import generate
from dashboard.queries import QUERIES


@dataclass(frozen=True)
class Case:
    """A callback request builder (run index -> payload) and its named query."""

    name: str
    payload: Callable[[int], dict[str, Any]]
    sql: str
    params: Callable[[int], dict[str, object]]


def _page(path: str) -> Callable[[int], dict[str, Any]]:
    return lambda _: {
        "output": ".._pages_content.children..._pages_store.data..",
        "outputs": [{"id": "_pages_content", "property": "children"},
                    {"id": "_pages_store", "property": "data"}],
        "inputs": [{"id": "_pages_location", "property": "pathname", "value": path},
                   {"id": "_pages_location", "property": "search", "value": ""}],
        "changedPropIds": ["_pages_location.pathname"], "state": [],
    }


def _filter(run: int) -> dict[str, Any]:
    return {
        "output": "probe-graph.figure", "outputs": {"id": "probe-graph", "property": "figure"},
        "inputs": [{"id": "probe-geography", "property": "value",
                    "value": GEOGRAPHIES[run % len(GEOGRAPHIES)]}],
        "changedPropIds": ["probe-geography.value"], "state": [],
    }


CASES: list[Case] = [
    Case("filter change (probe chart)", _filter, SERIES_BY_GEOGRAPHY,
         lambda run: {"indicator_id": "synthetic_indicator_01",
                      "geography": GEOGRAPHIES[run % len(GEOGRAPHIES)]}),
    Case("page change to / (overview)", _page("/"), QUERIES["headline_figures"],
         lambda _: {}),
]


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return statistics.median(ordered), p95


def time_callback(url: str, case: Case, runs: int) -> list[float]:
    parsed = urlparse(url)
    connection = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=60)
    connection.request("GET", "/")  # the first request registers Dash's callbacks
    connection.getresponse().read()
    samples = []
    for run in range(runs):
        body = json.dumps(case.payload(run))
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


def time_raw(db_path: str, case: Case, runs: int) -> list[float]:
    con = duckdb.connect(db_path, read_only=True, config={"threads": 2})
    samples = []
    for run in range(runs):
        start = time.perf_counter()
        con.execute(case.sql, case.params(run)).df()
        samples.append((time.perf_counter() - start) * 1000)
    con.close()
    return samples


def run(rows: int, runs: int) -> list[dict[str, object]]:
    db = generate(rows)
    results = []
    for cache in ("0", "256"):
        with gunicorn(db, app=PROBE_APP, workers=1,
                      env={"STRATEGY_QUERY_CACHE_ENTRIES": cache}) as server:
            for case in CASES:
                p50, p95 = percentiles(time_callback(server.url, case, runs))
                raw50, raw95 = percentiles(time_raw(str(db), case, runs))
                results.append({"case": case.name, "cache": "on" if cache != "0" else "off",
                                "p50": p50, "p95": p95, "raw_p50": raw50, "raw_p95": raw95,
                                "ratio_p50": p50 / raw50})
    return results


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Callback server time vs raw DuckDB")
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=100)
    args = parser.parse_args(argv)
    print(f"callbacks at {args.rows:,} SYNTHETIC rows, {args.runs} runs each (ms, loopback)")
    print(f"{'case':32} {'cache':5} {'p50':>7} {'p95':>7} {'raw p50':>8} {'raw p95':>8} "
          f"{'p50/raw':>8}")
    for r in run(args.rows, args.runs):
        print(f"{r['case']:32} {r['cache']:5} {r['p50']:7.1f} {r['p95']:7.1f} "
              f"{r['raw_p50']:8.1f} {r['raw_p95']:8.1f} {r['ratio_p50']:7.1f}x")


if __name__ == "__main__":
    main()
