"""Stage a submission file (CSV or XLSX) as cells in DuckDB, or say why it cannot be.

Checks that need the file rather than its rows live here: size, kind, encoding, emptiness and
the XLSX package (:mod:`.xlsx`). Everything else is validated in SQL over the staged cells by
:mod:`.validate`.

A UTF-8 CSV is read by DuckDB's ``read_csv`` straight into :data:`.cells.TABLE`. DuckDB skips
blank lines and cannot number rows across quoted line breaks, so the result is used only when
it has one row per line of the file; otherwise (and for Windows-1252 or UTF-16 text) Python's
``csv`` module reads the file, as a spreadsheet would count its rows.

A file has one or two parts (:func:`stage_parts`): figures, deliverable statuses, or, in an
XLSX, a sheet of figures and a sheet named ``deliverables``. A CSV or a workbook's figures
sheet is a deliverables part when its header has a ``milestone_id`` column.
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

import duckdb

from pipelines.errors import Problem
from pipelines.problem_codes import Code, Said
from pipelines.settings import Settings
from pipelines.submissions import cells, parse, xlsx
from pipelines.submissions.template import DELIVERABLES_KEY, DELIVERABLES_SHEET, EXTENSIONS

_ZIP_MAGIC: Final = b"PK\x03\x04"
_UTF16_BOMS: Final = (b"\xff\xfe", b"\xfe\xff")
# read_csv options fixed so that nothing is guessed but the column count: no comment lines,
# no skipped rows, every cell text.
_READ_CSV: Final = ("read_csv($path, header = false, all_varchar = true, delim = ',', "
                    "quote = '\"', escape = '\"', comment = '', skip = 0, null_padding = true, "
                    "auto_detect = true)")


FIGURES: Final = "figures"
DELIVERABLES: Final = "deliverables"


@dataclass
class Staged:
    """One part of a file: where its header is in ``table`` and what it says, or the
    file-level problems (row 0) that stop every other check. ``label`` is how problems name
    the part: the file's name, or ``<name>[deliverables]`` for a workbook's deliverables
    sheet."""

    header: list[str] = field(default_factory=list)
    header_row: int = 0
    problems: list[Problem] = field(default_factory=list)
    kind: str = FIGURES  # or DELIVERABLES
    table: str = cells.TABLE
    label: str = ""


def stage(con: duckdb.DuckDBPyConnection, path: Path, name: str, settings: Settings) -> Staged:
    """The first part of ``path`` (:func:`stage_parts`)."""
    return stage_parts(con, path, name, settings)[0]


def stage_parts(con: duckdb.DuckDBPyConnection, path: Path, name: str,
                settings: Settings) -> list[Staged]:
    """Read ``path`` into :data:`.cells.TABLE` (and a workbook's deliverables sheet into
    :data:`.cells.DELIVERABLES`); ``name`` is how problems refer to the file. Parts that have
    a header but no rows are left out (an untouched sheet of the template), unless no part
    has rows."""
    # The connection stages one file after another: no sheet of the last file may linger.
    con.execute(f"DROP TABLE IF EXISTS {cells.DELIVERABLES}")
    size = path.stat().st_size
    limit = settings.max_submission_bytes
    if size > limit:
        return _fail(name, (Code.FILE_TOO_LARGE, {"size": size, "limit": limit}))
    if size == 0:
        return _fail(name, (Code.EMPTY_FILE, {}))
    data = path.read_bytes()
    kind = _kind(path, data)
    if kind == "utf16-no-bom":
        return _fail(name, (Code.UTF16_WITHOUT_BOM, {}))
    if kind is None:
        return _fail(name, (Code.NOT_CSV_OR_XLSX, {}))
    refusal = (xlsx.stage_xlsx(con, data, settings) if kind == "xlsx"
               else _stage_csv(con, path, data))
    if refusal:
        return _fail(name, refusal)
    return _parts(con, name)


# The staged cells of a file, kept beside an upload so that its Load checks them again
# without parsing the file again (:func:`save_cells`, :func:`restage_parts`).
_KEPT: Final = {cells.TABLE: "cells.parquet", cells.DELIVERABLES: "deliverables.parquet"}


def save_cells(con: duckdb.DuckDBPyConnection, folder: Path) -> None:
    """Write the staged cells to ``folder`` (row numbers kept), whole files only."""
    folder.mkdir(parents=True, exist_ok=True)
    for table, name in _KEPT.items():
        if cells.width(con, table):
            temporary = folder / f".{name}.tmp"
            con.execute(f"COPY (SELECT rowid + 1 AS sub_row, * FROM {table}) "  # noqa: S608 (names from code)
                        "TO $path (FORMAT parquet)", {"path": str(temporary)})
            temporary.replace(folder / name)


def has_cells(folder: Path) -> bool:
    return (folder / _KEPT[cells.TABLE]).is_file()


def restage_parts(con: duckdb.DuckDBPyConnection, folder: Path, name: str) -> list[Staged]:
    """Stage the cells :func:`save_cells` kept in ``folder``, as :func:`stage_parts` would
    from the file (``name`` is how problems refer to it)."""
    for table, file in _KEPT.items():
        con.execute(f"DROP TABLE IF EXISTS {table}")
        if (folder / file).is_file():
            con.execute(f"CREATE TEMP TABLE {table} AS SELECT * EXCLUDE (sub_row) "  # noqa: S608
                        "FROM read_parquet($path) ORDER BY sub_row",
                        {"path": str(folder / file)})
    return _parts(con, name)


def _fail(name: str, refusal: Said) -> list[Staged]:
    code, values = refusal
    return [Staged(problems=[Problem(name, 0, "-", code, **values)], label=name)]


def _kind(path: Path, data: bytes) -> str | None:
    """Trust the extension only when the content agrees with it."""
    suffix = path.suffix.lower()
    if suffix not in EXTENSIONS:
        return None
    if suffix == ".xlsx":
        return "xlsx" if data.startswith(_ZIP_MAGIC) and _is_workbook(data) else None
    if data.startswith(_UTF16_BOMS):
        return "csv"
    head = data[:8192]
    # ASCII text saved as UTF-16 has a NUL in every other byte.
    if len(head) >= 4 and (head[1::2].count(0) > len(head) // 4
                           or head[0::2].count(0) > len(head) // 4):
        return "utf16-no-bom"
    # Text never contains NUL bytes; spreadsheets, PDFs and images almost always do.
    return "csv" if b"\x00" not in head and not data.startswith(_ZIP_MAGIC) else None


def _is_workbook(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "xl/workbook.xml" in archive.namelist()
    except (zipfile.BadZipFile, ValueError, OSError):
        return False


def _stage_csv(con: duckdb.DuckDBPyConnection, path: Path, data: bytes) -> Said | None:
    parse.create_macros(con)
    if _duckdb_can_number(path, data) and _read_with_duckdb(con, path, data):
        return None
    text = _decode(data)
    if text is None:
        return Code.UNDECODABLE, {}
    sink = cells.CellSink(con)
    try:
        for row in csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(data, text)):
            sink.add([cell.strip() for cell in row])
    except csv.Error as error:
        return Code.UNREADABLE_CSV, {"reason": str(error)}
    sink.flush()
    return None


def _duckdb_can_number(path: Path, data: bytes) -> bool:
    """UTF-8 without lone carriage returns, at a path DuckDB will not read as a pattern."""
    if any(c in str(path) for c in "*?[{"):
        return False
    if not data.isascii():
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            return False
    return data.count(b"\r") == data.count(b"\r\n")


def _read_with_duckdb(con: duckdb.DuckDBPyConnection, path: Path, data: bytes) -> bool:
    params = {"path": str(path.resolve())}
    try:
        described = con.execute(f"DESCRIBE SELECT * FROM {_READ_CSV}", params)  # noqa: S608
        names = [row[0] for row in described.fetchall()]
        trimmed = ", ".join(f'sub_trim("{n}") AS {cells.column(i)}'
                            for i, n in enumerate(names))
        con.execute(f"CREATE OR REPLACE TEMP TABLE {cells.TABLE} AS "  # noqa: S608 (names from DuckDB's own sniffer)
                    f"SELECT {trimmed} FROM {_READ_CSV}", params)
    except duckdb.Error:
        return False  # anything DuckDB's reader refuses, Python's reads or names
    lines = data.rstrip(b"\r\n").count(b"\n") + 1
    count = con.execute(f"SELECT count(*) FROM {cells.TABLE}").fetchone()  # noqa: S608
    return count is not None and count[0] == lines


def _delimiter(data: bytes, text: str) -> str:
    # Excel's "Unicode text" is UTF-16 with tabs between cells.
    first = text.partition("\n")[0]
    utf16 = data.startswith(_UTF16_BOMS)
    return "\t" if utf16 and "\t" in first and "," not in first else ","


def _decode(data: bytes) -> str | None:
    # Excel on Windows saves "CSV" as Windows-1252 and "Unicode text" as UTF-16 with a BOM;
    # UTF-8 first because it is strict.
    encodings = ("utf-16",) if data.startswith(_UTF16_BOMS) else ("utf-8-sig", "cp1252")
    for encoding in encodings:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None


def _parts(con: duckdb.DuckDBPyConnection, name: str) -> list[Staged]:
    """The first row with any text is a part's header; blank rows are skipped but keep their
    numbers."""
    tables = [(cells.TABLE, name)]
    if cells.width(con, cells.DELIVERABLES):
        tables.append((cells.DELIVERABLES, f"{name}[{DELIVERABLES_SHEET}]"))
    parts, any_text = [], False
    for table, label in tables:
        row, header = cells.first_filled_row(con, table=table)
        if not row:
            continue
        any_text = True
        if not cells.first_filled_row(con, after=row, table=table)[0]:
            continue
        while header and not header[-1]:
            header.pop()
        header = [cell.strip().lower() for cell in header]
        kind = (DELIVERABLES if table == cells.DELIVERABLES or DELIVERABLES_KEY in header
                else FIGURES)
        parts.append(Staged(header=header, header_row=row, kind=kind, table=table,
                            label=label))
    if parts:
        return parts
    return _fail(name, (Code.HEADER_ONLY if any_text else Code.EMPTY_FILE, {}))
