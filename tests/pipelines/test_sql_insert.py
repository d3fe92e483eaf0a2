"""Bulk inserts keep every value exactly, whatever mix of types a column holds."""

from __future__ import annotations

from datetime import date, datetime

import duckdb

from pipelines.sql import insert_values


def test_bulk_insert_round_trips_values_of_mixed_python_types() -> None:
    con = duckdb.connect()
    con.execute("CREATE SCHEMA s; CREATE TABLE s.t (n BIGINT, v DOUBLE, d DATE, ts TIMESTAMP, "
                "b BOOLEAN, txt VARCHAR)")
    # ints first, a float later: nothing may be guessed from the first rows.
    rows = [(i, i, date(2025, 4, 1), datetime(2026, 1, 2, 3, 4, 5), i % 2 == 0, f"r{i}")
            for i in range(2000)]
    rows.append((2000, 12.5, None, None, None, None))
    rows.append((2001, 0.1 + 0.2, date(2030, 3, 31), None, False, "=cmd|' /C calc'!A0"))
    insert_values(con, "s.t", ["n", "v", "d", "ts", "b", "txt"], rows)
    got = con.execute("SELECT * FROM s.t ORDER BY n").fetchall()
    assert got[:2] == [(0, 0.0, date(2025, 4, 1), datetime(2026, 1, 2, 3, 4, 5), True, "r0"),
                       (1, 1.0, date(2025, 4, 1), datetime(2026, 1, 2, 3, 4, 5), False, "r1")]
    assert got[-2:] == [(2000, 12.5, None, None, None, None),
                        (2001, 0.1 + 0.2, date(2030, 3, 31), None, False, "=cmd|' /C calc'!A0")]
