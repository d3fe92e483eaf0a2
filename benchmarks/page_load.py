"""Page load in headless Chromium on loopback, cold cache: LCP and bytes transferred.

``python -m benchmarks.page_load [--rows 1000000] [--runs 5]``

Each run uses a fresh browser context (empty cache). LCP comes from a PerformanceObserver for
'largest-contentful-paint' installed before any page script; bytes are the sum of CDP
``Network.loadingFinished.encodedDataLength`` (what crossed the wire, headers included,
compressed if the server compressed). The probe chart page stands in for an indicator page
until the real one draws a chart; the indicator URL is measured too.
"""

from __future__ import annotations

import argparse
import shutil
import statistics

from playwright.sync_api import Browser, sync_playwright

from benchmarks.server import PROBE_APP, gunicorn
from benchmarks.synthetic import generate

PATHS = ["/", "/indicator/frontline_workers_trained", "/probe/chart"]
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--no-first-run", "--disable-component-update", "--disable-sync"]
LCP_OBSERVER = """
window.__lcp = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) { window.__lcp = entry.startTime; }
}).observe({type: 'largest-contentful-paint', buffered: true});
"""


def measure(browser: Browser, url: str) -> tuple[float, int, int]:
    """(LCP ms, bytes transferred, CSP violations) of one cold load of ``url``."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.add_init_script(LCP_OBSERVER)
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    transferred: list[int] = []
    cdp.on("Network.loadingFinished", lambda e: transferred.append(int(e["encodedDataLength"])))
    violations: list[str] = []
    page.on("console", lambda m: violations.append(m.text)
            if "Content Security Policy" in m.text else None)
    page.goto(url, wait_until="networkidle")
    page.wait_for_timeout(300)  # LCP is final once the page is idle and painted
    # Reading the buffered entry again after idle gives the final candidate.
    lcp = float(page.evaluate("window.__lcp"))
    context.close()
    return lcp, sum(transferred), len(violations)


def run(rows: int, runs: int) -> list[dict[str, object]]:
    db = generate(rows)
    results = []
    executable = shutil.which("chromium")
    with gunicorn(db, app=PROBE_APP) as server, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        for path in PATHS:
            samples = [measure(browser, server.url + path) for _ in range(runs)]
            results.append({
                "path": path,
                "lcp_ms": statistics.median(s[0] for s in samples),
                "kb": statistics.median(s[1] for s in samples) / 1024,
                "csp_violations": max(s[2] for s in samples),
            })
        browser.close()
    return results


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="LCP and bytes of a cold page load")
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    print(f"cold page load, headless Chromium, loopback, {args.rows:,} SYNTHETIC rows, "
          f"median of {args.runs}")
    print(f"{'path':40} {'LCP ms':>8} {'KB sent':>9} {'CSP errors':>10}")
    for r in run(args.rows, args.runs):
        print(f"{r['path']:40} {r['lcp_ms']:8.0f} {r['kb']:9.0f} {r['csp_violations']:10d}")


if __name__ == "__main__":
    main()
