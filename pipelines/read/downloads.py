"""The download set through the read layer: what ``/data``, the statutory review, the API
and the downloads read from the public tables, so that no page holds a cursor
(docs/architecture.md › Layers).

Each function takes the database the caller reads (the dashboard's :class:`Database`, or any
object whose ``cursor()`` gives a DuckDB cursor), runs the table's named export query
(:mod:`pipelines.read.exports`, through :func:`pipelines.release.export.public_query`:
parameters only, as known on ``filters.as_of`` when given) and returns the public columns as
the declaration has them (:mod:`pipelines.release.public_fields`): a tidy frame for the
components that draw tables, or typed rows (:mod:`pipelines.read.table_rows`)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, Final, Protocol

import duckdb
import pandas as pd

from pipelines.read.table_rows import row_type
from pipelines.release.export import (
    Filters,
    check_known_ids,
    count_public,
    execute_public,
    public_query,
    tidy,
)
from pipelines.release.package import Release, download_set, release_of
from pipelines.release.public_fields import FIELDS
from pipelines.release.stream import chunks, observation_batches


class Connected(Protocol):
    """A database a cursor can be had from (the dashboard's, a snapshot's, a test's)."""

    def cursor(self) -> duckdb.DuckDBPyConnection: ...


def check_ids(db: Connected, filters: Filters) -> None:
    """InvalidFilterError for an indicator, geography or source the database does not know."""
    check_known_ids(db.cursor(), filters)


def count_rows(db: Connected, table: str, filters: Filters, lang: str = "en") -> int:
    """How many rows ``table``'s download with ``filters`` holds."""
    return count_public(db.cursor(), table, filters, lang)


def frame(db: Connected, table: str, filters: Filters, lang: str = "en",
          page: tuple[int, int] | None = None) -> pd.DataFrame:
    """``table``'s public columns (English names, labels in ``lang``), filtered; ``page`` =
    (offset, limit) in the download's order."""
    cursor = db.cursor()
    sql, params = public_query(cursor, table, filters, lang, page=page)
    return tidy(cursor.execute(sql, params).df(), table, lang)


# Each kind's Python value, from what a frame holds (numpy scalars; dates are already dates).
_CONVERT: Final[dict[str, Callable[[Any], object]]] = {
    "number": float, "integer": int, "boolean": bool, "date": lambda v: v, "string": str}


def rows(db: Connected, table: str, filters: Filters, lang: str = "en",
         page: tuple[int, int] | None = None) -> list[Any]:
    """The rows of :func:`frame` as ``table``'s typed rows (empty values are None)."""
    found = frame(db, table, filters, lang, page)
    columns = [[None if missing else _CONVERT[f.kind](value)
                for value, missing in zip(found[f.name].tolist(), found[f.name].isna().tolist(),
                                          strict=True)]
               for f in FIELDS[table]]
    make = row_type(table)
    return [make(*values) for values in zip(*columns, strict=True)]


def release(db: Connected, url: str) -> Release:
    """The release the database holds (its version and build date), to cite at ``url``."""
    return release_of(db.cursor(), url)


def frames(db: Connected, table: str, filters: Filters, lang: str,
           batch_rows: int) -> Iterator[pd.DataFrame]:
    """``table``'s rows as tidy frames, for a file written as they come. Unknown ids raise
    now, before the first frame (so a refusal comes before any header is sent); the frames
    then read from this thread's cursor. Today's observations come ``batch_rows`` matching
    rows at a time (:mod:`pipelines.release.stream`); the other tables and figures as known
    on a day (the vintages' own query, which is small) a few DuckDB vectors at a time."""
    cursor = db.cursor()
    if table == "observations" and filters.as_of is None:
        return _batched(observation_batches(cursor, filters, lang, batch_rows))
    return chunks(execute_public(cursor, table, filters, lang), table, lang)


def _batched(batches: Callable[[], Iterator[pd.DataFrame]]) -> Iterator[pd.DataFrame]:
    yield from batches()


def file_set(db: Connected, release: Release, filters: Filters,
             lang: str) -> dict[str, bytes]:
    """The data package's files (every table, the descriptor, the dictionary, the README)."""
    return download_set(db.cursor(), release, filters, lang)
