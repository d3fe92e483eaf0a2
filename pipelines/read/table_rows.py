"""Typed rows of the download set's tables, made from their declarations
(:mod:`pipelines.release.public_fields`): one frozen dataclass per table, one field per public
column in the files' order, typed by its kind (a column that may be empty is ``... | None``).
A column added to a declaration is a field of its row class with no other edit.

The classes are made when the module is imported, so mypy sees them as ``type[Any]``; the
checks that a reader can rely on are at run time (:func:`row_type` and the tests that read
every table through them)."""

from __future__ import annotations

from dataclasses import fields, make_dataclass
from datetime import date
from typing import Any, Final

from pipelines.release.public_fields import DECLARED, Field, Table

PYTHON_TYPES: Final[dict[str, type]] = {"string": str, "number": float, "integer": int,
                                        "boolean": bool, "date": date}


def _annotation(field: Field) -> object:
    kind = PYTHON_TYPES[field.kind]
    return kind if field.required else kind | None


def class_name(table: str) -> str:
    """``observations`` -> ``ObservationsRow``."""
    return "".join(part.title() for part in table.split("_")) + "Row"


def make_row_type(table: Table) -> type[Any]:
    """The frozen dataclass of one ``table`` row."""
    made = make_dataclass(class_name(table.name),
                          [(f.name, _annotation(f)) for f in table.fields],
                          frozen=True, slots=True)
    made.__module__ = __name__
    return made


ROW_TYPES: Final[dict[str, type[Any]]] = {name: make_row_type(table)
                                          for name, table in DECLARED.items()}


def row_type(table: str) -> type[Any]:
    """The row class of ``table`` (KeyError names the table for one not in the download set)."""
    return ROW_TYPES[table]


def column_names(table: str) -> tuple[str, ...]:
    """The row class's fields, in order (the public columns' English names)."""
    return tuple(f.name for f in fields(ROW_TYPES[table]))
