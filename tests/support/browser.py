"""Debian's Chromium through Playwright, and what every browser test checks the same way:
console errors, axe-core's WCAG rules, and screenshots that are taken only when asked."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, ConsoleMessage, Page, sync_playwright

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-quic",
    "--no-first-run",
    "--disable-component-update",
    "--disable-sync",
]
# WCAG 2.0, 2.1 and 2.2 A and AA (2.2 adds target size and focus not obscured).
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


@contextmanager
def chromium() -> Iterator[Browser]:
    """One Chromium for a test process. Playwright's sync API refuses a second instance in
    the same process, so every browser test of a process shares it."""
    executable = shutil.which("chromium")
    if executable is None:
        raise RuntimeError("Debian's chromium is not installed (make chromium)")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            yield launched
        finally:
            launched.close()


def open_page(page: Page, url: str) -> list[str]:
    """Go to ``url`` and wait until the page has rendered and gone quiet; the console errors
    (and uncaught exceptions) seen meanwhile, and afterwards, go into the list returned."""
    errors: list[str] = []

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            errors.append(message.text)

    page.on("console", on_console)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(url)
    page.wait_for_selector("main#main h1")
    page.wait_for_load_state("networkidle")
    return errors


def axe_violations(page: Page) -> list[dict[str, object]]:
    """axe-core's WCAG 2.0-2.2 A/AA violations on the page as it is now (its report is
    printed when there are any, so a failure says what and where)."""
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS},
                                       "resultTypes": ["violations"]})
    violations: list[dict[str, object]] = results.response["violations"]
    if violations:
        print(results.generate_report())
    return violations


@dataclass(frozen=True)
class Shots:
    """Screenshots for a person to look at: written to ``folder`` when pytest runs with
    ``--screenshots`` (the ``shots`` fixture), skipped otherwise. No assertion depends on
    them."""

    folder: Path | None

    def take(self, page: Page, name: str, *, full_page: bool = True) -> None:
        if self.folder is not None:
            page.screenshot(path=str(self.folder / f"{safe_name(name)}.png"),
                            full_page=full_page)

    def keep(self, file: Path) -> None:
        """Keep a file the test made (a downloaded chart image) beside the screenshots."""
        if self.folder is not None:
            shutil.copy(file, self.folder / file.name)


def safe_name(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "-", text).strip("-") or "page"
