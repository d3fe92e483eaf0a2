"""``CHANGELOG.md`` of a snapshot: what changed since the previous snapshot.

Rows are matched on their keys; a row whose compared columns differ is "changed".
"""

from __future__ import annotations

from pathlib import Path
from typing import Final

import duckdb

from pipelines.sql import quoted

# table -> (key columns, compared columns). Code constants, never input.
TRACKED: Final[dict[str, tuple[str, str]]] = {
    "marts.indicators": ("indicator_id", "name_en, unit, measure, interpretation"),
    "marts.observations": ("observation_id",
                           "indicator_id, period_start, period_end, value, qualifier, "
                           "status, suppressed"),
    "marts.targets": ("indicator_id, period_start, period_end",
                      "target_value, baseline_value"),
    "marts.milestones": ("milestone_id", "status, status_date"),
}
SHOWN: Final = 50  # rows listed per section; the counts are always complete

Key = tuple[object, ...]
Rows = dict[Key, tuple[object, ...]]


def _rows(con: duckdb.DuckDBPyConnection, table: str, catalog: str) -> Rows:
    key, compared = TRACKED[table]
    width = key.count(",") + 1
    found = con.execute(f"SELECT {key}, {compared} FROM {catalog}.{table}").fetchall()  # noqa: S608 (code constants)
    return {tuple(r[:width]): tuple(r[width:]) for r in found}


def diff(before: Rows, after: Rows) -> tuple[list[Key], list[Key], list[Key]]:
    added = sorted((k for k in after if k not in before), key=repr)
    removed = sorted((k for k in before if k not in after), key=repr)
    changed = sorted((k for k in after if k in before and after[k] != before[k]), key=repr)
    return added, removed, changed


def _section(table: str, kind: str, keys: list[Key], before: Rows, after: Rows) -> list[str]:
    if not keys:
        return []
    lines = [f"### {table}: {len(keys)} {kind}", ""]
    for key in keys[:SHOWN]:
        shown = " / ".join(str(k) for k in key)
        if kind == "changed":
            lines.append(f"- `{shown}`: {before[key]} → {after[key]}")
        else:
            lines.append(f"- `{shown}`")
    if len(keys) > SHOWN:
        lines.append(f"- … and {len(keys) - SHOWN} more")
    return [*lines, ""]


def changelog_markdown(con: duckdb.DuckDBPyConnection, previous_db: Path | None, label: str,
                       previous_label: str | None) -> str:
    """Markdown comparing ``con`` (the new snapshot) with ``previous_db``."""
    lines = [f"# Changelog: {label}", ""]
    if previous_db is None:
        return "\n".join([*lines, "First snapshot: everything is new.", ""])
    lines += [f"Changes since snapshot “{previous_label}”.", ""]
    row = con.execute("SELECT current_database()").fetchone()
    assert row is not None
    current = row[0]
    con.execute(f"ATTACH {quoted(previous_db)} AS previous (READ_ONLY)")
    try:
        for table in TRACKED:
            before, after = _rows(con, table, "previous"), _rows(con, table, current)
            added, removed, changed = diff(before, after)
            lines += _section(table, "added", added, before, after)
            lines += _section(table, "removed", removed, before, after)
            lines += _section(table, "changed", changed, before, after)
    finally:
        con.execute("DETACH previous")
    if len(lines) == 4:
        lines.append("No change in indicators, observations, targets or milestones.")
    return "\n".join(lines) + "\n"
