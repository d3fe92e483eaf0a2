"""Numbers and cells as people type them in English and French spreadsheets, as SQL macros.

Validation runs in SQL over the staged file (docs/staff.md › Quarterly submissions), so these rules
are DuckDB macros, created per connection as TEMP objects (never stored in the database).

Numbers accepted: ``1234``, ``1 234`` (space, no-break space or narrow no-break space between
groups of three), ``1,234`` and ``1,234.5`` (English), ``12,5`` and ``1 234,5`` and ``1.234,5``
(French decimal comma), an optional trailing ``%``.

The one ambiguous case is a single comma: ``1,234`` could be English thousands or a French
decimal. Rule: in a count column (whole numbers only) a single comma followed by exactly three
digits is a thousands separator (``1,234`` = 1234); anywhere else a single comma is a decimal
comma (``1,5`` = 1.5; in a percentage column ``12,345`` = 12.345). A single dot is always a
decimal point.
"""

from __future__ import annotations

from typing import Final

import duckdb

# Python's str.strip() whitespace, so cells are trimmed exactly as the spreadsheet user sees
# them (a no-break space pasted after a number is not part of it).
WHITESPACE: Final = ("\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003"
                     "\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000")
_SPACES: Final = "[ \u00a0\u202f]"
_GROUPED_COMMA: Final = r"[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?"
_GROUPED_DOT: Final = r"[+-]?\d{1,3}(?:\.\d{3})+(?:,\d+)?"

# Macro bodies are code constants (no user input); DuckDB takes no parameters in DDL.
MACROS: Final = (
    # trim() with a character set is slow per cell; most cells need nothing, so it runs only
    # on cells that start or end with whitespace.
    f"""CREATE OR REPLACE TEMP MACRO sub_trim(t) AS (
        CASE WHEN t IS NULL THEN ''
             WHEN t <> '' AND (contains('{WHITESPACE}', left(t, 1))
                               OR contains('{WHITESPACE}', right(t, 1)))
             THEN trim(t, '{WHITESPACE}')
             ELSE t END)""",
    # "87,5 %" -> "87,5"; NULL when spaces are not thousands separators.
    f"""CREATE OR REPLACE TEMP MACRO sub_unspaced(t) AS (
        CASE WHEN NOT regexp_matches(sub_trim(regexp_replace(t, '%$', '')), '{_SPACES}')
             THEN sub_trim(regexp_replace(t, '%$', ''))
             WHEN regexp_full_match(sub_trim(regexp_replace(t, '%$', '')),
                                    '[+-]?\\d{{1,3}}(?:{_SPACES}\\d{{3}})+(?:[.,]\\d+)?')
             THEN regexp_replace(sub_trim(regexp_replace(t, '%$', '')), '{_SPACES}', '', 'g')
        END)""",
    # The text DuckDB casts to DOUBLE, or NULL when it is not a number under the rules above.
    f"""CREATE OR REPLACE TEMP MACRO sub_normalised(s, whole) AS (
        CASE
        WHEN s IS NULL THEN NULL
        WHEN regexp_full_match(s, '[+-]?\\d+(?:\\.\\d+)?') THEN s
        WHEN contains(s, ',') AND contains(s, '.') THEN (
            -- whichever separator comes last is the decimal mark
            CASE WHEN regexp_matches(s, '\\.[^,]*$')
                 THEN CASE WHEN regexp_full_match(s, '{_GROUPED_COMMA}')
                           THEN replace(s, ',', '') END
                 ELSE CASE WHEN regexp_full_match(s, '{_GROUPED_DOT}')
                           THEN replace(replace(s, '.', ''), ',', '.') END
            END)
        WHEN length(s) - length(replace(s, ',', '')) > 1
            THEN CASE WHEN regexp_full_match(s, '{_GROUPED_COMMA}') THEN replace(s, ',', '') END
        WHEN length(s) - length(replace(s, '.', '')) > 1
            THEN CASE WHEN regexp_full_match(s, '{_GROUPED_DOT}') THEN replace(s, '.', '') END
        WHEN contains(s, ',') THEN (
            CASE WHEN whole AND regexp_full_match(s, '[+-]?\\d{{1,3}},\\d{{3}}')
                 THEN replace(s, ',', '')
                 WHEN regexp_full_match(s, '[+-]?\\d+,\\d+') THEN replace(s, ',', '.')
            END)
        END)""",
    # Most cells are plain digits: cast those directly, the rules above for the rest.
    """CREATE OR REPLACE TEMP MACRO sub_number(t, whole) AS (
        CASE WHEN regexp_full_match(t, '\\d{1,15}') THEN CAST(t AS DOUBLE)
             ELSE TRY_CAST(sub_normalised(sub_unspaced(t), whole) AS DOUBLE) END)""",
)


def create_macros(con: duckdb.DuckDBPyConnection) -> None:
    for statement in MACROS:
        con.execute(statement)


def parse_number(con: duckdb.DuckDBPyConnection, text: str, *, whole: bool) -> float | None:
    """One number under the rules above (None when it is not one); for tests and callers
    that hold a single value."""
    create_macros(con)
    row = con.execute("SELECT sub_number($t, $w)", {"t": text, "w": whole}).fetchone()
    return None if row is None or row[0] is None else float(row[0])
