"""Each benchmark's core at tiny scale (10^3 SYNTHETIC rows, a few runs), so the scripts
cannot rot unnoticed. They print figures; these tests check only that the tables are printed
and the figures are there, never how fast anything is. Locust and Datasette are not needed:
the load test and the Datasette half of the download benchmark are left out."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks import callbacks, downloads, ingest, synthetic
from benchmarks.server import gunicorn
from pipelines.settings import REPO_ROOT

ROWS = 1_000


def test_synthetic_database_is_marked(tmp_path: Path) -> None:
    import duckdb

    path = synthetic.generate(ROWS, tmp_path / "s.duckdb")
    with duckdb.connect(str(path), read_only=True) as con:
        info = dict(con.execute("SELECT key, value FROM meta.build_info").fetchall())
        latest = con.execute("SELECT count(*) FROM marts.latest_figures "
                             "WHERE indicator_id LIKE 'synthetic_%'").fetchone()
    assert info["synthetic"] == "true"
    assert latest is not None and latest[0] >= 1  # 10^3 rows reach the first indicator only


def test_callbacks_prints_its_table(capsys: pytest.CaptureFixture[str]) -> None:
    callbacks.main(["--rows", str(ROWS), "--runs", "2"])
    out = capsys.readouterr().out
    assert "p50/raw" in out
    assert out.count("filter change (indicator page)") == 2  # cache off and on
    assert out.count("page change to / (overview)") == 2


def test_ingest_prints_its_table(capsys: pytest.CaptureFixture[str]) -> None:
    ingest.main(["--rows", str(ROWS)])
    out = capsys.readouterr().out
    assert "exit 0" in out  # the synthetic submission is valid
    assert "read_csv" in out and "ratio" in out


def test_download_core_counts_every_row(tmp_path: Path) -> None:
    db = synthetic.generate(ROWS)
    copied = downloads.to_sqlite(db, tmp_path / "tracker.db")
    with gunicorn(db, workers=1) as server:
        result = downloads.fetch(server.url + "/download/observations.csv", server.workers())
    assert result["rows"] == copied > ROWS
    assert result["mb_s"] > 0 and result["rss_mb"] >= 0


@pytest.mark.skipif(shutil.which("chromium") is None, reason="Debian chromium not installed")
def test_page_load_prints_its_table() -> None:
    # Its own process, as a person runs it: Playwright's sync API allows one instance per
    # process, and the browser tests hold theirs for the whole session.
    done = subprocess.run([sys.executable, "-m", "benchmarks.page_load", "--runs", "1",
                           "--path", "/"], cwd=REPO_ROOT, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "LCP ms" in out
    row = next(line for line in out.splitlines() if line.startswith("/ "))
    assert row.split()[-2] == "0"  # no CSP violation (test_csp_browser checks console errors)
