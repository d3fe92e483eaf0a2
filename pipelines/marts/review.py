"""The quarterly review's marts: its revisions and missing submissions, computed once per
reviewed quarter by the build (docs/staff.md › Quarterly review), so the page, the briefing and
``python -m dashboard report`` read a few rows per quarter instead of scanning the submission
history (10^6 rows and more) at every render.

The last review of a quarter is the previous quarter's, taken to happen once that quarter's
first submission was loaded; the revisions a review shows are those loaded after it and
before the first submission for the next quarter (``marts.quarter_first_loads`` holds those
loads).
"""

from __future__ import annotations

import duckdb
import pandas as pd

from pipelines.periods import FiscalQuarter
from pipelines.sql import SQL_DIR

REVIEW_SQL = SQL_DIR / "quarter_review.sql"


def review_windows(first_loads: dict[str, int]) -> list[tuple[str, int, int | None]]:
    """(review quarter, after load, before load) for every quarter with a first load: after
    the previous quarter's first load (0 when it had none), before the next quarter's."""
    windows = []
    for label in sorted(first_loads):
        quarter = FiscalQuarter.parse(label)
        windows.append((label, first_loads.get(quarter.previous().label, 0),
                        first_loads.get(quarter.next().label)))
    return windows


def build_review_marts(con: duckdb.DuckDBPyConnection) -> None:
    """Replace ``marts.quarter_first_loads``, ``marts.quarter_revisions`` and
    ``marts.quarter_missing`` from the submission history."""
    con.execute("DELETE FROM marts.quarter_first_loads")
    con.execute("INSERT INTO marts.quarter_first_loads SELECT quarter, min(load_id), "
                "min(loaded_at) FROM marts.observation_history GROUP BY quarter")
    first = dict(con.execute("SELECT quarter, load_id FROM marts.quarter_first_loads")
                 .fetchall())
    windows = pd.DataFrame(review_windows(first),
                           columns=["review_quarter", "after_load", "before_load"])
    windows = windows.astype({"after_load": "Int64", "before_load": "Int64"})
    con.register("review_windows_frame", windows)
    try:
        con.execute("CREATE OR REPLACE TEMP TABLE review_windows AS SELECT review_quarter, "
                    "CAST(after_load AS BIGINT) AS after_load, "
                    "CAST(before_load AS BIGINT) AS before_load FROM review_windows_frame")
    finally:
        con.unregister("review_windows_frame")
    con.execute(REVIEW_SQL.read_text(encoding="utf-8"))
    con.execute("DROP TABLE review_windows")
