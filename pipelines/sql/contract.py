"""The database side of the public tables' declarations (pipelines/release/public_fields):
each one's ``CREATE TABLE`` and the checks every write runs on what reached the database.

Table and column names come from the declarations, never from input; allowed values travel
as parameters. ``python -m pipelines.sql`` prints the derived ``CREATE TABLE``
statements, for a person reading the schema.
"""

from __future__ import annotations

from typing import Final

import duckdb

from pipelines import vocabulary
from pipelines.release.public_fields import DECLARED, Table


def create_table_sql(table: Table) -> str:
    """``table``'s ``CREATE TABLE`` statement, its columns in the declared order."""
    lines = []
    for column in table.stored():
        text = f"    {column.name} {column.sql_type}"
        if column.required:
            text += " NOT NULL"
        if column.default is not None:
            text += f" DEFAULT {column.default}"
        lines.append(f"{text},  -- {column.about}")
    lines.append(f"    PRIMARY KEY ({', '.join(table.primary_key)})")
    body = "\n".join(lines)
    return f"CREATE TABLE IF NOT EXISTS {table.stored_as} (\n{body}\n);\n"


def create_tables(con: duckdb.DuckDBPyConnection) -> None:
    """Create every declared table that is missing."""
    for table in DECLARED.values():
        con.execute(create_table_sql(table))


def controlled_columns() -> dict[tuple[str, str], tuple[str, ...]]:
    """(table, column) -> allowed values: the stored columns of the declared tables that
    declare them, then the other tables' (:data:`pipelines.vocabulary.COLUMNS`)."""
    declared = {(table.stored_as, f.name): f.allowed for table in DECLARED.values()
                for f in table.fields if f.stored and f.allowed}
    return {**declared, **vocabulary.COLUMNS}


def _key(table: Table, alias: str) -> str:
    """The row's key as one text, for a problem to name the row."""
    return " || '|' || ".join(f"CAST({alias}.{c} AS VARCHAR)" for c in table.primary_key)


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _reference_check(table: Table, column: str, other: Table, target: str) -> str:
    return (f"SELECT {_literal(table.stored_as)}, {_key(table, 'r')}, "  # noqa: S608 (declared)
            f"'unknown {column} ' || r.{column} FROM {table.stored_as} r "
            f"ANTI JOIN {other.stored_as} o ON o.{target} = r.{column} "
            f"WHERE r.{column} IS NOT NULL")


def _rule_check(table: Table, where: str, message: str) -> str:
    return (f"SELECT {_literal(table.stored_as)}, {_key(table, 'r')}, "  # noqa: S608 (declared)
            f"{_literal(message)} FROM {table.stored_as} r WHERE {where}")


def checks() -> dict[str, str]:
    """Check name -> a query returning the offending rows as (table, key, message): every
    column that refers to another table holds one of its keys, and every declared rule."""
    found: dict[str, str] = {}
    for table in DECLARED.values():
        for column, other, target in table.foreign_keys:
            found[f"{table.name}.{column} is a known {other}.{target}"] = _reference_check(
                table, column, DECLARED[other], target)
        for rule in table.rules:
            found[f"{table.name}: {rule.name}"] = _rule_check(table, rule.where, rule.message)
    return found


CHECKS: Final[dict[str, str]] = checks()
