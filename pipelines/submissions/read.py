"""Read a submission file (CSV or one-sheet XLSX) into text cells, or say why it cannot be read.

Checks that need the file rather than its rows live here: size, kind, encoding, emptiness and
formula cells. Everything else is validated on the text cells by ``validate``.
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from openpyxl import load_workbook

from pipelines.errors import Problem
from pipelines.submissions.template import EXTENSIONS

_ZIP_MAGIC = b"PK\x03\x04"


@dataclass
class Table:
    """Header and data rows of one file; ``rows`` pairs the spreadsheet row number with cells."""

    header: list[str] = field(default_factory=list)
    rows: list[tuple[int, dict[str, str]]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def read_table(path: Path, name: str, max_bytes: int) -> Table:
    """Read ``path``; ``name`` is how problems refer to the file (as given on the command line)."""
    size = path.stat().st_size
    if size > max_bytes:
        return _fail(name, f"file is {size:,} bytes, over the {max_bytes:,}-byte limit")
    if size == 0:
        return _fail(name, "file is empty")
    data = path.read_bytes()
    kind = _kind(path, data)
    if kind is None:
        return _fail(name, "not a CSV or XLSX file; save the template as .csv or .xlsx")
    table = _read_xlsx(data, name) if kind == "xlsx" else _read_csv(data, name)
    if not table.problems and not table.header:
        return _fail(name, "file is empty")
    if not table.problems and not table.rows:
        return _fail(name, "file has a header but no data rows")
    return table


def _fail(name: str, message: str) -> Table:
    return Table(problems=[Problem(name, 0, "-", message)])


def _kind(path: Path, data: bytes) -> str | None:
    """Trust the extension only when the content agrees with it."""
    suffix = path.suffix.lower()
    if suffix not in EXTENSIONS:
        return None
    if suffix == ".xlsx":
        return "xlsx" if data.startswith(_ZIP_MAGIC) and _is_workbook(data) else None
    # Text never contains NUL bytes; spreadsheets, PDFs and images almost always do.
    return "csv" if b"\x00" not in data[:8192] and not data.startswith(_ZIP_MAGIC) else None


def _is_workbook(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "xl/workbook.xml" in archive.namelist()
    except zipfile.BadZipFile:
        return False


def _decode(data: bytes) -> str | None:
    # Excel on Windows saves "CSV" as Windows-1252; UTF-8 first because it is strict.
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None


def _read_csv(data: bytes, name: str) -> Table:
    text = _decode(data)
    if text is None:
        return _fail(name, "cannot decode the file as UTF-8 or Windows-1252 text")
    grid = [[cell.strip() for cell in row] for row in csv.reader(io.StringIO(text, newline=""))]
    table = _table(name, grid)
    # A CSV cell starting with "=" is a formula pasted as text (and a spreadsheet-injection risk).
    for number, cells in table.rows:
        for column, cell in cells.items():
            if cell.startswith("="):
                table.problems.append(_formula_problem(name, number, column, cell))
    return table


def _read_xlsx(data: bytes, name: str) -> Table:
    workbook = load_workbook(io.BytesIO(data), data_only=False, read_only=False)
    if len(workbook.worksheets) != 1:
        count = len(workbook.worksheets)
        return _fail(name, f"workbook has {count} sheets; submit exactly one sheet")
    sheet = workbook.worksheets[0]
    grid: list[list[str]] = []
    formulas: list[tuple[int, int, str]] = []
    for r, cells in enumerate(sheet.iter_rows(), start=1):
        row: list[str] = []
        for c, cell in enumerate(cells):
            text = _cell_text(cell.value)
            if cell.data_type == "f" or text.startswith("="):
                formulas.append((r, c, text))
            row.append(text)
        grid.append(row)
    table = _table(name, grid)
    for r, c, text in formulas:
        column = table.header[c] if c < len(table.header) and table.header[c] else "-"
        table.problems.append(_formula_problem(name, r, column, text))
    return table


def _formula_problem(name: str, row: int, column: str, text: str) -> Problem:
    return Problem(name, row, column, f"formula cell {text!r}; paste the value, not the formula")


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value).strip()


def _table(name: str, grid: list[list[str]]) -> Table:
    """First non-blank row is the header; blank rows are skipped but keep their numbers."""
    numbered = [(i, row) for i, row in enumerate(grid, start=1) if any(cell for cell in row)]
    if not numbered:
        return Table()
    _, header = numbered[0]
    while header and not header[-1]:
        header = header[:-1]
    header = [cell.strip().lower() for cell in header]
    table = Table(header=header)
    for number, row in numbered[1:]:
        cells = {col: (row[i] if i < len(row) else "") for i, col in enumerate(header) if col}
        extra = [cell for cell in row[len(header):] if cell]
        if extra:
            table.problems.append(Problem(name, number, "-", "more cells than header columns"))
        table.rows.append((number, cells))
    return table
