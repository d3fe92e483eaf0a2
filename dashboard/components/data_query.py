"""What the ``/data`` form asks, read from the page's address (pure: query in, state out).

The form is a plain GET form, so the address is the whole state: with or without script the
page renders from it. Beside the download filters it takes ``q`` (the words that narrow the
list of indicators) and ``fiscal_from``/``fiscal_to`` (a fiscal year ``2025-26`` or quarter
``2025-26Q1``), which become the ``from``/``to`` dates of the download links: from the first
day of the first period to the last day of the last. Exact dates stay available; giving both
is refused. A refused address gives a :class:`~pipelines.release.problems.FilterProblem`
whose message the page shows in its own language (and answers 400).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Final

from pipelines.periods import FiscalQuarter, fiscal_year_bounds
from pipelines.release.export import Filters, parse_filters
from pipelines.release.problems import FilterProblem

FILTER_FIELDS: Final = ("pillar", "indicator", "from", "to", "include_demo")
FISCAL_FIELDS: Final = ("fiscal_from", "fiscal_to")
FORM_FIELDS: Final = (*FILTER_FIELDS, *FISCAL_FIELDS, "q")
_YEAR: Final = re.compile(r"(\d{4})-(\d{2})")


@dataclass(frozen=True)
class DataQuery:
    filters: Filters
    q: str = ""
    fiscal_from: str = ""
    fiscal_to: str = ""

    def query_items(self) -> list[tuple[str, str]]:
        """The form's fields as the address carries them (fiscal periods instead of the
        dates they stand for)."""
        items = [(k, v) for k, v in self.filters.query_items()
                 if not (self.fiscal_from or self.fiscal_to) or k not in ("from", "to")]
        items += [(name, value) for name, value in (("fiscal_from", self.fiscal_from),
                                                     ("fiscal_to", self.fiscal_to),
                                                     ("q", self.q)) if value]
        return items


def form_query(query: Mapping[str, object]) -> dict[str, object]:
    """The form's fields of the address, without empty values (an empty select is
    "any")."""
    return {k: v for k, v in query.items() if k in FORM_FIELDS and _filled(v)}


def _filled(value: object) -> bool:
    if isinstance(value, list | tuple):
        return any(str(v or "").strip() for v in value)
    return bool(str(value or "").strip())


def _one(query: Mapping[str, object], name: str) -> str:
    value = query.get(name, "")
    if isinstance(value, list | tuple):
        if len(value) > 1:
            raise FilterProblem("repeated", name=name)
        value = value[0] if value else ""
    return str(value or "").strip()


def fiscal_bounds(text: str) -> tuple[date, date]:
    """``2025-26`` -> the fiscal year's first and last day; ``2025-26Q1`` -> the quarter's.
    Anything else raises :class:`FilterProblem` ``bad_fiscal``."""
    year = _YEAR.fullmatch(text)
    if year and int(year[2]) == (int(year[1]) + 1) % 100:
        return fiscal_year_bounds(int(year[1]))
    try:
        quarter = FiscalQuarter.parse(text)
    except (ValueError, TypeError):
        raise FilterProblem("bad_fiscal", value=text) from None
    return quarter.start, quarter.end


def parse_data_query(query: Mapping[str, object]) -> DataQuery:
    """The form's state; raises FilterProblem (or InvalidFilterError) for a refused address.
    Unknown ids are checked later, against the database."""
    fields = form_query(query)
    fiscal_from, fiscal_to = _one(fields, "fiscal_from"), _one(fields, "fiscal_to")
    q = _one(fields, "q")[:100]
    filters_query = {k: v for k, v in fields.items() if k in FILTER_FIELDS}
    if (fiscal_from or fiscal_to) and ("from" in filters_query or "to" in filters_query):
        raise FilterProblem("fiscal_and_dates")
    if fiscal_from:
        filters_query["from"] = fiscal_bounds(fiscal_from)[0].isoformat()
    if fiscal_to:
        filters_query["to"] = fiscal_bounds(fiscal_to)[1].isoformat()
    return DataQuery(parse_filters(filters_query), q, fiscal_from, fiscal_to)
