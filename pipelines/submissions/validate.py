"""Validate the staged cells of one submission in SQL. Every check runs; every problem counts.

The cells (:mod:`.cells`) are typed once into ``sub_rows`` (parsed number, quarter, known
indicator and geography), each check is a query over it adding rows to ``sub_problems``
(kind, row, column and the details of the message), and the rows with no problem land in a
table of valid rows that the ingest loads with one ``INSERT … SELECT``. Messages are worded
by :mod:`.report`, which keeps the first problems of each kind and counts the rest.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Final

import duckdb

from pipelines.errors import Problem
from pipelines.periods import FiscalQuarter
from pipelines.submissions import cells, consistency, parse, report
from pipelines.submissions.read import Staged
from pipelines.submissions.template import COLUMNS, REQUIRED_CELLS, REQUIRED_COLUMNS
from pipelines.vocabulary import SUBMISSION_QUALIFIERS

ROWS: Final = "sub_rows"
PROBLEMS: Final = "sub_problems"
# Python's str.isidentifier() for the dimension, then one value without a colon.
_BREAKDOWN: Final = (r"[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}]*:[^:]+")
# sub_rows columns that keep a cell's text when the template name holds its parsed value.
_TEXT_OF: Final = {"value": "value_text"}


@dataclass(frozen=True)
class Reference:
    """What the current database accepts, and the clock, for one ingest."""

    units: Mapping[str, str]  # indicator_id -> unit kind ('count', 'percent', 'money', 'rate')
    geographies: frozenset[str]
    regions: frozenset[str]  # geographies that partition the province
    first: FiscalQuarter
    last: FiscalQuarter
    latest_complete: FiscalQuarter
    # For deliverable statuses (pipelines.marts.milestones.check_record).
    milestones: frozenset[str]
    today: date
    strategy_start: date


@dataclass
class Checked:
    """The outcome for one file: bounded problems, how many there were, and the table of
    valid rows (loadable only when there is no problem)."""

    problems: list[Problem]
    problem_count: int
    bad_rows: int
    valid_table: str
    valid_rows: int


def validate(con: duckdb.DuckDBPyConnection, name: str, staged: Staged, ref: Reference,
             valid_table: str) -> Checked:
    """Check the staged cells of file ``name``; valid rows go to ``valid_table``."""
    if staged.problems:
        return Checked(list(staged.problems), len(staged.problems), 0, valid_table, 0)
    parse.create_macros(con)
    _reference_tables(con, ref)
    _type_rows(con, staged)
    con.execute(f"CREATE OR REPLACE TEMP TABLE {PROBLEMS} (kind VARCHAR, rowno INTEGER, "
                "col VARCHAR, text VARCHAR, label VARCHAR, n1 DOUBLE, n2 DOUBLE, n3 BIGINT)")
    _formula_problems(con, staged)
    _row_problems(con, ref)
    _valid_rows(con, valid_table)
    consistency.add_problems(con, valid_table, PROBLEMS)
    found = report.bounded(con, name, PROBLEMS, ref)
    header = check_header(name, staged.header)
    count_row = con.execute(f"SELECT count(*), count(DISTINCT rowno) FROM {PROBLEMS}"  # noqa: S608
                            ).fetchone() or (0, 0)
    valid = con.execute(f"SELECT count(*) FROM {valid_table}").fetchone() or (0,)  # noqa: S608
    return Checked(header + found, len(header) + int(count_row[0]), int(count_row[1]),
                   valid_table, int(valid[0]))


def check_header(name: str, header: list[str]) -> list[Problem]:
    problems = [
        Problem(name, 1, col, f'required column "{col}" is missing')
        for col in REQUIRED_COLUMNS
        if col not in header
    ]
    allowed = ", ".join(COLUMNS)
    for col in header:
        if col and col not in COLUMNS:
            problems.append(Problem(name, 1, col, f'unknown column "{col}"; allowed: {allowed}'))
    return problems


def _reference_tables(con: duckdb.DuckDBPyConnection, ref: Reference) -> None:
    con.execute("CREATE OR REPLACE TEMP TABLE sub_units AS SELECT unnest($ids) AS indicator_id,"
                " unnest($kinds) AS kind",
                {"ids": list(ref.units), "kinds": list(ref.units.values())})
    geographies = sorted(ref.geographies)
    con.execute("CREATE OR REPLACE TEMP TABLE sub_geographies AS SELECT unnest($ids) AS "
                "geography_id, unnest($regions) AS is_region",
                {"ids": geographies, "regions": [g in ref.regions for g in geographies]})


def _field(header: list[str], name: str) -> str:
    """The staged column holding ``name`` (the last one, as a header read into a dict
    would), or NULL when the file has no such column: a missing column is reported once,
    on the header, not on every row."""
    positions = [i for i, h in enumerate(header) if h == name]
    return cells.column(positions[-1]) if positions else "NULL::VARCHAR"


def _type_rows(con: duckdb.DuckDBPyConnection, staged: Staged) -> None:
    n, h = cells.width(con), len(staged.header)
    fields = ",\n".join(f"{_field(staged.header, c)} AS {c}" for c in COLUMNS)
    extra = (f"concat({', '.join(cells.column(i) for i in range(h, n))}) <> ''"
             if n > h else "false")
    formula = " OR ".join(f"starts_with({cells.column(i)}, '=')" for i in range(n))
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE {ROWS} AS
        WITH c AS (
            SELECT rowid + 1 AS rowno, {fields}, {extra} AS extra, {formula} AS formula
            FROM {cells.TABLE} WHERE rowid + 1 > $header_row AND {cells.not_blank(n)}
        ), q AS (
            SELECT *, regexp_full_match(quarter, '\\d{{4}}-\\d{{2}}Q\\d') AS q_shape,
                   TRY_CAST(substr(quarter, 1, 4) AS INTEGER) AS y1,
                   TRY_CAST(substr(quarter, 6, 2) AS INTEGER) AS y2,
                   TRY_CAST(substr(quarter, 9, 1) AS INTEGER) AS qn
            FROM c
        )
        SELECT q.rowno, q.indicator_id, q.quarter, q.geography, q.value AS value_text,
               q.note, q.program, q.extra, q.formula,
               coalesce(nullif(q.breakdown, ''), 'total') AS breakdown,
               coalesce(nullif(q.qualifier, ''), 'exact') AS qualifier,
               u.kind AS unit_kind, g.geography_id IS NOT NULL AS known_geography,
               coalesce(g.is_region, false) AS is_region,
               CASE WHEN q_shape AND qn BETWEEN 1 AND 4 AND y2 = (y1 + 1) % 100
                         AND y1 BETWEEN 1 AND 9998 THEN y1 * 4 + qn - 1 END AS q_ord,
               sub_number(q.value, u.kind = 'count') AS value
        FROM q LEFT JOIN sub_units AS u USING (indicator_id)
        LEFT JOIN sub_geographies AS g ON g.geography_id = q.geography
    """, {"header_row": staged.header_row})  # noqa: S608 (identifiers from code and counts)


