"""The public download set, read from a DuckDB connection.

:func:`parse_filters` turns query parameters (web) or ``--filter`` options (CLI) into
:class:`Filters`, allowing only the names in :data:`ALLOWED` for each table and raising
:class:`InvalidFilterError` with a message a person can act on. :func:`public_frame` (and its
per-table wrappers such as :func:`observations_frame`) runs one static, parameterised query per
table: no SQL is ever built from input. :func:`csv_bytes` writes a frame as CSV with English or
French headers, ISO dates, numbers as numbers, and text cells neutralised against spreadsheet
formula injection (OWASP).

Filter semantics: repeated values of one filter are alternatives (``indicator=a&indicator=b``);
different filters all apply. ``from``/``to`` keep rows whose period overlaps the range (a row
with no period at all is dropped when either is given). Demonstration rows (``status=demo``)
are left out unless ``include_demo=true``. ``as_of=YYYY-MM-DD`` gives every figure, status and
source as known at the end of that day, read from the vintages the build keeps
(``marts.observation_vintages``, ``marts.progress_vintages``); the reference tables
(indicators, targets) are known from the start, so it leaves them as they are.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Final

import duckdb
import pandas as pd

from pipelines.periods import FiscalQuarter
from pipelines.read.as_of import end_of_day
from pipelines.read.exports import AS_OF_QUERIES, QUERIES, paged
from pipelines.release.labels import with_labels
from pipelines.release.problems import FilterProblem
from pipelines.release.public_fields import FIELDS, TABLES
from pipelines.sql import table_exists
from pipelines.vocabulary import (
    MILESTONE_STATUSES,
    OBSERVATION_STATUSES,
    PILLARS,
    PROGRESS_STATUSES,
)

LIST_FILTERS: Final = ("pillar", "indicator", "geography", "status", "source", "breakdown",
                       "quarter")
ALLOWED: Final[dict[str, frozenset[str]]] = {
    "observations": frozenset({*LIST_FILTERS, "from", "to", "include_demo", "as_of"}),
    "indicators": frozenset({"pillar", "indicator", "include_demo", "as_of"}),
    "targets": frozenset({"pillar", "indicator", "source", "from", "to", "include_demo",
                          "as_of"}),
    "milestones": frozenset({"pillar", "status", "source", "include_demo"}),
    "sources": frozenset({"source", "include_demo", "as_of"}),
    "progress": frozenset({"pillar", "indicator", "status", "quarter", "from", "to",
                           "include_demo", "as_of"}),
}
STATUSES: Final = {"observations": OBSERVATION_STATUSES, "milestones": MILESTONE_STATUSES,
                   "progress": PROGRESS_STATUSES}
ID_PATTERN: Final = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}$")
FORMULA_START: Final = ("=", "+", "-", "@", "\t", "\r")
_NEEDS_QUOTES: Final = re.compile(r'[",\r\n]')
KNOWN_IDS: Final = {  # filter -> (query listing every known id, what to call it)
    "indicator": "SELECT indicator_id FROM marts.indicators",
    "geography": "SELECT geography_id FROM marts.geographies",
    "source": "SELECT source_id FROM meta.sources",
}


@dataclass(frozen=True)
class Filters:
    """Validated filters. Empty tuples and ``None`` mean "no filter"."""

    pillar: tuple[str, ...] = ()
    indicator: tuple[str, ...] = ()
    geography: tuple[str, ...] = ()
    status: tuple[str, ...] = ()
    source: tuple[str, ...] = ()
    breakdown: tuple[str, ...] = ()  # 'total', or 'dimension:value'
    quarter: tuple[str, ...] = ()  # fiscal quarters, e.g. '2026-27Q2' (progress only)
    date_from: date | None = None
    date_to: date | None = None
    include_demo: bool = False
    as_of: date | None = None  # as known at the end of this day

    def params(self) -> dict[str, object]:
        """Named parameters for the static queries of ``pipelines.read.exports``."""
        values: dict[str, object] = {n: list(getattr(self, n)) or None for n in LIST_FILTERS}
        return {**values, "date_from": self.date_from, "date_to": self.date_to,
                "include_demo": self.include_demo, "known_at": self.known_at()}

    def known_at(self) -> datetime | None:
        """The last instant of the ``as_of`` day (None: as known now)."""
        return end_of_day(self.as_of) if self.as_of else None

    def query_items(self) -> list[tuple[str, str]]:
        """The filters as query parameters, in a stable order (for links and file names)."""
        items = [(n, v) for n in LIST_FILTERS for v in getattr(self, n)]
        if self.date_from:
            items.append(("from", self.date_from.isoformat()))
        if self.date_to:
            items.append(("to", self.date_to.isoformat()))
        if self.include_demo:
            items.append(("include_demo", "true"))
        if self.as_of:
            items.append(("as_of", self.as_of.isoformat()))
        return items

    def is_empty(self) -> bool:
        return self == Filters()


def _values(raw: object) -> list[str]:
    if isinstance(raw, str):
        return [raw]
    return [str(v) for v in raw] if isinstance(raw, Iterable) else [str(raw)]


def _single(name: str, values: list[str]) -> str:
    if len(values) != 1:
        raise FilterProblem("repeated", name=name)
    return values[0].strip()


def _iso_date(name: str, text: str) -> date:
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            raise ValueError(text)
        return date.fromisoformat(text)
    except ValueError:
        raise FilterProblem("bad_date", name=name, value=text) from None


def _known_day(text: str) -> date:
    """An ``as_of`` day: well formed and not after today (nothing is known about a later day,
    and a file cited "as known on" a future day would change under its citation)."""
    day = _iso_date("as_of", text)
    if day > date.today():
        raise FilterProblem("future_as_of", value=text)
    return day


def _flag(name: str, text: str) -> bool:
    lowered = text.lower()
    if lowered not in {"true", "false", "1", "0", "yes", "no"}:
        raise FilterProblem("bad_flag", name=name, value=text)
    return lowered in {"true", "1", "yes"}


def _ids(name: str, values: list[str], table: str) -> tuple[str, ...]:
    items = [v.strip() for value in values for v in value.split(",") if v.strip()]
    allowed: Collection[str] | None = {"pillar": PILLARS,
                                       "status": STATUSES.get(table, frozenset())}.get(name)
    for item in items:
        if allowed is not None and item not in allowed:
            raise FilterProblem("not_allowed", value=item, name=name,
                                allowed=", ".join(sorted(allowed)))
        if not ID_PATTERN.match(item):
            raise FilterProblem("bad_id", value=item, name=name)
        if name == "quarter":
            _quarter(item)
    return tuple(dict.fromkeys(items))


def _quarter(text: str) -> None:
    try:
        FiscalQuarter.parse(text)
    except ValueError as error:
        raise FilterProblem("bad_quarter", english=str(error), value=text) from None


def parse_filters(query: Mapping[str, object], table: str = "observations") -> Filters:
    """Validate ``query`` (name -> value or list of values) for ``table``."""
    if table not in ALLOWED:
        raise FilterProblem("unknown_table", table=table)
    unknown = sorted(set(query) - ALLOWED[table])
    if unknown:
        raise FilterProblem("unknown_filter", name=unknown[0], table=table,
                            allowed=", ".join(sorted(ALLOWED[table])))
    values = {name: _values(raw) for name, raw in query.items()}
    found: dict[str, object] = {n: _ids(n, v, table) for n, v in values.items()
                                if n in LIST_FILTERS}
    if "from" in values:
        found["date_from"] = _iso_date("from", _single("from", values["from"]))
    if "to" in values:
        found["date_to"] = _iso_date("to", _single("to", values["to"]))
    if "include_demo" in values:
        found["include_demo"] = _flag("include_demo",
                                      _single("include_demo", values["include_demo"]))
    if "as_of" in values:
        found["as_of"] = _known_day(_single("as_of", values["as_of"]))
    filters = Filters(**found)  # type: ignore[arg-type]
    if filters.date_from and filters.date_to and filters.date_from > filters.date_to:
        raise FilterProblem("from_after_to")
    if "demo" in filters.status and not filters.include_demo:
        raise FilterProblem("demo_status")
    return filters


def check_known_ids(con: duckdb.DuckDBPyConnection, filters: Filters) -> None:
    """Raise :class:`InvalidFilterError` for an indicator, geography or source the database
    does not know (an unknown id is a mistake, not an empty download)."""
    for name, query in KNOWN_IDS.items():
        wanted = getattr(filters, name)
        if wanted:
            known = {row[0] for row in con.execute(query).fetchall()}
            missing = [w for w in wanted if w not in known]
            if missing:
                raise FilterProblem("unknown_id", name=name, value=missing[0])


def has_vintages(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether the build kept vintages here (a snapshot or an older file has none)."""
    return table_exists(con, "marts.progress_vintages") and bool(
        con.execute("SELECT count(*) FROM marts.progress_vintages").fetchone() != (0,))


