"""The marts the build computes from the loaded data: the status rule and the tables that
every page, briefing and download reads (docs/architecture.md).

:func:`build_marts` is the last step of every write (a build, an ingest, a deliverable
record): whatever changed the observations, the derived tables are recomputed from them in
the same transaction, so a reader never sees a status that disagrees with the figures.
"""

from __future__ import annotations

import duckdb

from pipelines.settings import Settings
from pipelines.sql import SQL_DIR, build_latest_figures

# The marts' tables, created when missing: a database built before a mart existed (an ingest
# into it, a benchmark's cached copy) gains the table instead of failing.
MARTS_SCHEMA = SQL_DIR / "schema_marts.sql"


def build_marts(con: duckdb.DuckDBPyConnection, settings: Settings) -> None:
    """Recompute every derived mart from ``marts.observations`` and the reference tables."""
    from pipelines.marts.comparisons import build_comparisons
    from pipelines.marts.milestones import build_milestone_status
    from pipelines.marts.progress import build_progress
    from pipelines.marts.review import build_review_marts
    from pipelines.marts.verdicts import build_verdicts
    from pipelines.marts.vintages import build_vintages

    con.execute(MARTS_SCHEMA.read_text(encoding="utf-8"))
    build_latest_figures(con)
    build_progress(con, settings)
    # Both read marts.progress's quarters.
    build_comparisons(con, settings)
    build_milestone_status(con, settings)
    # Reads marts.progress and marts.milestone_quarters.
    build_verdicts(con, settings)
    build_review_marts(con)
    build_vintages(con, settings)
