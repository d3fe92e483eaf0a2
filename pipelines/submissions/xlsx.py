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

and only then are the sheets read, by python-calamine (Rust, about twenty times openpyxl's
speed) in a process of its own (:mod:`.xlsx_cells`) with its memory and time capped: a
workbook whose cells lie far apart, which calamine would spread over gigabytes, or any other
that the reader cannot finish within the limits, ends that process and becomes a problem,
never a worker killed or a traceback. The cells come back as CSV, which DuckDB stages.
"""

from __future__ import annotations

import io
import json
import posixpath
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path
from typing import Final
from xml.etree.ElementTree import ParseError

import duckdb
from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring, iterparse

from pipelines.problem_codes import Code, Said
from pipelines.settings import Settings
from pipelines.submissions import cells, xlsx_cells
from pipelines.submissions.template import DELIVERABLES_SHEET

MAX_ROWS: Final = xlsx_cells.MAX_ROWS
MAX_COLUMNS: Final = xlsx_cells.MAX_COLUMNS
_MAIN: Final = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_RELATIONSHIP: Final = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_PACKAGE_RELS: Final = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_READER: Final = Path(xlsx_cells.__file__)
# The refusals the reader process may answer with (it names them by their code).
_READER_REFUSALS: Final = {c.value: c for c in (
    Code.SHEET_TOO_MANY_ROWS, Code.SHEET_MALFORMED_XML, Code.WORKBOOK_UNREADABLE,
    Code.FORMULA_WITHOUT_REFERENCE, Code.ROWS_NOT_NUMBERED)}


def stage_xlsx(con: duckdb.DuckDBPyConnection, data: bytes, settings: Settings) -> Said | None:
    """Read the figures sheet of ``data`` into the staged cells (:data:`.cells.TABLE`) and
    its ``deliverables`` sheet, when there is one, into :data:`.cells.DELIVERABLES`; the
    problem when the workbook cannot be read."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            refusal = check_package(archive, settings) or _check_xml_parts(archive)
            sheets = [] if refusal else worksheets(archive)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as error:
        return Code.WORKBOOK_UNPACK_FAILED, {"reason": str(error)}
    except (ParseError, DefusedXmlException, KeyError) as error:
        return Code.WORKBOOK_UNREADABLE, {"reason": _reason(error)}
    if refusal:
        return refusal
    if not sheets:
        return Code.WORKBOOK_NO_SHEET, {}
    named = [s for s in sheets if is_deliverables_sheet(s[0])]
    others = [s for s in sheets if not is_deliverables_sheet(s[0])]
    if len(named) > 1 or len(others) > 1:
        return _too_many_sheets([title for title, _ in sheets])
    chosen = [(*others[0], "figures")] if others else []
    chosen += [(*named[0], "deliverables")] if named else []
    return _read(con, data, chosen, settings)


def worksheets(archive: zipfile.ZipFile) -> list[tuple[str, str]]:
    """(title, part) of every worksheet, in workbook order (chart sheets are not data)."""
    workbook = fromstring(archive.read("xl/workbook.xml"), forbid_dtd=True)
    rels = fromstring(archive.read("xl/_rels/workbook.xml.rels"), forbid_dtd=True)
    targets = {r.get("Id"): r.get("Target", "") for r in rels.iter(f"{_PACKAGE_RELS}Relationship")
               if str(r.get("Type", "")).endswith("/worksheet")}
    found = []
    for sheet in workbook.iter(f"{_MAIN}sheet"):
        target = targets.get(sheet.get(_RELATIONSHIP))
        if target is not None:
            part = target.lstrip("/") if target.startswith("/") else posixpath.normpath(
                posixpath.join("xl", target))
            found.append((str(sheet.get("name", "")), part))
    return found


def _read(con: duckdb.DuckDBPyConnection, data: bytes, chosen: list[tuple[str, str, str]],
          settings: Settings) -> Said | None:
    """Read the ``chosen`` sheets (title, part, label) in the capped reader process, then
    stage its CSV files."""
    with tempfile.TemporaryDirectory(prefix="tracker-xlsx-") as work:
        book = Path(work) / "book.xlsx"
        book.write_bytes(data)
        command = [sys.executable, "-I", str(_READER), str(book), work,
                   str(settings.xlsx_reader_memory_bytes),
                   *(f"{title}={part}={label}" for title, part, label in chosen)]
        try:
            done = subprocess.run(command, capture_output=True, text=True,
                                  timeout=settings.xlsx_reader_seconds, check=False)
        except subprocess.TimeoutExpired:
            return Code.WORKBOOK_TIMEOUT, {"seconds": settings.xlsx_reader_seconds}
        answer = _answer(done.stdout)
        if done.returncode != 0 or "ok" not in answer:
            return _refusal(answer.get("refusal"))
        widths = answer.get("widths")
        for _title, _part, label in chosen:
            table = cells.TABLE if label == "figures" else cells.DELIVERABLES
            width = int(widths.get(label, 0)) if isinstance(widths, dict) else 0
            _stage_csv(con, Path(work) / f"{label}.csv", table, width)
    if not any(label == "figures" for *_, label in chosen):
        con.execute(f"CREATE OR REPLACE TEMP TABLE {cells.TABLE} (c0 VARCHAR)")
    return None


