"""The empty templates in data/submissions are what the generator writes, and the ingest reads
them as intended: untouched, a template has no data; filled, it loads; the examples load."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from pipelines.settings import REPO_ROOT
from pipelines.submissions.make_template import write_templates
from tests.support.submissions import loads

FOLDER = REPO_ROOT / "data" / "submissions"


def _sheets(path: Path) -> dict[str, list[tuple[object, ...]]]:
    workbook = load_workbook(path, read_only=True)
    try:
        return {s.title: list(s.iter_rows(values_only=True)) for s in workbook.worksheets}
    finally:
        workbook.close()


def test_the_committed_templates_are_the_generated_ones(tmp_path: Path) -> None:
    write_templates(tmp_path)
    for name in ("template.csv", "template-deliverables.csv"):
        assert (FOLDER / name).read_bytes() == (tmp_path / name).read_bytes(), name
    assert _sheets(FOLDER / "template.xlsx") == _sheets(tmp_path / "template.xlsx")
    assert list(_sheets(FOLDER / "template.xlsx")) == ["submission", "deliverables"]


def test_an_untouched_template_has_no_data(run) -> None:
    for name in ("template.xlsx", "template.csv", "template-deliverables.csv"):
        result = run(FOLDER / name)
        assert result.exit_code == 1
        assert result.stderr.strip() == f"{FOLDER / name}:0:-: file has a header but no data rows"


def test_the_filled_workbook_template_loads(run, db: Path, tmp_path: Path) -> None:
    workbook = load_workbook(FOLDER / "template.xlsx")
    workbook["submission"].append(["frontline_workers_trained", "2025-26Q2", "ontario", "total",
                                   "70", "exact", None, "Training Program"])
    workbook["deliverables"].append(["awareness-a1", "in_progress", "2025-08-15", None, None,
                                     "Training Program", "2026-03-31"])
    path = tmp_path / "filled.xlsx"
    workbook.save(path)
    result = run(path)
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == (f"{path}: accepted 1 rows (load 1) and 1 deliverable "
                                     "status")


def test_the_examples_load(run, db: Path) -> None:
    result = run(FOLDER / "example-2025-26Q1.csv", FOLDER / "example-deliverables-2025-26Q1.csv")
    assert result.exit_code == 0, result.output
    assert [(r[1], r[2], r[4]) for r in loads(db)] == [
        ("example-2025-26Q1.csv", 13, "accepted"),
        ("example-deliverables-2025-26Q1.csv", 3, "accepted")]
