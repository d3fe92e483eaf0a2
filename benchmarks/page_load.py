"""Page load in headless Chromium on loopback, cold cache: LCP and bytes transferred.

``python -m benchmarks.page_load [--runs 5] [--db PATH]``

Each run uses a fresh browser context (empty cache). LCP comes from a PerformanceObserver for
'largest-contentful-paint' installed before any page script; bytes are the sum of CDP
``Network.loadingFinished.encodedDataLength`` (what crossed the wire, headers included,
compressed if the server compressed). The database is the demonstration build
(``python -m pipelines build --demo``, written under ``benchmarks/.data/``) unless ``--db``
names another; console errors are counted, CSP violations among them.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
from pathlib import Path

from playwright.sync_api import Browser, sync_playwright

from benchmarks.server import gunicorn
from benchmarks.synthetic import OUT_DIR
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


def measure(browser: Browser, url: str) -> tuple[float, int, int, int]:
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
    return lcp, sum(transferred), len(violations), len(errors)


def run(runs: int, db: Path | None = None, paths: list[str] = PATHS) -> list[dict[str, object]]:
    db = db or demo_db()
    results = []
    executable = shutil.which("chromium")
    with gunicorn(db) as server, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        for path in paths:
            samples = [measure(browser, server.url + path) for _ in range(runs)]
            results.append({
                "path": path,
                "lcp_ms": statistics.median(s[0] for s in samples),
                "kb": statistics.median(s[1] for s in samples) / 1024,
                "csp_violations": max(s[2] for s in samples),
                "console_errors": max(s[3] for s in samples),
            })
        browser.close()
    return results


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="LCP and bytes of a cold page load")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--db", type=Path, default=None, help="default: a fresh demo build")
    parser.add_argument("--path", action="append", help=f"default: {' '.join(PATHS)}")
    args = parser.parse_args(argv)
    print(f"cold page load, headless Chromium, loopback, {args.db or 'demo build'}, "
          f"median of {args.runs}")
    print(f"{'path':40} {'LCP ms':>8} {'KB sent':>9} {'CSP viol.':>9} {'errors':>7}")
    for r in run(args.runs, args.db, args.path or PATHS):
        print(f"{r['path']:40} {r['lcp_ms']:8.0f} {r['kb']:9.0f} {r['csp_violations']:9d} "
              f"{r['console_errors']:7d}")


if __name__ == "__main__":
    main()
