"""Read an XLSX submission safely, a row at a time: one sheet of figures and, optionally, a
second sheet named ``deliverables`` (deliverable statuses; README under data/submissions).

An XLSX is a zip of XML parts, and both layers can be hostile: a small file can unpack to
gigabytes (a zip bomb) and XML can declare entities (external entities read local files or
URLs; nested ones, "billion laughs", expand exponentially). So, before anything is parsed:

1. the zip directory is read: the number of parts, the total unpacked size and each part's
   unpacked size must be under the settings' limits (Python's ``zipfile`` stops at the size
   the directory declares, so a part cannot unpack to more than was checked);
2. every XML part's prologue is parsed with ``defusedxml`` with document types forbidden,
   which refuses entity declarations (general and parameter) before the root element;

and only then does openpyxl stream the sheets in read-only mode. Any failure of the parser on
what is left (a malformed part, a truncated sheet) becomes one message, never a traceback.
"""

from __future__ import annotations

import io
import zipfile
from datetime import date, datetime, time
from typing import Any, Final
from xml.etree.ElementTree import ParseError

import duckdb
from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse

from pipelines.settings import Settings
from pipelines.submissions import cells
from pipelines.submissions.cells import CellSink
from pipelines.submissions.template import DELIVERABLES_SHEET

# Excel's own sheet limits; openpyxl pads each row to the last column asked for, so reading
# at most MAX_COLUMNS keeps a row that names column XFD from allocating 16,384 cells.
MAX_ROWS: Final = 1_048_576
MAX_COLUMNS: Final = 64


def stage_xlsx(con: duckdb.DuckDBPyConnection, data: bytes, settings: Settings) -> str | None:
    """Stream the figures sheet of ``data`` into the staged cells (:data:`.cells.TABLE`) and
    its ``deliverables`` sheet, when there is one, into :data:`.cells.DELIVERABLES`; a
    message when the workbook cannot be read."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            refusal = check_package(archive, settings) or _check_xml_parts(archive)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as error:
        return f"the workbook cannot be unpacked ({error}); save it again as .xlsx"
    if refusal:
        return refusal
    try:
        return _stream(con, data)
    except ParseError as error:  # a part that goes wrong after its prologue
        return f"the sheet is not well-formed XML ({_where(error)}); save it again as .xlsx"
    # openpyxl raises whatever its parser hits (KeyError, TypeError, ParseError...) on a
    # malformed part; all of them mean "not a workbook we can read", so none may escape.
    except Exception as error:
        return f"the workbook cannot be read ({_reason(error)}); save it again as .xlsx"


def check_package(archive: zipfile.ZipFile, settings: Settings) -> str | None:
    """Refuse a package whose directory announces too many parts or too many bytes."""
    parts = archive.infolist()
    if len(parts) > settings.max_xlsx_entries:
        return f"workbook has {len(parts):,} parts, over the limit of {settings.max_xlsx_entries:,}"
    for part in parts:
        if part.file_size > settings.max_xlsx_part_bytes:
            return (f'workbook part "{part.filename}" unpacks to {part.file_size:,} bytes, '
                    f"over the {settings.max_xlsx_part_bytes:,}-byte limit")
    total = sum(part.file_size for part in parts)
    if total > settings.max_xlsx_unpacked_bytes:
        return (f"workbook unpacks to {total:,} bytes, over the "
                f"{settings.max_xlsx_unpacked_bytes:,}-byte limit")
    return None


def _check_xml_parts(archive: zipfile.ZipFile) -> str | None:
    for part in archive.infolist():
        if part.filename.lower().endswith((".xml", ".rels")):
            problem = _check_prologue(archive, part)
            if problem:
                return f'workbook part "{part.filename}" {problem}'
    return None


def _check_prologue(archive: zipfile.ZipFile, part: zipfile.ZipInfo) -> str | None:
    """A document type can only come before the root element, so parsing up to the root's
    start tag is enough to know there is none."""
    with archive.open(part) as stream:
        try:
            for _event, _element in iterparse(stream, events=("start",), forbid_dtd=True):
                return None
        except DefusedXmlException:
            return "declares a document type or entities, which a submission may not contain"
        except ParseError as error:
            return f"is not well-formed XML ({_where(error)})"
    return "is not well-formed XML (no element found)"


def _stream(con: duckdb.DuckDBPyConnection, data: bytes) -> str | None:
    from openpyxl import load_workbook  # a quarter of a second to import; CSV needs none

    workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    try:
        sheets = workbook.worksheets
        if not sheets:
            return "workbook has no sheet; save the template again as .xlsx"
        named = [s for s in sheets if is_deliverables_sheet(s.title)]
        others = [s for s in sheets if not is_deliverables_sheet(s.title)]
        if len(named) > 1 or len(others) > 1:
            return _too_many_sheets([s.title for s in sheets])
        figures = CellSink(con)  # stays empty when the workbook has only a deliverables sheet
        refusal = _copy_sheet(others[0], figures) if others else None
        if refusal or not named:
            return refusal
        return _copy_sheet(named[0], CellSink(con, cells.DELIVERABLES))
    finally:
        workbook.close()


def is_deliverables_sheet(title: str) -> bool:
    return title.strip().lower() == DELIVERABLES_SHEET


def _too_many_sheets(titles: list[str]) -> str:
    shown = ", ".join(f'"{t[:31]}"' for t in titles[:5]) + (", …" if len(titles) > 5 else "")
    return (f"workbook has {len(titles)} sheets ({shown}); submit one sheet of figures and, "
            f'optionally, a second sheet named "{DELIVERABLES_SHEET}"')


def _copy_sheet(sheet: Any, sink: CellSink) -> str | None:
    """Append every row of ``sheet`` (an openpyxl read-only worksheet) to ``sink``."""
    sheet.reset_dimensions()  # the stored dimension can lie; read what is there
    rows = sheet.iter_rows(max_col=MAX_COLUMNS, values_only=True)
    for number, values in enumerate(rows, start=1):
        if number > MAX_ROWS:
            return f"sheet has more than {MAX_ROWS:,} rows"
        texts = [cell_text(v) for v in values]
        while texts and not texts[-1]:
            texts.pop()
        sink.add(texts)
    sink.flush()
    return None


def cell_text(value: object) -> str:
    """A cell as the text a person typed: whole floats without ``.0``, dates in ISO form;
    formulas keep their ``=`` so validation can refuse them."""
    from openpyxl.worksheet.formula import ArrayFormula, DataTableFormula

    if value is None:
        return ""
    if isinstance(value, ArrayFormula):
        return str(value.text or "=")
    if isinstance(value, DataTableFormula):
        return "=TABLE()"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    return str(value).strip()


def _where(error: ParseError) -> str:
    line, column = getattr(error, "position", (0, 0))
    return f"line {line}, column {column}"


def _reason(error: Exception) -> str:
    text = str(error).splitlines()[0][:120] if str(error) else ""
    return f"{type(error).__name__}: {text}" if text else type(error).__name__
