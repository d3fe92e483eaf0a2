"""CSV download throughput: ``/download/observations.csv`` against Datasette serving the same
rows from SQLite, in the same run, with the peak RSS of each server process.

``python -m benchmarks.downloads [--rows 1000000]``

The synthetic rows are ``submitted`` (not demo), so the plain URL downloads all of them. The
same public rows are copied into a SQLite file and served by ``datasette serve`` (a benchmark
tool only, not a project dependency) as ``/<db>/observations.csv?_stream=on``. Both are
fetched uncompressed over loopback, one at a time; Datasette's 100 MB CSV cap
(``max_csv_mb``) is lifted so it sends every row.
"""

from __future__ import annotations

import argparse
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
import psutil

from benchmarks.results import Run, add_results_option, command_line
from benchmarks.server import free_port, gunicorn, wait_until_up
from benchmarks.synthetic import generate
from pipelines.release.export import execute_public, tidy
from pipelines.release.public_fields import FIELDS


def to_sqlite(db: Path, target: Path) -> int:
    """Copy the public observation rows (as the download has them) into ``target``."""
    names = [f.name for f in FIELDS["observations"]]
    lite = sqlite3.connect(target)
    lite.execute(f"CREATE TABLE observations ({', '.join(names)})")
    insert = f"INSERT INTO observations VALUES ({', '.join('?' for _ in names)})"  # noqa: S608
    rows = 0
    with duckdb.connect(str(db), read_only=True) as con:
        result = execute_public(con, "observations")
        while not (chunk := result.fetch_df_chunk(50)).empty:
            frame = tidy(chunk, "observations").astype(object)
            lite.executemany(insert, frame.where(frame.notna(), None).itertuples(index=False))
            rows += len(chunk)
    lite.commit()
    lite.close()
    return rows


@contextmanager
def datasette(path: Path) -> Iterator[tuple[str, psutil.Process]]:
    port = free_port()
    command = [sys.executable, "-m", "datasette", "serve", str(path), "--host", "127.0.0.1",
               "--port", str(port), "--setting", "max_csv_mb", "0"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(url + "/", process, timeout=60)  # type: ignore[arg-type]
        yield url, psutil.Process(process.pid)
    finally:
        process.terminate()
        process.wait(timeout=30)


def fetch(url: str, processes: list[psutil.Process]) -> dict[str, float]:
    """Bytes, lines, seconds and peak RSS (MB) of ``processes`` while fetching ``url``."""
    peak = [0]
    stop = threading.Event()

    def sample() -> None:
        while not stop.wait(0.1):
            try:
                peak[0] = max(peak[0], sum(p.memory_info().rss for p in processes))
            except psutil.NoSuchProcess:
                continue

    sampler = threading.Thread(target=sample)
    sampler.start()
    size = lines = 0
    start = time.perf_counter()
    with urllib.request.urlopen(url, timeout=600) as response:
        while block := response.read(1 << 20):
            size += len(block)
            lines += block.count(b"\n")
    seconds = time.perf_counter() - start
    stop.set()
    sampler.join()
    return {"mb": size / 2**20, "rows": lines - 1, "seconds": seconds,
            "mb_s": size / 2**20 / seconds, "rows_s": (lines - 1) / seconds,
            "rss_mb": peak[0] / 2**20}


def run(rows: int) -> list[dict[str, object]]:
    db = generate(rows)
    work = Path(tempfile.mkdtemp(prefix="download-bench-"))
    lite = work / "tracker.db"
    to_sqlite(db, lite)
    with gunicorn(db, workers=1) as server:
        ours = fetch(server.url + "/download/observations.csv", server.workers())
    with datasette(lite) as (url, process):
        theirs = fetch(url + "/tracker/observations.csv?_stream=on", [process])
    lite.unlink()
    work.rmdir()
    return [{"server": "/download/observations.csv (gunicorn, 1 worker)", **ours},
            {"server": "Datasette, SQLite, ?_stream=on", **theirs}]


def _numbers(result: dict[str, object]) -> dict[str, float]:
    return {k: float(v) for k, v in result.items() if isinstance(v, int | float)}


def record(run: Run, ours: dict[str, object], theirs: dict[str, object]) -> None:
    o, t = _numbers(ours), _numbers(theirs)
    run.add("worker_peak_rss", "/download/observations.csv, worker peak RSS", o["rss_mb"], "MB")
    run.add("rows_per_second", "/download/observations.csv, rows per second", o["rows_s"],
            "rows/s", t["rows_s"], "Datasette ?_stream=on")
    run.add("seconds", f"/download/observations.csv, {o['rows']:,.0f} rows, {o['mb']:.0f} MB",
            o["seconds"], "s", t["seconds"], "Datasette")
    run.add("datasette_peak_rss", "Datasette peak RSS, same rows", t["rss_mb"], "MB")
    if o["rows"] != t["rows"]:
        run.notes.append(f"row counts differ: ours {o['rows']:.0f}, Datasette {t['rows']:.0f}")


def main(argv: list[str] | None = None) -> Run:
    parser = argparse.ArgumentParser(description="CSV download vs Datasette")
    parser.add_argument("--rows", type=int, default=1_000_000)
    add_results_option(parser)
    args = parser.parse_args(argv)
    result = Run("downloads", command_line("benchmarks.downloads", argv),
                 {"synthetic_rows": args.rows})
    ours, theirs = run(args.rows)
    print(f"CSV download of {args.rows:,} SYNTHETIC rows (+ the real ones), loopback")
    print(f"{'server':50} {'rows':>9} {'MB':>7} {'s':>6} {'MB/s':>6} {'rows/s':>8} "
          f"{'peak RSS MB':>11}")
    for r in (ours, theirs):
        print(f"{r['server']:50} {r['rows']:9,} {r['mb']:7.1f} {r['seconds']:6.1f} "
              f"{r['mb_s']:6.1f} {r['rows_s']:8,.0f} {r['rss_mb']:11.0f}")
    record(result, ours, theirs)
    print("wrote", result.write(args.results))
    return result


if __name__ == "__main__":
    main()
