"""Write the empty templates in ``data/submissions/`` from the columns in :mod:`.template`:
``template.csv`` (figures), ``template-deliverables.csv`` (deliverable statuses) and
``template.xlsx`` (a ``submission`` sheet of figures and a ``deliverables`` sheet).

Run after changing the columns: ``python -m pipelines.submissions.make_template``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from pipelines.settings import load_settings
from pipelines.submissions.template import COLUMNS, DELIVERABLE_COLUMNS, DELIVERABLES_SHEET

FIGURES_SHEET = "submission"
# Column widths (characters) of each sheet, in column order.
WIDTHS = {FIGURES_SHEET: (30, 12, 16, 14, 10, 11, 40, 40),
          DELIVERABLES_SHEET: (20, 13, 12, 50, 40, 40, 12)}
SHEETS = {FIGURES_SHEET: COLUMNS, DELIVERABLES_SHEET: DELIVERABLE_COLUMNS}
CSV_FILES = {"template.csv": COLUMNS, "template-deliverables.csv": DELIVERABLE_COLUMNS}
TEXT_ROWS = 500


def write_templates(folder: Path) -> None:
    for name, columns in CSV_FILES.items():
        (folder / name).write_text(",".join(columns) + "\n", encoding="utf-8")
    write_template(folder / "template.xlsx")


def write_template(path: Path) -> None:
    workbook = Workbook()
    for i, (title, columns) in enumerate(SHEETS.items()):
        sheet = workbook.active if i == 0 else workbook.create_sheet()
        assert sheet is not None
        sheet.title = title
        _header(sheet, columns, WIDTHS[title])
    workbook.properties.creator = "Ontario anti-human-trafficking strategy tracker"
    workbook.save(path)


def _header(sheet: Any, columns: tuple[str, ...], widths: tuple[int, ...]) -> None:
    sheet.append(list(columns))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for i, width in enumerate(widths, start=1):
        letter = get_column_letter(i)
        sheet.column_dimensions[letter].width = width
        # Text format, so Excel keeps "2026-27Q2", "1 234" and "2026-09-30" as typed.
        for row in range(2, TEXT_ROWS + 2):
            sheet[f"{letter}{row}"].number_format = "@"


if __name__ == "__main__":
    write_templates(load_settings().submissions_dir)
