"""The observations download in bounded batches (docs/deployment.md › Production serving and
performance, "Downloads").

Observations (10^6 rows and more) are read at most ``size`` matching rows at a time: the
matching rowids are read first (8 bytes a row), cut into ranges, and each range is read
sorted by ``rowid``. The order is the order the build stored the rows (the export query's
order), and a reader holds one batch, never the table. Every batch is read from the same
cursor, so from one version of the data even if a write swaps the file mid-download.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Final

import duckdb
import pandas as pd

from pipelines.read.exports import OBSERVATIONS
from pipelines.release.export import Filters, check_known_ids, tidy

# The rows of the observations query, from its FROM to its ORDER BY (the joins and filters).
_FROM: Final = OBSERVATIONS.index("\nFROM marts.observations o")
_ORDER: Final = OBSERVATIONS.index("ORDER BY o.rowid")
# Every matching rowid (8 bytes a row): where each batch starts and ends.
MATCHING_ROWIDS: Final = "SELECT o.rowid AS r" + OBSERVATIONS[_FROM:_ORDER] + "ORDER BY r"
# The observations query restricted to one rowid range (same columns, filters and order).
OBSERVATIONS_RANGE: Final = OBSERVATIONS.replace(
    "WHERE (", "WHERE o.rowid >= $first_row AND o.rowid < $end_row\n  AND (", 1)
if OBSERVATIONS_RANGE == OBSERVATIONS:
    raise RuntimeError("the observations query has no WHERE clause to restrict")
# DuckDB vectors (2,048 rows each) fetched at a time inside one batch.
VECTORS: Final = 10


def _used(sql: str, params: dict[str, object]) -> dict[str, object]:
    return {k: v for k, v in params.items() if f"${k}" in sql}


def batch_bounds(cursor: duckdb.DuckDBPyConnection, params: dict[str, object],
                 size: int) -> list[tuple[int, int]]:
    """[first, end) rowid ranges holding at most ``size`` matching rows each, in order. A
    filtered download of a few rows is one range; the whole table is rows / size ranges."""
    rowids = cursor.execute(MATCHING_ROWIDS, _used(MATCHING_ROWIDS, params)).fetchnumpy()["r"]
    starts = [int(r) for r in rowids[::size]]
    if not starts:
        return []
    end = int(rowids[-1]) + 1  # type: ignore[arg-type]  # a numpy integer
    return list(zip(starts, [*starts[1:], end], strict=True))


def chunks(result: duckdb.DuckDBPyConnection, table: str,
           lang: str = "en") -> Iterator[pd.DataFrame]:
    """A query result's rows as tidy frames (labels in ``lang``), ``VECTORS`` DuckDB vectors
    at a time."""
    while True:
        chunk = result.fetch_df_chunk(VECTORS)
        if chunk.empty:
            return
        yield tidy(chunk, table, lang)


def observation_batches(cursor: duckdb.DuckDBPyConnection, filters: Filters, lang: str,
                        size: int) -> Callable[[], Iterator[pd.DataFrame]]:
    """Check the filters' ids now (so a bad id fails before a response starts) and return
    the generator of the observations' tidy frames, ``size`` matching rows at a time."""
    check_known_ids(cursor, filters)
    params = {"lang": "fr" if lang == "fr" else "en", **filters.params()}
    bounds = batch_bounds(cursor, params, size)

    def batches() -> Iterator[pd.DataFrame]:
        for first, end in bounds:
            rows = cursor.execute(OBSERVATIONS_RANGE, _used(
                OBSERVATIONS_RANGE, {**params, "first_row": first, "end_row": end}))
            yield from chunks(rows, "observations", lang)

    return batches
