"""Read the sheets of a workbook into CSV files, in a process of its own (run by
:mod:`.xlsx`, never imported by the project).

    python -I xlsx_cells.py WORKBOOK OUT_DIR MEMORY_BYTES NAME=PART[=LABEL] ...

Each ``NAME=PART=LABEL`` names a worksheet, its XML part in the package and the CSV written
for it (``OUT_DIR/LABEL.csv``). python-calamine (Rust) reads the cells; a cell holding a
formula is written as its formula text (``=…``), found in the part's XML, so that validation
refuses it. Each CSV line is the row number then the row's cells (at most ``MAX_COLUMNS``),
one line per row from row 1, blank rows included.

Why a process: calamine builds a dense rectangle of cells from the first cell to the last,
so a few cells far apart (``A1`` and ``ZZ300000``) ask for gigabytes. Here the address space
is capped at ``MEMORY_BYTES`` and the caller's timeout bounds the time: a hostile workbook
ends this process, never the web worker. Exit 0 with
``{"ok": true, "widths": {LABEL: cells per row}}`` on stdout, or 3 with
``{"refusal": {"code": …, "params": {…}}}`` for a workbook that cannot be read as asked: a
problem code of ``pipelines/problem_codes.py`` (this process imports nothing of the project;
the caller accepts only the codes it expects).
"""

from __future__ import annotations

import csv
import html
import json
import re
import resource
import sys
import zipfile
from datetime import date, datetime, time, timedelta
from pathlib import Path

MAX_COLUMNS = 64
MAX_ROWS = 1_048_576
_FORMULA = re.compile(rb"<((?:[A-Za-z_][\w.-]*:)?)f[\s/>]")
_REFERENCE = re.compile(rb"""\sr\s*=\s*["']([A-Za-z]{1,3})([0-9]{1,7})["']""")
_MARKERS = (b"<f>", b"<f ", b"<f/", b":f>", b":f ", b":f/")


def cell_text(value: object) -> str:
    """A cell as the text a person typed: whole numbers without ``.0``, dates in ISO form."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, timedelta):
        return str(value)
    return str(value).replace("\x00", "").strip()


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters.upper():
        number = number * 26 + letter - 64
    return number - 1


def formula_cells(archive: zipfile.ZipFile, part: str) -> dict[tuple[int, int], str]:
    """(row, column) -> "=formula" for every cell of ``part`` that holds a formula (0-based
    column, 1-based row). A formula whose cell has no reference is listed at (0, 0)."""
    data = archive.read(part)
    if not any(marker in data for marker in _MARKERS):
        return {}
    found: dict[tuple[int, int], str] = {}
    for match in _FORMULA.finditer(data):
        prefix = match.group(1)
        start = max(data.rfind(b"<" + prefix + b"c ", 0, match.start()),
                    data.rfind(b"<" + prefix + b"c>", 0, match.start()))
        reference = _REFERENCE.search(data, start, data.find(b">", start) + 1)
        end = data.find(b"</" + prefix + b"f>", match.end())
        closed = data[match.start():data.find(b">", match.start()) + 1].endswith(b"/>")
        text = "" if closed or end < 0 else html.unescape(
            data[data.find(b">", match.start()) + 1:end].decode("utf-8", "replace"))
        key = ((int(reference.group(2)), _column_number(reference.group(1)))
               if reference else (0, 0))
        found[key] = "=" + text[:200]
    return found


Refusal = dict[str, object]


def refusal(code: str, **params: object) -> Refusal:
    return {"code": code, "params": params}


def write_sheet(workbook: object, name: str, formulas: dict[tuple[int, int], str],
                out: Path) -> Refusal | int:
    """Write sheet ``name`` as CSV to ``out``: its width (cells per row), or a refusal."""
    sheet = workbook.get_sheet_by_name(name)  # type: ignore[attr-defined]
    if sheet.total_height > MAX_ROWS:
        return refusal("sheet_too_many_rows", limit=MAX_ROWS)
    _start_row, start_column = sheet.start or (0, 0)
    by_row: dict[int, dict[int, str]] = {}
    for (row, column), formula in formulas.items():
        if column < MAX_COLUMNS:
            by_row.setdefault(row, {})[column] = formula
    width = min(MAX_COLUMNS, max([start_column + sheet.width, 1]
                                 + [c + 1 for cells in by_row.values() for c in cells]))
    with out.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, quoting=csv.QUOTE_ALL, lineterminator="\n")
        number = 0
        # iter_rows gives every row from the first (blank ones too), each from the first
        # filled column: columns before it are put back.
        for number, values in enumerate(sheet.iter_rows(), start=1):
            if number > MAX_ROWS:
                return refusal("sheet_too_many_rows", limit=MAX_ROWS)
            texts = [""] * min(start_column, MAX_COLUMNS)
            texts += [cell_text(v) for v in values[:MAX_COLUMNS - len(texts)]]
            texts += [""] * (width - len(texts))
            for column, formula in by_row.pop(number, {}).items():
                texts[column] = formula
            writer.writerow([number, *texts])
        if sheet.end is not None and number != sheet.end[0] + 1:
            return refusal("rows_not_numbered")
        for row in sorted(by_row):  # formulas without a value, below the last value
            for blank in range(number + 1, row):
                writer.writerow([blank] + [""] * width)
            writer.writerow([row, *(by_row[row].get(c, "") for c in range(width))])
            number = row
    return int(width)


def _reason(error: BaseException) -> str:
    text = str(error).splitlines()[0][:120] if str(error) else ""
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


def main(argv: list[str]) -> int:
    workbook_path, out_dir, memory = Path(argv[0]), Path(argv[1]), int(argv[2])
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    try:
        return _read(workbook_path, out_dir, argv[3:])
    except MemoryError:
        raise
    # calamine, zipfile and the XML of a malformed part raise many kinds of error; each
    # means "not a workbook we can read", said in one line.
    except Exception as error:
        if type(error).__name__ == "XmlError":  # calamine's, on a sheet cut short or garbled
            words = str(error).removeprefix("syntax error: ").splitlines()[0][:120]
            refused = refusal("sheet_malformed_xml", reason=words)
        else:
            refused = refusal("workbook_unreadable", reason=_reason(error))
        print(json.dumps({"refusal": refused}))
        return 3


def _read(workbook_path: Path, out_dir: Path, specs: list[str]) -> int:
    from python_calamine import CalamineWorkbook  # after the cap, which covers it too

    sheets = [spec.rsplit("=", 2) for spec in specs]
    widths: dict[str, int] = {}
    with zipfile.ZipFile(workbook_path) as archive, \
            CalamineWorkbook.from_path(str(workbook_path)) as workbook:
        for name, part, label in sheets:
            formulas = formula_cells(archive, part)
            if any(key == (0, 0) for key in formulas):
                refused: Refusal | None = refusal("formula_without_reference")
            elif any(row > MAX_ROWS for row, _ in formulas):
                refused = refusal("sheet_too_many_rows", limit=MAX_ROWS)
            else:
                written = write_sheet(workbook, name, formulas, out_dir / f"{label}.csv")
                refused = written if isinstance(written, dict) else None
                widths[label] = written if isinstance(written, int) else 0
            if refused:
                print(json.dumps({"refusal": refused}))
                return 3
    print(json.dumps({"ok": True, "widths": widths}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
