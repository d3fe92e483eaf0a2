"""Lighthouse, mobile profile, on every public page in both languages: performance score,
LCP, total blocking time, CLS and bytes, plus the accessibility, best-practices and SEO
scores.

``python -m benchmarks.lighthouse [--runs 2] [--db PATH] [--url URL] [--path P ...]``

Lighthouse is the npm package pinned in ``benchmarks/lighthouse/package.json`` (``make
bench`` installs it) driving the system Chromium (``CHROME_PATH``, default
``/usr/bin/chromium``) with its default mobile settings: a Moto G Power screen, simulated slow
4G (150 ms round trip, 1.6 Mbit/s) and a 4x slower CPU. Nothing is clicked, so the bytes are
those a reader's phone downloads before any interaction.

The server is the production one as the other benchmarks start it (gunicorn with the
repository's config, :func:`benchmarks.server.gunicorn`) on the demonstration build (rebuilt
from ``data/``), measured once its warm-up after the build has rendered every public page
(each page is also asked for once first). ``--url`` measures any running server instead (e.g.
a reverse proxy in front of gunicorn).

The pages are those of the page registry (:func:`dashboard.site_pages.public_pages`, one id
per page with an id), the 404 page and a 400 page. Each is measured ``--runs`` times; the
figure is the worse run (the lower score, the higher time), each run in the notes.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import tempfile
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from benchmarks.page_load import demo_db
from benchmarks.results import Run, add_results_option, command_line
from benchmarks.server import gunicorn
from dashboard.html_first.warm import wait_until_warm
from pipelines.settings import REPO_ROOT, load_settings

LIGHTHOUSE_DIR: Final = REPO_ROOT / "benchmarks" / "lighthouse"
LIGHTHOUSE: Final = LIGHTHOUSE_DIR / "node_modules" / ".bin" / "lighthouse"
CHROME_PATH: Final = "/usr/bin/chromium"
CHROME_FLAGS: Final = "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage"
CATEGORIES: Final = ("performance", "accessibility", "best-practices", "seo")
# audit id -> (figure name, unit): the metrics with budgets.
METRICS: Final = {"largest-contentful-paint": ("lcp", "ms"),
                  "total-blocking-time": ("tbt", "ms"),
                  "cumulative-layout-shift": ("cls", "score"),
                  "total-byte-weight": ("bytes", "bytes"),
                  "first-contentful-paint": ("fcp", "ms")}
LANGS: Final = ("en", "fr")
TIMEOUT_S: Final = 300
WARM_S: Final = 1800


@dataclass(frozen=True)
class Target:
    """One page to measure: its figure name (``<page>_<lang>``) and its URL path."""

    name: str
    path: str


def targets(db: Path) -> list[Target]:
    """Every public page of the registry (one id each), the 404 and a 400, both languages."""
    from dashboard.app import create_app
    from dashboard.site_pages import BAD_REQUEST_EXAMPLE, NOT_FOUND_EXAMPLE, public_pages

    app = create_app(load_settings(db_path=db))
    with app.server.test_request_context("/"):
        pages = [(p.module.rsplit(".", 1)[-1], p.path)
                 for p in public_pages(app.server.config["TRACKER_DATABASE"], sample=True)]
    pages += [("not_found", NOT_FOUND_EXAMPLE), ("bad_request", BAD_REQUEST_EXAMPLE)]
    return [Target(f"{name}_{lang}", f"{path}{'&' if '?' in path else '?'}lang={lang}")
            for name, path in pages for lang in LANGS]


def lighthouse(url: str, out: Path) -> dict[str, Any]:
    """One Lighthouse run of ``url`` (mobile defaults), its report as a dict."""
    # --ignore-status-code: the 404 and 400 pages are pages too.
    command = [str(LIGHTHOUSE), url, "--output=json", f"--output-path={out}", "--quiet",
               f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={CHROME_FLAGS}",
               "--max-wait-for-load=60000", "--ignore-status-code"]
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", CHROME_PATH)}
    subprocess.run(command, check=True, env=env, timeout=TIMEOUT_S, capture_output=True)
    report: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    if report.get("runtimeError"):
        raise RuntimeError(f"{url}: {report['runtimeError']}")
    return report


def figures(report: dict[str, Any]) -> dict[str, float]:
    """The figures of one report: category scores (0 to 100) and metric values."""
    found = {name: float(report["categories"][name]["score"] or 0) * 100 for name in CATEGORIES}
    for audit, (name, _) in METRICS.items():
        found[name] = float(report["audits"][audit]["numericValue"])
    return found


def worst(runs: list[dict[str, float]]) -> dict[str, float]:
    """The worse of the runs per figure: the lowest score, the highest time, shift or size."""
    return {name: (min if name in CATEGORIES else max)(r[name] for r in runs)
            for name in runs[0]}


def warm(url: str, paths: list[str]) -> None:
    """Ask for every page once, as the warm-up after a write does, so no run measures a
    cold render."""
    for path in paths:
        try:
            with urllib.request.urlopen(url + path, timeout=120) as response:
                response.read()
        except urllib.error.HTTPError:
            pass  # the 404 and 400 pages answer with their status


@contextmanager
def server(url: str | None, db: Path) -> Iterator[str]:
    if url:
        yield url.rstrip("/")
        return
    with gunicorn(db) as running:
        urllib.request.urlopen(running.url + "/", timeout=120).read()  # starts the warm-up
        # The server's own settings: this process's environment, as gunicorn() passes it on.
        if not wait_until_warm(load_settings(db_path=db), WARM_S):
            print(f"the warm-up did not finish within {WARM_S} s: measuring anyway")
        yield running.url


def record(result: Run, name: str, runs: list[dict[str, float]]) -> None:
    page = worst(runs)
    for category in CATEGORIES:
        result.add(f"{name}.{category}", f"{name}: Lighthouse {category} score (mobile, worse "
                   f"of {len(runs)})", page[category], "points")
    for name_unit in METRICS.values():
        metric, unit = name_unit
        result.add(f"{name}.{metric}", f"{name}: {metric.upper()} (mobile, worse of "
                   f"{len(runs)})", page[metric], unit)
    for index, one in enumerate(runs, 1):
        result.notes.append(f"{name} run {index}: " + ", ".join(
            f"{k} {v:.3f}" if k == "cls" else f"{k} {v:.0f}" for k, v in one.items()))


def main(argv: list[str] | None = None) -> Run:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--db", type=Path, default=None,
                        help="default: the demonstration build, rebuilt from data/")
    parser.add_argument("--url", help="measure this running server instead of starting one")
    parser.add_argument("--only", action="append",
                        help="measure only pages whose name starts with this (e.g. indicator)")
    add_results_option(parser)
    args = parser.parse_args(argv)
    if not LIGHTHOUSE.exists():
        raise SystemExit(f"{LIGHTHOUSE} is missing: run `make bench` (or npm ci in "
                         f"{LIGHTHOUSE_DIR.relative_to(REPO_ROOT)})")
    db = args.db or demo_db()
    chosen = [t for t in targets(db)
              if not args.only or any(t.name.startswith(o) for o in args.only)]
    result = Run("lighthouse", command_line("benchmarks.lighthouse", argv),
                 {"db": db.name, "runs": args.runs, "pages": len(chosen),
                  "server": args.url or "gunicorn (benchmarks/server.py)"})
    with server(args.url, db) as url, tempfile.TemporaryDirectory() as tmp:
        warm(url, [t.path for t in chosen])
        print(f"{'page':28} {'perf':>5} {'LCP ms':>7} {'TBT ms':>7} {'CLS':>6} {'KB':>6} "
              f"{'a11y':>5} {'bp':>4} {'seo':>4}")
        failed = 0
        for target in chosen:
            try:
                runs = [figures(lighthouse(url + target.path, Path(tmp) / "report.json"))
                        for _ in range(args.runs)]
            except (subprocess.SubprocessError, RuntimeError, KeyError) as error:
                failed += 1
                result.notes.append(f"{target.name}: Lighthouse failed: {str(error)[:300]}")
                print(f"{target.name:28} FAILED {str(error)[:100]}", flush=True)
                continue
            page = worst(runs)
            print(f"{target.name:28} {page['performance']:5.0f} {page['lcp']:7.0f} "
                  f"{page['tbt']:7.0f} {page['cls']:6.3f} {page['bytes'] / 1024:6.0f} "
                  f"{page['accessibility']:5.0f} {page['best-practices']:4.0f} "
                  f"{page['seo']:4.0f}", flush=True)
            record(result, target.name, runs)
        result.add("failed_pages", "pages Lighthouse could not measure", failed, "pages")
    print("wrote", result.write(args.results))
    return result


if __name__ == "__main__":
    main()
