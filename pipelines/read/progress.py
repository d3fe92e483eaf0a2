"""Reads of ``marts.progress``: the status, figure to date and period every surface shows."""

from __future__ import annotations

from pipelines.read.core import Reader, fetch, fetch_one
from pipelines.read.rows import Method, Progress


def _rows(reader: Reader, *, latest_only: bool = False, as_of_quarter: str | None = None,
          until_quarter: str | None = None, indicator_id: str | None = None,
          pillar_id: str | None = None, headline: bool | None = None) -> list[Progress]:
    return fetch(reader, "progress", Progress, latest_only=latest_only,
                 as_of_quarter=as_of_quarter, until_quarter=until_quarter,
                 indicator_id=indicator_id, pillar_id=pillar_id, headline=headline)


def current(reader: Reader, *, pillar_id: str | None = None,
            headline: bool | None = None) -> list[Progress]:
    """Each indicator's latest assessed quarter."""
    return _rows(reader, latest_only=True, pillar_id=pillar_id, headline=headline)


def at_quarter(reader: Reader, quarter: str) -> list[Progress]:
    return _rows(reader, as_of_quarter=quarter)


def of_indicator(reader: Reader, indicator_id: str) -> Progress | None:
    """One indicator's latest assessed quarter (None for an indicator with no status rule)."""
    rows = _rows(reader, latest_only=True, indicator_id=indicator_id)
    return rows[0] if rows else None


def history(reader: Reader, indicator_id: str | None = None,
            until_quarter: str | None = None) -> list[Progress]:
    """Every assessed quarter, oldest first, per indicator."""
    return _rows(reader, indicator_id=indicator_id, until_quarter=until_quarter)


def method(reader: Reader) -> Method | None:
    return fetch_one(reader, "progress_method", Method)
