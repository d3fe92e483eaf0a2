"""Write ``data/submissions/template.xlsx`` (one sheet, the template's header row).

Run after changing the columns: ``python -m pipelines.submissions.make_template``.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font

from pipelines.settings import load_settings
from pipelines.submissions.template import COLUMNS


def write_template(path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "submission"
    sheet.append(list(COLUMNS))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for column, width in zip("ABCDEFGH", (30, 12, 16, 14, 10, 11, 40, 40), strict=True):
        sheet.column_dimensions[column].width = width
    # Text format on every column, so Excel keeps "2026-27Q2" and "1 234" as typed.
    for column in "ABCDEFGH":
        for row in range(2, 502):
            sheet[f"{column}{row}"].number_format = "@"
    workbook.properties.creator = "Ontario anti-human-trafficking strategy tracker"
    workbook.save(path)


if __name__ == "__main__":
    write_template(load_settings().submissions_dir / "template.xlsx")