def _refusal(answer: object) -> Said:
    """The reader's refusal; a process that died without one ran out of memory."""
    if isinstance(answer, dict) and answer.get("code") in _READER_REFUSALS:
        params = answer.get("params")
        return _READER_REFUSALS[str(answer["code"])], dict(params) if isinstance(params, dict) \
            else {}
    return Code.WORKBOOK_MEMORY, {}


def _answer(stdout: str) -> dict[str, object]:
    try:
        value = json.loads(stdout.strip().splitlines()[-1]) if stdout.strip() else {}
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def _stage_csv(con: duckdb.DuckDBPyConnection, path: Path, table: str, width: int) -> None:
    """The reader's CSV (row number, then ``width`` cells) as ``table``, one row per row of
    the sheet. Nothing is guessed: the columns are declared."""
    names = [cells.column(i) for i in range(max(width, 1))]
    if width == 0 or path.stat().st_size == 0:
        con.execute(f"CREATE OR REPLACE TEMP TABLE {table} (c0 VARCHAR)")
        return
    declared = ", ".join(f"'{n}': 'VARCHAR'" for n in names)
    source = (f"read_csv($path, header = false, delim = ',', quote = '\"', escape = '\"', "
              f"auto_detect = false, parallel = false, allow_quoted_nulls = false, "
              f"columns = {{'sub_row': 'BIGINT', {declared}}})")
    con.execute(f"CREATE OR REPLACE TEMP TABLE {table} AS SELECT "  # noqa: S608 (names from code)
                f"{', '.join(names)} FROM {source} ORDER BY sub_row", {"path": str(path)})


def check_package(archive: zipfile.ZipFile, settings: Settings) -> Said | None:
    """Refuse a package whose directory announces too many parts or too many bytes."""
    parts = archive.infolist()
    if len(parts) > settings.max_xlsx_entries:
        return Code.WORKBOOK_TOO_MANY_PARTS, {"count": len(parts),
                                              "limit": settings.max_xlsx_entries}
    for part in parts:
        if part.file_size > settings.max_xlsx_part_bytes:
            return Code.WORKBOOK_PART_TOO_LARGE, {"part": part.filename, "size": part.file_size,
                                                  "limit": settings.max_xlsx_part_bytes}
    total = sum(part.file_size for part in parts)
    if total > settings.max_xlsx_unpacked_bytes:
        return Code.WORKBOOK_TOO_LARGE, {"size": total,
                                         "limit": settings.max_xlsx_unpacked_bytes}
    return None


def _check_xml_parts(archive: zipfile.ZipFile) -> Said | None:
    for part in archive.infolist():
        if part.filename.lower().endswith((".xml", ".rels")):
            problem = _check_prologue(archive, part)
            if problem:
                return problem
    return None


def _check_prologue(archive: zipfile.ZipFile, part: zipfile.ZipInfo) -> Said | None:
    """A document type can only come before the root element, so parsing up to the root's
    start tag is enough to know there is none."""
    with archive.open(part) as stream:
        try:
            for _event, _element in iterparse(stream, events=("start",), forbid_dtd=True):
                return None
        except DefusedXmlException:
            return Code.XML_PART_DOCTYPE, {"part": part.filename}
        except ParseError as error:
            line, column = getattr(error, "position", (0, 0))
            return Code.XML_PART_MALFORMED, {"part": part.filename, "line": line,
                                             "column": column}
    return Code.XML_PART_NO_ELEMENT, {"part": part.filename}


def is_deliverables_sheet(title: str) -> bool:
    return title.strip().lower() == DELIVERABLES_SHEET


def _too_many_sheets(titles: list[str]) -> Said:
    return Code.WORKBOOK_TOO_MANY_SHEETS, {"count": len(titles),
                                           "names": [title[:31] for title in titles[:6]],
                                           "sheet": DELIVERABLES_SHEET}


def _reason(error: Exception) -> str:
    text = str(error).splitlines()[0][:120] if str(error) else ""
    return f"{type(error).__name__}: {text}" if text else type(error).__name__
