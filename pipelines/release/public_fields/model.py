"""What a public table's declaration is made of: its public columns (:class:`Field`), the
columns only the database keeps (:class:`Stored`), the rules its rows obey (:class:`Rule`)
and the table itself (:class:`Table`). The declarations are in the sibling modules; the
package's ``__init__`` says what is derived from them."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Final, Literal, NamedTuple

Kind = Literal["string", "number", "integer", "boolean", "date"]
Role = Literal["code", "label", "verbatim", "value"]

# The database type a stored public column has, by kind.
SQL_TYPES: Final[dict[str, str]] = {"string": "VARCHAR", "number": "DOUBLE",
                                    "integer": "INTEGER", "boolean": "BOOLEAN", "date": "DATE"}


@dataclass(frozen=True)
class Field:
    """One public column: its headers, type, descriptions and checks.

    ``stored``: the table's database table has this column under this name, of the kind's
    type (:data:`SQL_TYPES`); otherwise the table's export query makes it (a name joined from
    another table, a word in the file's language, a ``*_label`` column). ``required``: never
    empty, in the files and in the database (``NOT NULL``). ``default``: the SQL default of a
    stored column."""

    name: str
    name_fr: str
    kind: Kind
    en: str
    fr: str
    allowed: tuple[str, ...] = ()
    role: Role = "value"
    labels: str | None = None  # catalogue section naming each code (code columns)
    label_of: str | None = None  # the code column this label column spells out
    required: bool = False
    stored: bool = True
    default: str | None = None

    def header(self, lang: str) -> str:
        return self.name_fr if lang == "fr" else self.name

    def description(self) -> str:
        return f"{self.en} / {self.fr}"


@dataclass(frozen=True)
class Stored:
    """A column the database keeps but no file publishes as it is (the two languages of a
    name, a load's id), with what it holds, for the people who maintain the table."""

    name: str
    sql_type: str
    required: bool
    about: str


class Column(NamedTuple):
    """A column of a table's database table, as its ``CREATE TABLE`` has it."""

    name: str
    sql_type: str
    required: bool
    default: str | None
    about: str


@dataclass(frozen=True)
class Rule:
    """A rule no single column states: the stored rows matching ``where`` (a condition over
    the table's own columns) are refused with ``message``."""

    name: str
    where: str
    message: str


@dataclass(frozen=True)
class Table:
    """One public table: its name in the download set, the database table it is stored in,
    its columns (public fields and stored-only columns in one list: the fields in the files'
    order, the stored ones in the database's), its key, the tables its columns refer to
    (``(column, table, column)``) and its other rules.

    ``added``: columns added since the table's ``*_label`` columns were published, in the
    order they were added. Each comes after every column already published (its own
    ``*_label`` column, if any, right after it), so a file read by position keeps working."""

    name: str
    stored_as: str
    columns: tuple[Field | Stored, ...]
    primary_key: tuple[str, ...]
    foreign_keys: tuple[tuple[str, str, str], ...] = ()
    rules: tuple[Rule, ...] = ()
    added: tuple[Field | Stored, ...] = ()

    @property
    def fields(self) -> tuple[Field, ...]:
        """The public columns in the files' order: the first columns, their words columns
        (``*_label``), then each added column followed by its words column."""
        own = tuple(c for c in self.columns if isinstance(c, Field))
        later = tuple(part for c in self.added if isinstance(c, Field)
                      for part in ((c, label_field(c)) if c.labels else (c,)))
        return (*own, *(label_field(f) for f in own if f.labels), *later)

    def stored(self) -> tuple[Column, ...]:
        """The database table's columns, in its order."""
        return tuple(
            Column(c.name, SQL_TYPES[c.kind], c.required, c.default, c.en)
            if isinstance(c, Field) else Column(c.name, c.sql_type, c.required, None, c.about)
            for c in (*self.columns, *self.added) if isinstance(c, Stored) or c.stored)

    def field(self, name: str) -> Field:
        return next(f for f in self.fields if f.name == name)


def field(name: str, name_fr: str, kind: Kind, en: str, fr: str,
          allowed: frozenset[str] | tuple[str, ...] = (), role: Role | None = None,
          labels: str | None = None, *, required: bool = False, stored: bool = True,
          default: str | None = None) -> Field:
    """A public column; a text column is a ``code`` unless said otherwise."""
    if role is None:
        role = "code" if kind == "string" else "value"
    return Field(name, name_fr, kind, en, fr, tuple(sorted(allowed)), role, labels,
                 required=required, stored=stored, default=default)


def made(column: Field, *, required: bool | None = None) -> Field:
    """``column`` as the export query makes it (joined from another table, or written in the
    file's language), not stored under its name."""
    return replace(column, stored=False, required=column.required if required is None
                   else required)


def required(column: Field) -> Field:
    """``column``, never empty."""
    return replace(column, required=True)


def label_field(code: Field) -> Field:
    """The ``*_label`` column of a code column whose codes are words."""
    return Field(f"{code.name}_label", f"{code.name_fr}_libelle", "string",
                 f"{code.name} in words, in the file's language (the code stays in {code.name})",
                 f"{code.name_fr} en toutes lettres, dans la langue du fichier (le code reste "
                 f"dans {code.name_fr})", role="label", label_of=code.name,
                 required=code.required, stored=False)
