"""The read layer: every query that the web tier, the briefings and the exports run.

Each query is a named ``.sql`` file under ``queries/`` with ``$named`` parameters (values are
never spliced into SQL) and returns typed rows (frozen dataclasses from :mod:`.rows`), never a
bare frame. Callers pass a :class:`Reader`: the dashboard's cached read-only database, or
:class:`ConnectionReader` around a DuckDB connection (the command line, exports, tests).
Pages and figure builders take the rows; they never see a connection.
"""

from pipelines.read.core import (
    ConnectionReader,
    QueryError,
    QueryResult,
    Reader,
    fetch,
    fetch_one,
    query_text,
)

__all__ = ["ConnectionReader", "QueryError", "QueryResult", "Reader", "fetch", "fetch_one",
           "query_text"]
