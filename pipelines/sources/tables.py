"""Read a curated CSV file against a declared spec, collecting every problem at once.

A :class:`TableSpec` names the columns, their types, allowed values and the key that must be
unique. :func:`read_table` returns typed rows plus every problem found, each pointing at the
file, the spreadsheet row (header = row 1) and the column.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Literal

from pipelines.errors import Problem
from pipelines.problem_codes import Code, Said

Kind = Literal["text", "int", "float", "date", "bool"]
Row = dict[str, object]


@dataclass(frozen=True)
class Column:
    name: str
    kind: Kind = "text"
    required: bool = True
    allowed: frozenset[str] | None = None


@dataclass(frozen=True)
class TableSpec:
    name: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]

    @property
    def filename(self) -> str:
        return f"{self.name}.csv"

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]


@dataclass
class Table:
    spec: TableSpec
    label: str  # the file as problems name it, e.g. data/reference/indicators.csv
    rows: list[Row] = field(default_factory=list)
    row_numbers: list[int] = field(default_factory=list)

    def problem(self, index: int, column: str, code: Code, /, **values: object) -> Problem:
        return Problem(self.label, self.row_numbers[index], column, code, **values)

    def keys(self, column: str) -> set[object]:
        return {row[column] for row in self.rows if row.get(column) is not None}

    def numbered(self) -> Iterable[tuple[int, Row]]:
        return enumerate(self.rows)


# What a cell that does not convert is not.
_NOT: dict[Kind, Code] = {"int": Code.NOT_WHOLE_NUMBER, "float": Code.NOT_NUMBER,
                          "date": Code.NOT_DATE, "bool": Code.NOT_BOOLEAN}


def _parse_cell(column: Column, raw: str) -> tuple[object, Said | None]:
    """The typed value of one cell, or its problem."""
    text = raw.strip()
    if text == "":
        return None, ((Code.CELL_EMPTY, {"column": column.name}) if column.required else None)
    if column.allowed is not None and text not in column.allowed:
        return None, (Code.VALUE_NOT_ALLOWED, {"value": text, "column": column.name,
                                               "allowed": sorted(column.allowed)})
    try:
        return _convert(column.kind, text), None
    except ValueError:
        return None, (_NOT[column.kind], {"value": text})


def _convert(kind: Kind, text: str) -> object:
    if kind == "text":
        return text
    if kind == "int":
        return int(text)
    if kind == "float":
        value = float(text)
        if value != value or value in (float("inf"), float("-inf")):
            raise ValueError(text)
        return value
    if kind == "date":
        return date.fromisoformat(text)
    if text.lower() in ("true", "false"):
        return text.lower() == "true"
    raise ValueError(text)


def read_table(spec: TableSpec, path: Path, label: str) -> tuple[Table, list[Problem]]:
    """Read ``path`` as ``spec``; problems for the header, every cell and duplicate keys."""
    table = Table(spec, label)
    if not path.exists():
        return table, [Problem(label, 0, "-", Code.REFERENCE_FILE_MISSING)]
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle, strict=True)
        try:
            header = next(reader, [])
            records = list(reader)
        except csv.Error as exc:
            return table, [Problem(label, reader.line_num, "-", Code.REFERENCE_INVALID_CSV,
                                   reason=str(exc))]
    problems = _check_header(spec, header, label)
    if problems:
        return table, problems
    seen: dict[tuple[object, ...], int] = {}
    for offset, record in enumerate(records):
        line = offset + 2
        if not any(cell.strip() for cell in record):
            continue
        if len(record) != len(header):
            problems.append(Problem(label, line, "-", Code.CELL_COUNT, count=len(record),
                                    header=len(header)))
            continue
        row, cell_problems = _typed_row(spec, dict(zip(header, record, strict=True)), label, line)
        problems.extend(cell_problems)
        key = tuple(row.get(k) for k in spec.key)
        if all(v is not None for v in key[:1]) and key in seen:
            problems.append(Problem(label, line, spec.key[0], Code.DUPLICATE_KEY,
                                    columns="/".join(spec.key),
                                    value=", ".join(str(v) for v in key), row=seen[key]))
        seen.setdefault(key, line)
        table.rows.append(row)
        table.row_numbers.append(line)
    return table, problems


def _check_header(spec: TableSpec, header: list[str], label: str) -> list[Problem]:
    problems = []
    names = [h.strip() for h in header]
    for column in spec.column_names:
        if column not in names:
            problems.append(Problem(label, 1, column, Code.REFERENCE_COLUMN_MISSING,
                                    column=column))
    for name in names:
        if name not in spec.column_names:
            problems.append(Problem(label, 1, name or "-", Code.REFERENCE_COLUMN_UNKNOWN,
                                    column=name))
    return problems


def _typed_row(spec: TableSpec, record: dict[str, str], label: str,
               line: int) -> tuple[Row, list[Problem]]:
    row: Row = {}
    problems = []
    for column in spec.columns:
        value, error = _parse_cell(column, record.get(column.name, ""))
        row[column.name] = value
        if error:
            code, values = error
            problems.append(Problem(label, line, column.name, code, **values))
    return row, problems


def check_references(table: Table, column: str, known: set[object], what: str) -> list[Problem]:
    """A problem for each non-empty ``column`` value not in ``known``."""
    return [
        table.problem(i, column, Code.UNKNOWN_REFERENCE, column=column, value=row[column],
                      file=what)
        for i, row in table.numbered()
        if row.get(column) is not None and row[column] not in known
    ]