def _formula_problems(con: duckdb.DuckDBPyConnection, staged: Staged) -> None:
    """A cell starting with "=" is a formula (or a spreadsheet-injection attempt): its row is
    not checked further."""
    any_formula = con.execute(f"SELECT bool_or(formula) FROM {ROWS}").fetchone()  # noqa: S608
    if not any_formula or not any_formula[0]:
        return
    names = [h or "-" for h in staged.header]
    every = ", ".join(cells.column(i) for i in range(cells.width(con)))
    con.execute(f"""
        INSERT INTO {PROBLEMS} (kind, rowno, col, text)
        SELECT 'formula', rowno, coalesce(list_extract($names, position + 1), '-'), text
        FROM (SELECT rowno, unnest(range(len(cells))) AS position, unnest(cells) AS text
              FROM (SELECT rowid + 1 AS rowno, [{every}] AS cells FROM {cells.TABLE})
              WHERE rowno IN (SELECT rowno FROM {ROWS} WHERE formula))
        WHERE starts_with(text, '=')
    """, {"names": names})  # noqa: S608


def _row_problems(con: duckdb.DuckDBPyConnection, ref: Reference) -> None:
    empty = "\nUNION ALL\n".join(
        f"SELECT 'empty', rowno, '{col}', NULL FROM checked "  # noqa: S608
        f"WHERE {_TEXT_OF.get(col, col)} = ''" for col in REQUIRED_CELLS)
    con.execute(f"""
        INSERT INTO {PROBLEMS} (kind, rowno, col, text)
        WITH checked AS (SELECT * FROM {ROWS} WHERE NOT extra AND NOT formula)
        SELECT 'extra', rowno, '-', NULL FROM {ROWS} WHERE extra
        UNION ALL {empty}
        UNION ALL SELECT 'indicator', rowno, 'indicator_id', indicator_id FROM checked
            WHERE indicator_id <> '' AND unit_kind IS NULL
        UNION ALL SELECT CASE WHEN q_ord IS NULL THEN 'quarter_malformed'
                              WHEN q_ord < $first OR q_ord > $last THEN 'quarter_outside'
                              ELSE 'quarter_future' END, rowno, 'quarter', quarter
            FROM checked WHERE quarter <> ''
                AND (q_ord IS NULL OR q_ord < $first OR q_ord > $last OR q_ord > $latest)
        UNION ALL SELECT 'geography', rowno, 'geography', geography FROM checked
            WHERE geography <> '' AND NOT known_geography
        UNION ALL SELECT 'breakdown', rowno, 'breakdown', breakdown FROM checked
            WHERE breakdown <> 'total' AND NOT regexp_full_match(breakdown, '{_BREAKDOWN}')
        UNION ALL SELECT 'qualifier', rowno, 'qualifier', qualifier FROM checked
            WHERE NOT list_contains($qualifiers, qualifier)
        UNION ALL SELECT CASE WHEN value IS NULL THEN 'not_a_number'
                              WHEN value < 0 THEN 'negative'
                              WHEN unit_kind = 'count' AND value <> floor(value) THEN 'fraction'
                              ELSE 'percent' END, rowno, 'value', value_text
            FROM checked WHERE value_text <> '' AND (value IS NULL OR value < 0
                OR (unit_kind = 'count' AND value <> floor(value))
                OR (unit_kind = 'percent' AND value > 100))
    """, {"first": _ordinal(ref.first), "last": _ordinal(ref.last),  # noqa: S608
          "latest": _ordinal(ref.latest_complete), "qualifiers": list(SUBMISSION_QUALIFIERS)})


