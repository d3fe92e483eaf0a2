"""The queries behind the download set and the API, one per public table, from the read
layer's ``queries/`` folder (``export_<table>.sql``).

Every filter is a named parameter that may be NULL ("no filter"): lists are matched with
``list_contains``, ``$date_from``/``$date_to`` keep periods that overlap the range. Nothing is
spliced in. Label columns follow ``$lang``. Suppressed values come out empty whatever is stored.

Each query selects every stored column of its table (``o.*``) and makes the others (names in
``$lang``, labels); the download set keeps the declared columns
(:mod:`pipelines.release.public_fields`), so a stored column added to a declaration reaches the
files, the API and the typed rows without an edit here.

Observations come in the order the build stored them (``rowid``), which is stable for the same
data and lets the web download read the table in bounded ``rowid`` ranges instead of sorting
the whole table in memory first.

As known at the end of a day: ``export_<table>_as_of.sql`` takes the day's last instant as the
parameter ``$known_at`` and reads the vintages the build keeps. Published figures are known
from the start; a submitted figure is the version shown at ``$known_at``; progress is the
vintage in force then; a submission's source is listed once it was loaded; the reference
tables (indicators, targets, milestones) are known from the start, so their live query serves.
"""

from __future__ import annotations

from typing import Final

from pipelines.read.core import query_text

TABLES: Final = ("observations", "indicators", "targets", "milestones", "sources", "progress")
QUERIES: Final[dict[str, str]] = {t: query_text(f"export_{t}") for t in TABLES}
OBSERVATIONS: Final[str] = QUERIES["observations"]
# The tables whose rows change with what was known when (the build keeps their vintages).
_VINTAGED: Final = ("observations", "sources", "progress")
AS_OF_QUERIES: Final[dict[str, str]] = {
    t: query_text(f"export_{t}_as_of") if t in _VINTAGED else QUERIES[t] for t in TABLES}


def paged(query: str) -> str:
    """``query`` (ending with its ORDER BY) restricted to $limit rows from $offset on."""
    return query.rstrip() + "\nLIMIT $limit OFFSET $offset\n"
