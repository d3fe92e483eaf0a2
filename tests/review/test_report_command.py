"""``python -m dashboard report``: exit codes, one self-contained file, both languages."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from dashboard.__main__ import main as cli
from tests.support.html import EXTERNAL


def _report(db: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["report", "--db", str(db), *args])
    return result.exit_code, result.output


@pytest.mark.parametrize(("lang", "words"), [
    ("en", ["DEMONSTRATION DATA", "Revisions since the last review", "Missing submissions"]),
    ("fr", ["DONNÉES DE DÉMONSTRATION", "Révisions depuis le dernier examen",
            "Soumissions manquantes"]),
])
def test_writes_one_self_contained_file(demo_db: Path, tmp_path: Path, lang: str,
                                        words: list[str]) -> None:
    out = tmp_path / f"briefing-{lang}.html"
    code, output = _report(demo_db, "--quarter", "2025-26Q2", "--out", str(out), "--lang", lang)
    assert code == 0, output
    html = out.read_text(encoding="utf-8")
    assert f'<html lang="{lang}">' in html
    assert not EXTERNAL.search(html)
    assert "<script" not in html and "<link" not in html
    assert "<svg" in html and "@media print" in html and "<caption>" in html
    assert "911" in html and "1 833 900-1010" in html
    # One demonstration label per section: each pillar, the changes and the notes.
    assert html.count('class="demo-label"') >= 6
    for word in words:
        assert word in html
    assert len(html.encode()) < 200_000


def test_unknown_quarter_exits_1_with_one_line(demo_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "x.html"
    code, output = _report(demo_db, "--quarter", "2021-22Q1", "--out", str(out))
    assert code == 1
    assert output.strip() == "error: no quarterly data for 2021-22Q1"
    assert not out.exists()


@pytest.mark.parametrize("args", [["--quarter", "2026Q2"], ["--quarter", "2026-27Q5"], []])
def test_malformed_quarter_or_usage_exits_2(demo_db: Path, tmp_path: Path,
                                            args: list[str]) -> None:
    code, _ = _report(demo_db, *args, "--out", str(tmp_path / "x.html"))
    assert code == 2