def _ordinal(quarter: FiscalQuarter) -> int:
    return quarter.ordinal


def _valid_rows(con: duckdb.DuckDBPyConnection, valid_table: str) -> None:
    """Rows with no problem of their own; duplicates and parts are checked among these."""
    found = con.execute(f"SELECT count(*) FROM {PROBLEMS}").fetchone()  # noqa: S608
    # Most files have no problem at all: then no row needs looking up among the problems.
    exclude = (f"AND NOT EXISTS (SELECT 1 FROM {PROBLEMS} AS p "  # noqa: S608
               "WHERE p.rowno = r.rowno)" if found and found[0] else "")
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE {valid_table} AS
        SELECT rowno, coalesce(indicator_id, '') AS indicator_id, quarter, q_ord,
               coalesce(geography, '') AS geography, breakdown, value, qualifier,
               nullif(note, '') AS note, coalesce(program, '') AS program, is_region
        FROM {ROWS} AS r
        WHERE NOT extra AND NOT formula AND q_ord IS NOT NULL AND value IS NOT NULL
          {exclude}
    """)  # noqa: S608 (table names from code)


def drop_work_tables(con: duckdb.DuckDBPyConnection) -> None:
    """Free the memory of the per-file tables (valid-row tables are dropped by their user)."""
    for table in (cells.TABLE, cells.DELIVERABLES, ROWS, PROBLEMS):
        con.execute(f"DROP TABLE IF EXISTS {table}")
