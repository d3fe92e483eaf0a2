"""Page load in headless Chromium on loopback, cold browser cache: LCP and bytes transferred.

``python -m benchmarks.page_load [--runs 5] [--rows 1000000] [--db PATH] [--demo]``

Each run uses a fresh browser context (empty cache). LCP comes from a PerformanceObserver for
'largest-contentful-paint' installed before any page script; bytes are the sum of CDP
``Network.loadingFinished.encodedDataLength`` (what crossed the wire, headers included,
compressed if the server compressed). The server is gunicorn with the repository's config on
the SYNTHETIC database (``--demo``: the demonstration build; ``--db``: any file). The figure
is the median of the runs; the first run, the only one the server renders with its caches
cold, is recorded apart. Console errors are counted, CSP violations among them.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Browser, sync_playwright

from benchmarks.results import Run, add_results_option, command_line
from benchmarks.server import gunicorn
from benchmarks.synthetic import OUT_DIR, generate
from pipelines.build import build_database
from pipelines.settings import load_settings

PATHS = ["/", "/indicator/frontline_workers_trained", "/data"]
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--no-first-run", "--disable-component-update", "--disable-sync"]
LCP_OBSERVER = """
window.__lcp = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) { window.__lcp = entry.startTime; }
}).observe({type: 'largest-contentful-paint', buffered: true});
"""


def demo_db() -> Path:
    """The demonstration build, rebuilt on each run (seconds) so it follows ``data/``."""
    path = OUT_DIR / "demo.duckdb"
    path.parent.mkdir(parents=True, exist_ok=True)
    build_database(load_settings(env={}, db_path=path), demo=True)
    return path


def measure(browser: Browser, url: str) -> tuple[float, int, int, list[str]]:
    """(LCP ms, bytes transferred, CSP violations, console errors) of one cold load."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.add_init_script(LCP_OBSERVER)
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    transferred: list[int] = []
    cdp.on("Network.loadingFinished", lambda e: transferred.append(int(e["encodedDataLength"])))
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(url, wait_until="networkidle")
    page.wait_for_timeout(300)  # LCP is final once the page is idle and painted
    # Reading the buffered entry again after idle gives the final candidate.
    lcp = float(page.evaluate("window.__lcp"))
    context.close()
    violations = [e for e in errors if "Content Security Policy" in e]
    return lcp, sum(transferred), len(violations), errors


@dataclass(frozen=True)
class Loads:
    """The runs of one path: medians, the first run, and the worst error counts."""

    path: str
    lcp_ms: float
    first_lcp_ms: float
    bytes: float
    csp_violations: int
    console_errors: int
    error_texts: tuple[str, ...]


def run(runs: int, db: Path, paths: list[str] = PATHS) -> list[Loads]:
    results = []
    executable = shutil.which("chromium")
    with gunicorn(db) as server, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        for path in paths:
            samples = [measure(browser, server.url + path) for _ in range(runs)]
            errors = [e for s in samples for e in s[3]]
            results.append(Loads(path, statistics.median(s[0] for s in samples), samples[0][0],
                                 statistics.median(s[1] for s in samples),
                                 max(s[2] for s in samples), max(len(s[3]) for s in samples),
                                 tuple(dict.fromkeys(errors))))
        browser.close()
    return results


def record(run: Run, results: list[Loads]) -> None:
    for r in results:
        # The budget is on "/": its figures carry the bare names.
        suffix = "" if r.path == "/" else "_" + (r.path.strip("/").split("/")[0])
        run.add(f"lcp{suffix}", f"cold load {r.path}: LCP (median)", r.lcp_ms, "ms")
        run.add(f"bytes{suffix}", f"cold load {r.path}: bytes transferred (median)", r.bytes,
                "bytes")
        run.add(f"first_lcp{suffix}", f"cold load {r.path}: LCP, first run (server caches "
                "cold)", r.first_lcp_ms, "ms")
        run.add(f"console_errors{suffix}", f"cold load {r.path}: console errors (CSP "
                f"violations: {r.csp_violations})", r.console_errors, "count")
        run.notes += [f"{r.path} console error: {text[:200]}" for text in r.error_texts[:3]]


def main(argv: list[str] | None = None) -> Run:
    parser = argparse.ArgumentParser(description="LCP and bytes of a cold page load")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, default=None, help="default: the SYNTHETIC database")
    parser.add_argument("--demo", action="store_true", help="the demonstration build instead")
    parser.add_argument("--path", action="append", help=f"default: {' '.join(PATHS)}")
    add_results_option(parser)
    args = parser.parse_args(argv)
    db = args.db or (demo_db() if args.demo else generate(args.rows))
    result = Run("page_load", command_line("benchmarks.page_load", argv),
                 {"db": db.name, "runs": args.runs})
    measured = run(args.runs, db, args.path or PATHS)
    print(f"cold page load, headless Chromium, loopback, {db.name}, median of {args.runs}")
    print(f"{'path':40} {'LCP ms':>8} {'KB sent':>9} {'CSP viol.':>9} {'errors':>7}")
    for r in measured:
        print(f"{r.path:40} {r.lcp_ms:8.0f} {r.bytes / 1024:9.0f} {r.csp_violations:9d} "
              f"{r.console_errors:7d}")
    record(result, measured)
    print("wrote", result.write(args.results))
    return result


if __name__ == "__main__":
    main()