def execute_public(con: duckdb.DuckDBPyConnection, table: str, filters: Filters | None = None,
                   lang: str = "en") -> duckdb.DuckDBPyConnection:
    """Run ``table``'s public query on ``con`` (unknown ids raise before anything runs) and
    return ``con`` holding the result, for the caller to fetch whole or in chunks."""
    return con.execute(*public_query(con, table, filters, lang))


def public_query(con: duckdb.DuckDBPyConnection, table: str, filters: Filters | None = None,
                 lang: str = "en", page: tuple[int, int] | None = None
                 ) -> tuple[str, dict[str, object]]:
    """``table``'s public query (as known on ``filters.as_of`` when given) and its named
    parameters; ``page`` = (offset, limit) pages through the same order. Unknown ids raise."""
    if table not in QUERIES:
        raise FilterProblem("unknown_table", table=table)
    filters = filters or Filters()
    check_known_ids(con, filters)
    if filters.as_of and not has_vintages(con):
        raise FilterProblem("no_vintages")
    params: dict[str, object] = {"lang": "fr" if lang == "fr" else "en", **filters.params()}
    query = (AS_OF_QUERIES if filters.as_of else QUERIES)[table]
    if page is not None:
        query = paged(query)
        params.update(offset=page[0], limit=page[1])
    return query, {k: v for k, v in params.items() if f"${k}" in query}


