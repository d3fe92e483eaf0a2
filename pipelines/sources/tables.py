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

    def problem(self, index: int, column: str, message: str) -> Problem:
        return Problem(self.label, self.row_numbers[index], column, message)

    def keys(self, column: str) -> set[object]:
        return {row[column] for row in self.rows if row.get(column) is not None}

    def numbered(self) -> Iterable[tuple[int, Row]]:
        return enumerate(self.rows)


def _parse_cell(column: Column, raw: str) -> tuple[object, str | None]:
    """The typed value of one cell, or an error message."""
    text = raw.strip()
    if text == "":
        return None, (f"{column.name} is empty" if column.required else None)
    if column.allowed is not None and text not in column.allowed:
        allowed = ", ".join(sorted(column.allowed))
        return None, f"{text!r} is not an allowed {column.name} (allowed: {allowed})"
    try:
        return _convert(column.kind, text), None
    except ValueError:
        wanted = {"int": "a whole number", "float": "a number", "date": "a date (YYYY-MM-DD)",
                  "bool": "true or false"}[column.kind]
        return None, f"{text!r} is not {wanted}"


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
        return table, [Problem(label, 0, "-", "file is missing")]
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle, strict=True)
        try:
            header = next(reader, [])
            records = list(reader)
        except csv.Error as exc:
            return table, [Problem(label, reader.line_num, "-", f"not valid CSV: {exc}")]
    problems = _check_header(spec, header, label)
    if problems:
        return table, problems
    seen: dict[tuple[object, ...], int] = {}
    for offset, record in enumerate(records):
        line = offset + 2
        if not any(cell.strip() for cell in record):
            continue
        if len(record) != len(header):
            problems.append(Problem(label, line, "-",
                                    f"has {len(record)} cells; the header has {len(header)}"))
            continue
        row, cell_problems = _typed_row(spec, dict(zip(header, record, strict=True)), label, line)
        problems.extend(cell_problems)
        key = tuple(row.get(k) for k in spec.key)
        if all(v is not None for v in key[:1]) and key in seen:
            shown = ", ".join(str(v) for v in key)
            problems.append(Problem(label, line, spec.key[0],
                                    f"duplicate {'/'.join(spec.key)} {shown!r} "
                                    f"(first on row {seen[key]})"))
        seen.setdefault(key, line)
        table.rows.append(row)
        table.row_numbers.append(line)
    return table, problems


def _check_header(spec: TableSpec, header: list[str], label: str) -> list[Problem]:
    problems = []
    names = [h.strip() for h in header]
    for column in spec.column_names:
        if column not in names:
            problems.append(Problem(label, 1, column, f"required column {column!r} is missing"))
    for name in names:
        if name not in spec.column_names:
            problems.append(Problem(label, 1, name or "-", f"unknown column {name!r}"))
    return problems


def _typed_row(spec: TableSpec, record: dict[str, str], label: str,
               line: int) -> tuple[Row, list[Problem]]:
    row: Row = {}
    problems = []
    for column in spec.columns:
        value, error = _parse_cell(column, record.get(column.name, ""))
        row[column.name] = value
        if error:
            problems.append(Problem(label, line, column.name, error))
    return row, problems


def check_references(table: Table, column: str, known: set[object], what: str) -> list[Problem]:
    """A problem for each non-empty ``column`` value not in ``known``."""
    return [
        table.problem(i, column, f"unknown {column} {row[column]!r} (not in {what})")
        for i, row in table.numbered()
        if row.get(column) is not None and row[column] not in known
    ]
