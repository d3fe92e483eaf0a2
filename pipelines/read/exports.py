"""The queries behind the download set and the API, one per public table, from the read
layer's ``queries/`` folder (``export_<table>.sql``).

Every filter is a named parameter that may be NULL ("no filter"): lists are matched with
``list_contains``, ``$date_from``/``$date_to`` keep periods that overlap the range. Nothing is
spliced in. Label columns follow ``$lang``. Suppressed values come out empty whatever is stored.

Observations come in the order the build stored them (``rowid``), which is stable for the same
data and lets the web download read the table in bounded ``rowid`` ranges instead of sorting
the whole table in memory first.

As known at the end of a day (``$known_at``): the same queries read the vintages the build
keeps (``known_<table>.sql`` stands in for the live table). Published figures are known from
the start; a submitted figure is the version shown at ``$known_at``; progress is the vintage in
force then; a submission's source is listed once it was loaded; the reference tables are known
from the start.
"""

from __future__ import annotations

from typing import Final

from pipelines.read.core import query_text

TABLES: Final = ("observations", "indicators", "targets", "milestones", "sources", "progress")
QUERIES: Final[dict[str, str]] = {t: query_text(f"export_{t}") for t in TABLES}
OBSERVATIONS: Final[str] = QUERIES["observations"]

# table -> the live table (with its alias) that the as-known fragment stands in for.
_KNOWN_READS: Final = {"observations": "marts.observations o", "progress": "marts.progress p",
                       "sources": "meta.sources s"}
# The observations' order, written out: the live query's order relies on the stored row
# order (rowid), which a union of vintages does not have.
_OBSERVATIONS_ORDER: Final = """
ORDER BY i.sort_order, o.indicator_id, o.geography, o.breakdown,
         o.period_start NULLS FIRST, o.period_end NULLS FIRST, o.source_id, o.observation_id
"""


def _as_known(table: str, query: str) -> str:
    if table not in _KNOWN_READS:
        return query
    reads = _KNOWN_READS[table]
    alias = reads.split()[1]
    body = query.replace(f"FROM {reads}", f"FROM known {alias}", 1)
    if body == query:
        raise RuntimeError(f"the {table} query does not read {reads}")
    if table == "observations":
        body = body[:body.rindex("ORDER BY")].rstrip() + _OBSERVATIONS_ORDER
    return f"WITH known AS ({query_text(f'known_{table}')}\n)" + body


AS_OF_QUERIES: Final[dict[str, str]] = {table: _as_known(table, query)
                                        for table, query in QUERIES.items()}


def paged(query: str) -> str:
    """``query`` (ending with its ORDER BY) restricted to $limit rows from $offset on."""
    return query.rstrip() + "\nLIMIT $limit OFFSET $offset\n"
