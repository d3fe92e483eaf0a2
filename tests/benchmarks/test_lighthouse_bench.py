"""The Lighthouse benchmark at tiny scale: its pages come from the page registry, its budgets
are those of the issue, and one run writes every figure with its budget and ``met`` (never
how fast anything is: that is ``make bench``'s job)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from benchmarks import lighthouse
from benchmarks.budgets import budget_for
from dashboard.site_pages import public_templates
from tests.support.server import dashboard


def test_the_pages_are_every_public_page_and_the_error_pages(demo_db: Path) -> None:
    names = {t.name for t in lighthouse.targets(demo_db)}
    modules = {m.rsplit(".", 1)[-1] for m, _ in public_templates()}
    expected = {f"{m}_{lang}" for m in [*modules, "not_found", "bad_request"]
                for lang in ("en", "fr")}
    assert names == expected


@pytest.mark.parametrize(("key", "value", "met"), [
    ("lighthouse.overview_fr.performance", 90, True),
    ("lighthouse.overview_fr.performance", 89, False),
    ("lighthouse.data_en.lcp", 2001, False),
    ("lighthouse.data_en.tbt", 150, True),
    ("lighthouse.embed_en.cls", 0.03, False),
    ("lighthouse.indicator_en.bytes", 400_001, False),
    ("lighthouse.about_en.seo", 100, True),
    ("lighthouse.about_en.accessibility", 98, False),
])
def test_the_budgets_are_the_issues(key: str, value: float, met: bool) -> None:
    budget = budget_for(key)
    assert budget is not None and budget.met(value, None) is met


def test_other_pages_bytes_have_no_budget() -> None:
    assert budget_for("lighthouse.overview_en.bytes") is None


@pytest.mark.browser
@pytest.mark.skipif(not lighthouse.LIGHTHOUSE.exists(), reason="make bench installs Lighthouse")
def test_one_run_writes_every_figure_with_its_budget(demo_db: Path, tmp_path: Path) -> None:
    with dashboard(demo_db, state_dir=tmp_path / "state") as server:
        lighthouse.main(["--url", server.url, "--db", str(demo_db), "--only", "safety_fr",
                         "--runs", "1", "--results", str(tmp_path)])
    document = json.loads((tmp_path / "lighthouse.json").read_text(encoding="utf-8"))
    figures = {f["key"]: f for f in document["figures"]}
    for metric in ("performance", "accessibility", "best-practices", "seo", "lcp", "tbt",
                   "cls"):
        figure = figures[f"lighthouse.safety_fr.{metric}"]
        assert figure["budget"] and isinstance(figure["met"], bool)
    assert figures["lighthouse.failed_pages"]["value"] == 0
