"""Meanings defined once (docs/architecture.md › Domain rules): the fiscal year's first month,
the strategy the tracker follows and its period, and the words of each progress status."""

from __future__ import annotations

import ast
import re
from datetime import date
from pathlib import Path

import pytest

from pipelines.errors import TrackerError
from pipelines.language.i18n import load_catalogue
from pipelines.settings import REPO_ROOT, load_settings, strategy_period
from pipelines.vocabulary import PROGRESS_STATUSES

CODE = [p for package in ("pipelines", "dashboard") for p in (REPO_ROOT / package).rglob("*.py")]


def _constants(path: Path) -> list[tuple[str, object]]:
    """(name, value) of every assignment of a constant at module level."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in tree.body:
        targets = [node.target] if isinstance(node, ast.AnnAssign) else getattr(node, "targets", [])
        value = getattr(node, "value", None)
        if isinstance(value, ast.Constant):
            found += [(t.id, value.value) for t in targets if isinstance(t, ast.Name)]
    return found


def test_the_fiscal_year_start_is_defined_once() -> None:
    definitions = [(p.relative_to(REPO_ROOT).as_posix(), name) for p in CODE
                   for name, _ in _constants(p) if re.search(r"FISCAL.*(MONTH|START)", name)]
    assert definitions == [("pipelines/periods.py", "FISCAL_YEAR_FIRST_MONTH")]


def test_the_strategy_followed_is_named_once() -> None:
    """Only the settings name the strategy; everything else asks them or the build's data."""
    named = sorted({p.relative_to(REPO_ROOT).as_posix() for p in CODE
                    if re.search(r"""["']2025-2030["']""", p.read_text(encoding="utf-8"))})
    assert named == ["pipelines/settings.py"]


def test_the_strategy_period_is_the_reference_datas(tmp_path: Path) -> None:
    """Written once, in data/reference/strategies.csv (with how the years were read); the
    settings read it from there, so changing the file changes every user of the period."""
    settings = load_settings(env={})
    assert (settings.strategy_start, settings.strategy_end) == (date(2025, 4, 1),
                                                                 date(2030, 3, 31))
    reference = tmp_path / "reference"
    reference.mkdir()
    original = (REPO_ROOT / "data" / "reference" / "strategies.csv").read_text(encoding="utf-8")
    (reference / "strategies.csv").write_text(
        original.replace("2025-04-01,2030-03-31", "2025-07-01,2030-06-30"), encoding="utf-8")
    moved = load_settings(env={}, data_dir=tmp_path)
    assert (moved.strategy_start, moved.strategy_end) == (date(2025, 7, 1), date(2030, 6, 30))


def test_a_strategy_the_reference_data_lacks_is_named_in_the_error(tmp_path: Path) -> None:
    path = tmp_path / "strategies.csv"
    path.write_text("strategy_id,period_start,period_end\n2020-2025,2020-04-01,\n",
                    encoding="utf-8")
    with pytest.raises(TrackerError, match=r"strategies\.csv: no strategy '2020-2025' with a "):
        strategy_period(path, "2020-2025")
    with pytest.raises(TrackerError, match=r"no strategy '2040-2045'"):
        strategy_period(path, "2040-2045")


def test_each_progress_status_has_one_label_per_language() -> None:
    """The words of a status are the catalogue's ``status.<code>`` and nowhere else: no other
    entry is a status's name under another wording (the French once said both "Doit
    s'accélérer" and "À accélérer")."""
    catalogue = load_catalogue()
    for status in PROGRESS_STATUSES:
        assert f"status.{status}" in catalogue
        others = [key for key in catalogue if key != f"status.{status}"
                  and re.fullmatch(rf"[a-z_]+\.{status}(_label)?", key)
                  and "{" not in catalogue[key]["en"] and len(catalogue[key]["en"]) < 40]
        # The pillar verdicts and the indicator assessments are vocabularies of their own.
        assert all(key.split(".")[0] in {"verdict", "assessment"} for key in others), \
            (status, others)
