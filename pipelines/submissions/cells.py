"""The staged cells of one submission file: a TEMP table of text, one row per spreadsheet row.

``sub_cells`` has columns ``c0``, ``c1``, … (trimmed text, ``''`` when empty) and one row per
row of the file in order, blank rows included, so ``rowid + 1`` is the row number a
spreadsheet shows. That holds for committed rows only (rows inserted inside an open
transaction have provisional row ids), so files are staged on a connection of their own in
autocommit mode, never on the writer's. DuckDB's ``read_csv`` fills it directly; the XLSX
reader, the CSV reader for files DuckDB cannot number (quoted line breaks, blank lines, other
encodings) and the demo generator append rows through :class:`CellSink`.

An XLSX's optional ``deliverables`` sheet is staged the same way into :data:`DELIVERABLES`,
so both sheets of one workbook are read in one pass.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Final

import duckdb

TABLE: Final = "sub_cells"
DELIVERABLES: Final = "sub_deliverable_cells"
_BATCH: Final = 20_000


def column(i: int) -> str:
    return f"c{i}"


class CellSink:
    """Append rows of text cells to :data:`TABLE`, in order, a batch at a time (DuckDB runs
    one INSERT per row of ``executemany``)."""

    def __init__(self, con: duckdb.DuckDBPyConnection, table: str = TABLE) -> None:
        self.con = con
        self.table = table  # TABLE or DELIVERABLES (names from code)
        self.width = 1
        self.rows: list[Sequence[str]] = []
        con.execute(f"CREATE OR REPLACE TEMP TABLE {table} (c0 VARCHAR)")

    def add(self, cells: Sequence[str]) -> None:
        self.rows.append(cells)
        if len(self.rows) >= _BATCH:
            self.flush()

    def extend(self, rows: Iterable[Sequence[str]]) -> None:
        for cells in rows:
            self.add(cells)

    def flush(self) -> None:
        import pyarrow as pa  # only files that DuckDB cannot read directly come this way

        if not self.rows:
            return
        self._widen(max(len(r) for r in self.rows))
        columns = {column(i): pa.array([r[i] if i < len(r) else "" for r in self.rows],
                                       pa.string())
                   for i in range(self.width)}
        self.con.register("sub_batch", pa.table(columns))
        try:
            self.con.execute(f"INSERT INTO {self.table} SELECT * FROM sub_batch")  # noqa: S608 (constant)
        finally:
            self.con.unregister("sub_batch")
        self.rows = []

    def _widen(self, width: int) -> None:
        for i in range(self.width, width):
            self.con.execute(f"ALTER TABLE {self.table} ADD COLUMN {column(i)} "
                             "VARCHAR DEFAULT ''")
        self.width = max(self.width, width)


def width(con: duckdb.DuckDBPyConnection, table: str = TABLE) -> int:
    row = con.execute("SELECT count(*) FROM duckdb_columns() WHERE table_name = $t "
                      "AND database_name = 'temp'", {"t": table}).fetchone()
    return int(row[0]) if row else 0


def not_blank(n: int) -> str:
    """SQL: the row has some text (identifiers only, built from the column count)."""
    return f"concat({', '.join(column(i) for i in range(n))}) <> ''"


def first_filled_row(con: duckdb.DuckDBPyConnection, after: int = 0,
                     table: str = TABLE) -> tuple[int, list[str]]:
    """(row number, cells) of the first row after ``after`` that has any text; (0, []) when
    there is none."""
    n = width(con, table)
    found = con.execute(f"SELECT rowid + 1, * FROM {table} WHERE rowid + 1 > $after "  # noqa: S608
                        f"AND {not_blank(n)} ORDER BY rowid LIMIT 1", {"after": after}).fetchone()
    if found is None:
        return 0, []
    return int(found[0]), [str(c) for c in found[1:]]
