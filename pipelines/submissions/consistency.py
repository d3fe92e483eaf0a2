"""Checks across rows of one submission, in SQL over its valid rows: duplicate keys, and parts
of a breakdown (age groups; regions of the province) adding up to more than their total."""

from __future__ import annotations

import duckdb

from pipelines.submissions.template import PROVINCE


def add_problems(con: duckdb.DuckDBPyConnection, valid: str, problems: str) -> None:
    """Append duplicate and parts-over-total problems about the rows of ``valid`` to
    ``problems`` (both table names come from code)."""
    con.execute(f"""
        INSERT INTO {problems} (kind, rowno, col, n3)
        WITH repeated AS (
            SELECT indicator_id, q_ord, geography, breakdown, min(rowno) AS first
            FROM {valid} GROUP BY ALL HAVING count(*) > 1)
        SELECT 'duplicate', v.rowno, '-', r.first
        FROM {valid} AS v JOIN repeated AS r USING (indicator_id, q_ord, geography, breakdown)
        WHERE v.rowno > r.first
    """)  # noqa: S608
    parts = _PARTS.format(valid=valid)
    con.execute(_OVER_SQL.format(valid=valid, parts=parts), {"province": PROVINCE})
    over = con.execute("SELECT count(*) FROM sub_over").fetchone()
    if over and over[0]:  # only then find the parts of each total exceeded
        con.execute(_PARTS_SQL.format(parts=parts, problems=problems), {"province": PROVINCE})
    con.execute("DROP TABLE sub_over")


# A part names its total: the same place's 'total' for a 'dimension:value' breakdown, and the
# province's same breakdown for a region. A total of "more than 60" or "at least 60" bounds
# nothing. When a key is duplicated its last row is the total, as it always was.
_PARTS = """
    SELECT rowno, value, indicator_id, q_ord, geography AS t_geography, 'total' AS t_breakdown,
           split_part(breakdown, ':', 1) AS label
    FROM {valid} WHERE breakdown <> 'total'
    UNION ALL
    SELECT rowno, value, indicator_id, q_ord, $province, breakdown, 'regions'
    FROM {valid} WHERE is_region
"""

_OVER_SQL = """
CREATE OR REPLACE TEMP TABLE sub_over AS
WITH sums AS (
    SELECT indicator_id, q_ord, t_geography, t_breakdown, label,
           sum(value ORDER BY rowno) AS added
    FROM ({parts}) GROUP BY ALL
), totals AS (
    SELECT v.indicator_id, v.q_ord, v.geography AS t_geography, v.breakdown AS t_breakdown,
           arg_max(v.value, v.rowno) AS value, arg_max(v.qualifier, v.rowno) AS qualifier,
           max(v.rowno) AS rowno
    FROM {valid} AS v SEMI JOIN sums AS s
        ON s.indicator_id = v.indicator_id AND s.q_ord = v.q_ord
           AND s.t_geography = v.geography AND s.t_breakdown = v.breakdown
    GROUP BY ALL
)
SELECT s.*, t.value AS total, t.rowno AS total_row
FROM sums AS s JOIN totals AS t USING (indicator_id, q_ord, t_geography, t_breakdown)
WHERE t.qualifier NOT IN ('more_than', 'at_least') AND s.added > t.value
"""

_PARTS_SQL = """
INSERT INTO {problems} (kind, rowno, col, label, n1, n2, n3)
SELECT 'parts', p.rowno, 'value', o.label, o.added, o.total, o.total_row
FROM ({parts}) AS p
JOIN sub_over AS o USING (indicator_id, q_ord, t_geography, t_breakdown, label)
"""