def count_public(con: duckdb.DuckDBPyConnection, table: str, filters: Filters | None = None,
                 lang: str = "en") -> int:
    """How many rows ``table``'s download with ``filters`` holds, counted by DuckDB (reading
    the rows into a frame to count them cost 2 GB and seconds at 10^6 rows)."""
    query, params = public_query(con, table, filters, lang)
    body = query[:query.rindex("ORDER BY")]  # a count needs no order
    row = con.execute(f"SELECT count(*) FROM ({body})", params).fetchone()  # noqa: S608 (static)
    return int(row[0]) if row else 0


def tidy(frame: pd.DataFrame, table: str, lang: str = "en") -> pd.DataFrame:
    """Dates as ``date`` (or None), the ``*_label`` columns in ``lang`` and exactly the
    public columns, in order."""
    with_labels(frame, table, lang)
    for field in FIELDS[table]:
        if field.kind == "date":
            days = pd.to_datetime(frame[field.name]).dt.date
            frame[field.name] = days.astype(object).where(days.notna(), None)
    return frame[[f.name for f in FIELDS[table]]]


def public_frame(con: duckdb.DuckDBPyConnection, table: str, filters: Filters | None = None,
                 lang: str = "en") -> pd.DataFrame:
    """Exactly the public columns of ``table`` (English names), label columns in ``lang``,
    filtered. Suppressed values are empty whatever the database holds."""
    return tidy(execute_public(con, table, filters, lang).df(), table, lang)


def observations_frame(con: duckdb.DuckDBPyConnection, filters: Filters | None = None,
                       lang: str = "en") -> pd.DataFrame:
    """One row per observation: the rows a chart draws and the CSV download holds."""
    return public_frame(con, "observations", filters, lang)


def indicators_frame(con: duckdb.DuckDBPyConnection, filters: Filters | None = None,
                     lang: str = "en") -> pd.DataFrame:
    return public_frame(con, "indicators", filters, lang)


def targets_frame(con: duckdb.DuckDBPyConnection, filters: Filters | None = None,
                  lang: str = "en") -> pd.DataFrame:
    return public_frame(con, "targets", filters, lang)


def milestones_frame(con: duckdb.DuckDBPyConnection, filters: Filters | None = None,
                     lang: str = "en") -> pd.DataFrame:
    return public_frame(con, "milestones", filters, lang)


def sources_frame(con: duckdb.DuckDBPyConnection, filters: Filters | None = None,
                  lang: str = "en") -> pd.DataFrame:
    return public_frame(con, "sources", filters, lang)


def neutralise(text: str) -> str:
    """Prefix a quote to a text cell a spreadsheet would run as a formula (OWASP)."""
    return "'" + text if text.startswith(FORMULA_START) else text


def _formatter(kind: str) -> Callable[[Any], str]:
    if kind == "boolean":
        return lambda value: "true" if value else "false"
    if kind == "number":
        return lambda value: format(float(value), ".15g")
    if kind == "integer":
        return lambda value: str(int(value))
    if kind == "date":
        return lambda value: value.isoformat()
    return lambda value: neutralise(str(value))


def _column(kind: str, values: pd.Series) -> list[str]:
    # One formatter per column, not a type dispatch per cell: a 10^6-row download spent
    # most of its time there.
    write = _formatter(kind)
    return ["" if missing else write(v)
            for v, missing in zip(values.tolist(), values.isna().tolist(), strict=True)]


def header_csv(table: str, lang: str = "en") -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerow(
        [f.header(lang) for f in FIELDS[table]])
    return buffer.getvalue()


def _quoted(cells: list[str]) -> list[str]:
    """What ``csv.writer`` (QUOTE_MINIMAL, CRLF) writes for each cell, checking the column at
    once first: most columns never need quoting, and csv.writer was half of the time."""
    if not _NEEDS_QUOTES.search("".join(cells)):
        return cells
    return ['"' + c.replace('"', '""') + '"' if _NEEDS_QUOTES.search(c) else c for c in cells]


def rows_csv(frame: pd.DataFrame, table: str) -> str:
    """The rows of ``frame`` (public columns of ``table``) as CSV text, no header."""
    columns = [_quoted(_column(f.kind, frame[f.name])) for f in FIELDS[table]]
    return "".join(",".join(row) + "\r\n" for row in zip(*columns, strict=True))


def csv_bytes(frame: pd.DataFrame, table: str, lang: str = "en") -> bytes:
    """The frame as UTF-8 CSV with ``lang`` headers."""
    return (header_csv(table, lang) + rows_csv(frame, table)).encode("utf-8")


__all__ = ["ALLOWED", "TABLES", "Filters", "csv_bytes", "execute_public", "header_csv",
           "observations_frame", "parse_filters", "public_frame", "public_query", "rows_csv",
           "tidy"]
