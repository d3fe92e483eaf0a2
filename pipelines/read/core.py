"""Loading named queries, running them through a :class:`Reader` and typing their rows."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Final, Protocol, TypeVar

import duckdb

from pipelines.errors import TrackerError

QUERY_DIR: Final[Path] = Path(__file__).resolve().parent / "queries"
_NAME: Final = re.compile(r"[a-z][a-z0-9_]*")

Params = Mapping[str, object]
RowT = TypeVar("RowT")


class QueryError(TrackerError):
    """A query name with no ``.sql`` file, or a result whose columns do not match its row
    type (a programming error, reported with the query's name)."""


@dataclass(frozen=True)
class QueryResult:
    """Column names and value tuples, as DuckDB returns them (DATE as ``datetime.date``)."""

    columns: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]


class Reader(Protocol):
    """Anything that runs a parameterised query and returns its result."""

    def query(self, sql: str, params: Params) -> QueryResult: ...


class ConnectionReader:
    """A :class:`Reader` over one DuckDB connection or cursor (no caching)."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self.con = con

    def query(self, sql: str, params: Params) -> QueryResult:
        cursor = self.con.execute(sql, dict(params))
        columns = tuple(d[0] for d in cursor.description or ())
        return QueryResult(columns, tuple(cursor.fetchall()))


@cache
def query_text(name: str) -> str:
    """The SQL of ``queries/<name>.sql`` (read once per process, on first use)."""
    path = QUERY_DIR / f"{name}.sql"
    if not _NAME.fullmatch(name) or not path.is_file():
        raise QueryError(f"no query named {name!r} in {QUERY_DIR.name}/")
    return path.read_text(encoding="utf-8")


def _used(sql: str, params: Params) -> dict[str, object]:
    # DuckDB refuses parameters a statement does not use; callers may pass a superset.
    return {k: v for k, v in params.items() if f"${k}" in sql}


def _typed(name: str, result: QueryResult, row_type: type[RowT]) -> list[RowT]:
    fields = tuple(f.name for f in dataclasses.fields(row_type))  # type: ignore[arg-type]
    if set(fields) != set(result.columns):
        missing = sorted(set(fields) - set(result.columns))
        extra = sorted(set(result.columns) - set(fields))
        raise QueryError(f"query {name!r} does not fit {row_type.__name__}: "
                         f"missing {missing}, unexpected {extra}")
    if hasattr(row_type, "__post_init__"):
        return [row_type(**dict(zip(result.columns, row, strict=True))) for row in result.rows]
    # The rows are plain frozen dataclasses whose fields the check above matched: filling
    # their __dict__ is what their __init__ does, ~4x faster for wide rows (marts.progress
    # has 50 columns and a review reads hundreds of them).
    new = object.__new__
    rows = []
    for values in result.rows:
        row = new(row_type)
        row.__dict__.update(zip(result.columns, values, strict=True))
        rows.append(row)
    return rows


def fetch(reader: Reader, name: str, row_type: type[RowT], **params: object) -> list[RowT]:
    """Run the named query with ``params`` and return its rows as ``row_type``."""
    sql = query_text(name)
    return _typed(name, reader.query(sql, _used(sql, params)), row_type)


def fetch_one(reader: Reader, name: str, row_type: type[RowT], **params: object) -> RowT | None:
    """The first row of :func:`fetch`, or None when there is none."""
    rows = fetch(reader, name, row_type, **params)
    return rows[0] if rows else None
