"""One table of the download set as an XLSX workbook (openpyxl, write-only, so rows stream to
the file instead of building the sheet in memory):

1. the data, one row per CSV row, under the same headers, with typed cells (numbers, whole
   numbers, booleans and dates as such, text always as text so nothing runs as a formula),
   the header row frozen and filterable;
2. the data dictionary of the table, in the file's language;
3. the citation: title, version, date, address, licence and the filters that made the file.

A worksheet holds at most :data:`MAX_ROWS` data rows (Excel's 1,048,576 rows, header
included); more raise a :class:`FilterProblem` that tells the reader to use the CSV.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from datetime import date
from typing import Any, Final

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from pipelines.language.i18n import t
from pipelines.release.package import LICENCE, TITLE_EN, TITLE_FR, Release
from pipelines.release.problems import FilterProblem
from pipelines.release.public_fields import FIELDS, Field

MAX_ROWS: Final = 1_048_575
DATE_FORMAT: Final = "yyyy-mm-dd"
_BOLD: Final = Font(bold=True)


def check_fits(count: int) -> None:
    """Refuse a table too long for one worksheet (before anything is written)."""
    if count > MAX_ROWS:
        raise FilterProblem("too_many_rows", count=count, limit=MAX_ROWS)


def _text(sheet: WriteOnlyWorksheet, value: str, bold: bool = False) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value=value)
    cell.data_type = "s"  # text stays text: "=1+1" is never a formula here
    if bold:
        cell.font = _BOLD
    return cell


def _cell(sheet: WriteOnlyWorksheet, field: Field, value: Any) -> WriteOnlyCell | None:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    if field.kind == "number":
        return WriteOnlyCell(sheet, value=float(value))
    if field.kind == "integer":
        return WriteOnlyCell(sheet, value=int(value))
    if field.kind == "boolean":
        return WriteOnlyCell(sheet, value=bool(value))
    if field.kind == "date":
        cell = WriteOnlyCell(sheet, value=value if isinstance(value, date) else
                             pd.Timestamp(value).date())
        cell.number_format = DATE_FORMAT
        return cell
    return _text(sheet, str(value))


def _data_sheet(book: Workbook, table: str, lang: str,
                frames: Iterable[pd.DataFrame]) -> int:
    sheet = book.create_sheet(table)
    fields = FIELDS[table]
    sheet.freeze_panes = "A2"
    for index, field in enumerate(fields):
        sheet.column_dimensions[_column_letter(index)].width = 14 if field.role == "value" \
            else 24
    sheet.append([_text(sheet, f.header(lang), bold=True) for f in fields])
    rows = 0
    for frame in frames:
        columns = [frame[f.name].tolist() for f in fields]
        for values in zip(*columns, strict=True):
            sheet.append([_cell(sheet, f, v) for f, v in zip(fields, values, strict=True)])
            rows += 1
    sheet.auto_filter.ref = f"A1:{_column_letter(len(fields) - 1)}{rows + 1}"
    return rows


def _column_letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return str(get_column_letter(index + 1))


def _dictionary_sheet(book: Workbook, table: str, lang: str) -> None:
    sheet = book.create_sheet(t("xlsx.dictionary_sheet", lang))
    sheet.freeze_panes = "A2"
    keys = ("col_column", "col_other_header", "col_type", "col_role", "col_description",
            "col_allowed", "col_label_of")
    sheet.append([_text(sheet, t(f"xlsx.{key}", lang), bold=True) for key in keys])
    other = "en" if lang == "fr" else "fr"
    headers = {f.name: f.header(lang) for f in FIELDS[table]}
    for f in FIELDS[table]:
        cells = [f.header(lang), f.header(other), f.kind, t(f"xlsx.role_{f.role}", lang),
                 f.fr if lang == "fr" else f.en, " ".join(f.allowed),
                 headers.get(f.label_of or "", "")]
        sheet.append([_text(sheet, c) if c else None for c in cells])


def _citation_sheet(book: Workbook, table: str, lang: str, release: Release,
                    filters: str, rows: int) -> None:
    sheet = book.create_sheet(t("xlsx.citation_sheet", lang))
    lines = [
        ("title", TITLE_FR if lang == "fr" else TITLE_EN),
        ("cite", release.citation(lang)),
        ("version", release.version),
        ("built", release.date),
        ("address", release.url),
        ("licence", f"{t('cite.licence_name', lang)} ({LICENCE['path']})"),
        ("source_terms", t("cite.source_terms", lang)),
        ("table", table),
        ("filters", filters or t("xlsx.no_filters", lang)),
    ]
    for key, value in lines:
        sheet.append([_text(sheet, t(f"xlsx.{key}", lang), bold=True), _text(sheet, value)])
    sheet.append([_text(sheet, t("xlsx.rows", lang), bold=True),
                  WriteOnlyCell(sheet, value=rows)])
    sheet.column_dimensions["A"].width = 28
    sheet.column_dimensions["B"].width = 100


def xlsx_bytes(table: str, lang: str, frames: Iterable[pd.DataFrame], release: Release,
               filters: str = "") -> bytes:
    """The workbook of ``table``'s rows (``frames``: its tidy frames, labels in ``lang``);
    ``filters`` is the query that chose the rows, as written in the citation sheet."""
    book = Workbook(write_only=True)
    rows = _data_sheet(book, table, lang, frames)
    _dictionary_sheet(book, table, lang)
    _citation_sheet(book, table, lang, release, filters, rows)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
