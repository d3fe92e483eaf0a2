"""Each benchmark's core at tiny scale (10^3 SYNTHETIC rows, a few runs), so the scripts
cannot rot unnoticed. They check that each writes its JSON with every figure, budget and
``met`` flag the table in docs/benchmarks.md is made from, never how fast anything is. Locust
and Datasette (the ``bench`` extra) are not needed: the load test and the Datasette half of the
download benchmark are left out."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import duckdb
import pytest

from benchmarks import callbacks, downloads, ingest, report, synthetic
from benchmarks.budgets import BUDGETS, Budget
from benchmarks.results import Run
from benchmarks.server import gunicorn
from pipelines.settings import REPO_ROOT

# Each benchmark measures time: run alone, after the parallel part (docs/testing.md).
pytestmark = pytest.mark.serial

ROWS = 1_000


def _figures(path: Path) -> dict[str, dict[str, Any]]:
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["machine"]["cpus"] and len(document["machine"]["load_average_before"]) == 3
    return {f["key"]: f for f in document["figures"]}


def test_synthetic_database_holds_marked_submissions(tmp_path: Path) -> None:
    path = synthetic.generate(ROWS, tmp_path / "s.duckdb")
    with duckdb.connect(str(path), read_only=True) as con:
        def one(sql: str) -> Any:
            row = con.execute(sql).fetchone()
            assert row is not None
            return row[0]

        info = dict(con.execute("SELECT key, value FROM meta.build_info").fetchall())
        assert info["synthetic"] == "true"
        assert one("SELECT count(*) FROM staging.submission_rows") == ROWS
        assert one("SELECT count(*) FROM marts.observation_history") == ROWS
        assert one("SELECT count(*) FROM marts.observation_history WHERE revision") > 0
        assert one("SELECT bool_and(file LIKE 'synthetic_%') FROM meta.loads")
        assert one("SELECT bool_and(observation_id LIKE 'synthetic_%' AND load_id IS NOT NULL) "
                   "FROM marts.observations WHERE source_id = 'synthetic_generator'")
        assert one("SELECT title FROM meta.sources WHERE source_id = 'synthetic_generator'"
                   ).startswith("SYNTHETIC")
        assert one("SELECT count(*) FROM marts.submission_coverage WHERE submitted") > 0
        assert one("SELECT count(*) FROM marts.latest_figures "
                   "WHERE indicator_id LIKE 'synthetic_%'") >= 1


def test_callbacks_writes_every_case_with_its_budgets(tmp_path: Path) -> None:
    callbacks.main(["--rows", str(ROWS), "--runs", "2", "--results", str(tmp_path)])
    figures = _figures(tmp_path / "callbacks.json")
    for case in ("indicator_filter", "overview", "pillar", "quarterly_review"):
        cold = figures[f"callbacks.{case}.p95_cache_off"]
        assert cold["baseline"]["value"] > 0 and cold["ratio"] > 0  # raw DuckDB, same run
        assert cold["budget"] and isinstance(cold["met"], bool)
        assert isinstance(figures[f"callbacks.{case}.p95_cache_on"]["met"], bool)


def test_ingest_writes_its_ratio_to_read_csv(tmp_path: Path) -> None:
    ingest.main(["--rows", str(ROWS), "--results", str(tmp_path)])
    seconds = _figures(tmp_path / "ingest.json")["ingest.seconds"]
    assert seconds["baseline"]["what"] == "DuckDB read_csv"
    assert seconds["budget"] and isinstance(seconds["met"], bool)


def test_download_core_counts_every_row(tmp_path: Path) -> None:
    db = synthetic.generate(ROWS)
    copied = downloads.to_sqlite(db, tmp_path / "tracker.db")
    with gunicorn(db, workers=1) as server:
        result = downloads.fetch(server.url + "/download/observations.csv", server.workers())
    assert result["rows"] == copied > ROWS * 0.9
    assert result["mb_s"] > 0 and result["rss_mb"] >= 0
    run = Run("downloads", ["test"])
    downloads.record(run, result, {**result, "rows_s": result["rows_s"] / 4})
    throughput = run.as_json()["figures"][1]
    assert throughput["key"] == "downloads.rows_per_second"
    assert throughput["ratio"] == 4 and throughput["met"] is True


@pytest.mark.parametrize(("budget", "value", "baseline", "met"), [
    (Budget("", max_value=100, max_ratio=2), 90, 50, True),
    (Budget("", max_value=100, max_ratio=2), 90, 40, False),  # 2.25x raw
    (Budget("", max_value=100, max_ratio=2), 101, 60, False),
    (Budget("", max_ratio=3), 1, None, False),  # no baseline: cannot be said to be met
    (Budget("", min_ratio=2), 10, 5, True),
    (Budget("", max_value=0), 0, None, True),
])
def test_budgets(budget: Budget, value: float, baseline: float | None, met: bool) -> None:
    assert budget.met(value, baseline) is met


def test_every_budget_of_the_issue_is_there() -> None:
    for key in ("callbacks.quarterly_review.p95_cache_off", "ingest.seconds",
                "downloads.worker_peak_rss", "downloads.rows_per_second", "load.p95",
                "load.failed_requests", "page_load.lcp", "page_load.bytes",
                "recycle.failed_requests", "recycle.signal_deaths"):
        assert key in BUDGETS


def test_report_regenerates_the_docs_table(tmp_path: Path) -> None:
    run = Run("downloads", ["python", "-m", "benchmarks.downloads"])
    run.add("worker_peak_rss", "peak RSS", 420.0, "MB")
    run.write(tmp_path)
    readme = tmp_path / "benchmarks.md"
    readme.write_text(f"# x\n\n{report.START}\nold\n{report.END}\n\nafter\n", encoding="utf-8")
    report.update_doc(report.read_all(tmp_path), readme)
    text = readme.read_text(encoding="utf-8")
    assert "old" not in text and text.endswith("after\n")
    assert "| downloads | peak RSS | 420 MB |  | <= 300 MB | MISSED |" in text


@pytest.mark.skipif(shutil.which("chromium") is None, reason="Debian chromium not installed")
def test_page_load_writes_lcp_and_bytes(tmp_path: Path) -> None:
    # Its own process, as a person runs it: Playwright's sync API allows one instance per
    # process, and the browser tests hold theirs for the whole session.
    db = synthetic.generate(ROWS)
    done = subprocess.run([sys.executable, "-m", "benchmarks.page_load", "--runs", "1",
                           "--path", "/", "--db", str(db), "--results", str(tmp_path)],
                          cwd=REPO_ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    figures = _figures(tmp_path / "page_load.json")
    assert figures["page_load.lcp"]["value"] > 0 and figures["page_load.bytes"]["value"] > 0
    assert figures["page_load.console_errors"]["value"] == 0
