"""The public tables, each declared once (:data:`DECLARED`): its columns with their English
and French headers, type, descriptions and checks (allowed values, never empty, keys, the
tables they refer to, the other rules its rows obey), and the columns only its database table
keeps. Everything else is derived from these declarations:

* the database: each table's ``CREATE TABLE`` and the checks every write runs
  (:mod:`pipelines.sql.contract`), the controlled columns among them;
* the files: the CSV headers, pandas and readr types, the Frictionless table schemas, the
  data dictionary and the workbook's dictionary sheet (:mod:`pipelines.release`);
* the read layer: the export queries' rows, typed (:mod:`pipelines.read.table_rows`, made
  when imported; the pages' own row classes in :mod:`pipelines.read.rows` are written out for
  mypy, and tests/read/test_rows_match_declarations.py holds them to these declarations);
* the JSON API's rows and their OpenAPI schemas (dashboard/web/api.py, openapi.py).

A stored public column is read by its export query (``pipelines/read/queries/export_*.sql``,
which select every stored column), so adding one here adds it to the database, the files,
the API, the OpenAPI document, the data dictionary and the typed rows, with no other edit
(tests/pipelines/test_table_contracts.py adds one in a temporary copy). A column the export
query makes (a joined name, a word in the file's language) is written in that query too.
A new column goes in its table's ``added=`` list: it then comes after every column already
published, so no column of a published file ever moves.

Field names are the English headers; ``name_fr`` is the French header. ``kind`` is the
Frictionless type (``string``, ``number``, ``integer``, ``boolean``, ``date``).

Every text column has a ``role``, written in the data dictionary:

* ``code``: a stable code, the same in both languages (ids, controlled vocabularies such as
  ``qualifier=more_than``, ISO language codes, addresses). Scripts join and filter on these.
* ``label``: words in the file's language (names, definitions, notes, and the ``*_label``
  column beside every controlled vocabulary: ``qualifier_label`` says "plus de" in a French
  file where ``qualifier`` says ``more_than`` in both).
* ``verbatim``: as published or as recorded, in the language of the document (the sentence a
  figure was read from, a document's title, a note a program recorded).

A code column whose values are words (``labels=`` a catalogue section) gets a ``*_label``
column: after the table's first columns for those, right after the code column for one in
``added=``, so no published column ever moves.
"""

from __future__ import annotations

from typing import Final

from pipelines.release.public_fields.figures import INDICATORS, OBSERVATIONS, TARGETS
from pipelines.release.public_fields.model import (
    SQL_TYPES,
    Column,
    Field,
    Kind,
    Role,
    Rule,
    Stored,
    Table,
)
from pipelines.release.public_fields.progress import PROGRESS
from pipelines.release.public_fields.references import MILESTONES, SOURCES

# In the download set's order.
DECLARED: Final[dict[str, Table]] = {table.name: table for table in (
    OBSERVATIONS, INDICATORS, TARGETS, MILESTONES, SOURCES, PROGRESS)}
FIELDS: Final[dict[str, tuple[Field, ...]]] = {
    name: table.fields for name, table in DECLARED.items()}
TABLES: Final[tuple[str, ...]] = tuple(DECLARED)
PRIMARY_KEYS: Final[dict[str, tuple[str, ...]]] = {
    name: table.primary_key for name, table in DECLARED.items()}
FOREIGN_KEYS: Final[dict[str, tuple[tuple[str, str, str], ...]]] = {
    name: table.foreign_keys for name, table in DECLARED.items() if table.foreign_keys}
# The pandas dtypes a CSV reads back with (documented in docs/researchers.md and the notebook);
# dates are parsed (``parse_dates``) into datetime64. readr's column types, the same for R.
PANDAS_DTYPES: Final[dict[str, str]] = {"string": "string", "number": "float64",
                                        "integer": "Int64", "boolean": "boolean",
                                        "date": "datetime64"}
READR_TYPES: Final[dict[str, str]] = {"string": "col_character()", "number": "col_double()",
                                      "integer": "col_integer()", "boolean": "col_logical()",
                                      "date": "col_date()"}


def headers(table: str, lang: str) -> list[str]:
    return [f.header(lang) for f in FIELDS[table]]


def read_csv_kwargs(table: str, lang: str = "en") -> dict[str, object]:
    """``pandas.read_csv`` arguments that give every column its documented dtype."""
    fields = FIELDS[table]
    return {
        "dtype": {f.header(lang): PANDAS_DTYPES[f.kind] for f in fields if f.kind != "date"},
        "parse_dates": [f.header(lang) for f in fields if f.kind == "date"],
        "keep_default_na": False, "na_values": {f.header(lang): [""] for f in fields},
    }


__all__ = ["DECLARED", "FIELDS", "FOREIGN_KEYS", "PANDAS_DTYPES", "PRIMARY_KEYS",
           "READR_TYPES", "SQL_TYPES", "TABLES", "Column", "Field", "Kind", "Role", "Rule",
           "Stored", "Table", "headers", "read_csv_kwargs"]
