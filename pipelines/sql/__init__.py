"""SQL helpers for the pipelines: schema creation, row inserts, post-load checks.

Table and column names used here come from the schema files and code constants, never from
user input; values always travel as parameters.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import duckdb
import pandas as pd

from pipelines.errors import DataRejected, Problem
from pipelines.problem_codes import Code
from pipelines.sql import contract

SQL_DIR = Path(__file__).resolve().parent
PUBLIC_TABLES = ("marts.strategies", "marts.pillars", "marts.geographies", "marts.units",
                 "marts.indicators", "marts.observations", "marts.targets", "marts.milestones",
                 "meta.sources")


def quoted(path: Path) -> str:
    """A file path as a SQL string literal, for the statements (ATTACH, COPY) that take no
    parameters. Paths come from settings or the operator's command line, never the web."""
    return "'" + str(path).replace("'", "''") + "'"


def create_schema(con: duckdb.DuckDBPyConnection) -> None:
    """``schema.sql``, the public tables from their declaration, then every ``schema_*.sql``
    in name order (the marts read the public tables' columns)."""
    con.execute((SQL_DIR / "schema.sql").read_text(encoding="utf-8"))
    contract.create_tables(con)
    for path in sorted(SQL_DIR.glob("schema_*.sql")):
        con.execute(path.read_text(encoding="utf-8"))


def build_latest_figures(con: duckdb.DuckDBPyConnection) -> None:
    """(Re)materialise ``marts.latest_figures`` from ``marts.observations``. Run whenever the
    observations change (the end of a build, of an ingest, of the benchmarks' generator)."""
    con.execute((SQL_DIR / "latest_figures.sql").read_text(encoding="utf-8"))


def table_exists(con: duckdb.DuckDBPyConnection, table: str, catalog: str | None = None) -> bool:
    schema, name = table.split(".")
    query = ("SELECT count(*) FROM information_schema.tables WHERE table_schema = ? "
             "AND table_name = ? AND table_catalog = coalesce(?, current_database())")
    return count(con, query, [schema, name, catalog]) > 0


def count(con: duckdb.DuckDBPyConnection, query: str, params: Sequence[object] = ()) -> int:
    """The single number a ``SELECT count(*) …`` returns."""
    row = con.execute(query, list(params)).fetchone()
    return int(row[0]) if row else 0


def columns_of(con: duckdb.DuckDBPyConnection, table: str) -> list[str]:
    schema, name = table.split(".")
    rows = con.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_schema = ? "
        "AND table_name = ? AND table_catalog = current_database() ORDER BY ordinal_position",
        [schema, name]).fetchall()
    return [r[0] for r in rows]


def insert_rows(con: duckdb.DuckDBPyConnection, table: str,
                rows: Sequence[dict[str, object]]) -> None:
    """Insert dict rows; keys not in the table are an error, missing keys become NULL, and a
    column no row names keeps its declared default (``value_basis`` is 'printed')."""
    if not rows:
        return
    named = set().union(*(r.keys() for r in rows))
    unknown = named - set(columns_of(con, table))
    if unknown:
        raise KeyError(f"{table} has no column(s) {sorted(unknown)}")
    columns = [c for c in columns_of(con, table) if c in named]
    insert_values(con, table, columns, [[row.get(c) for c in columns] for row in rows])


def insert_values(con: duckdb.DuckDBPyConnection, table: str, columns: Sequence[str] | None,
                  rows: Sequence[Sequence[object]]) -> None:
    """Insert many value rows in one statement (``columns`` None: every column, in order).

    DuckDB runs ``executemany`` as one INSERT per row, hundreds of times slower than one bulk
    insert at 10^5 rows. The rows travel as a registered frame whose columns are built with
    the dtype of the table's declared type (so no type is guessed from a sample of rows) and
    cast to it; None becomes NaN or <NA>, which DuckDB reads as NULL.
    """
    if not rows:
        return
    names = list(columns) if columns is not None else columns_of(con, table)
    types = column_types(con, table)
    values = list(zip(*rows, strict=True))
    frame = pd.DataFrame({name: pd.Series(column, dtype=_PANDAS_DTYPES.get(types[name], object))
                          for name, column in zip(names, values, strict=True)})
    view = "_insert_values_frame"
    con.register(view, frame)
    try:
        casts = ", ".join(f"CAST({name} AS {types[name]})" for name in names)
        con.execute(f"INSERT INTO {table} ({', '.join(names)}) SELECT {casts} FROM {view}")  # noqa: S608 (schema identifiers)
    finally:
        con.unregister(view)


# Declared SQL types whose values need a pandas dtype; text, dates and timestamps travel as
# Python objects, which are homogeneous per column.
_PANDAS_DTYPES = {"DOUBLE": "float64", "BIGINT": "Int64", "INTEGER": "Int64",
                  "BOOLEAN": "boolean"}


def column_types(con: duckdb.DuckDBPyConnection, table: str) -> dict[str, str]:
    schema, name = table.split(".")
    return dict(con.execute(
        "SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = ? "
        "AND table_name = ? AND table_catalog = current_database()", [schema, name]).fetchall())


# Checks on the loaded data that no single file can see, derived from the public tables'
# declarations (pipelines/sql/contract.py). Each query returns offending rows as
# (table, key, message).
CHECKS = contract.CHECKS


def vocabulary_problems(con: duckdb.DuckDBPyConnection) -> list[Problem]:
    """Every stored value of a controlled column that its declaration does not allow (the
    public tables' columns, :func:`contract.controlled_columns`; the reference loader and the
    submission validator check their inputs, this checks what actually reached the database,
    whoever wrote it)."""
    problems = []
    for (table, column), allowed in contract.controlled_columns().items():
        query = (f"SELECT DISTINCT {column} FROM {table} "  # noqa: S608 (identifiers from code)
                 f"WHERE {column} IS NOT NULL AND NOT list_contains($allowed, {column})")
        for (value,) in con.execute(query, {"allowed": list(allowed)}).fetchall():
            problems.append(Problem(table, 0, column, Code.VOCABULARY_VALUE, value=value,
                                    allowed=allowed))
    return problems


def run_checks(con: duckdb.DuckDBPyConnection) -> None:
    problems = [
        Problem(table, 0, str(key), Code.DATABASE_CHECK, check=name, detail=message)
        for name, query in CHECKS.items()
        for table, key, message in con.execute(query).fetchall()
    ]
    problems += vocabulary_problems(con)
    if problems:
        raise DataRejected(problems)


def table_counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    return {table.split(".")[1]: count(con, f"SELECT count(*) FROM {table}")  # noqa: S608
            for table in PUBLIC_TABLES}
