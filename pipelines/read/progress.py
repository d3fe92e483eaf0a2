"""Reads of ``marts.progress``: the status, figure to date and period every surface shows."""

from __future__ import annotations

from pipelines.read.core import Reader, fetch, fetch_one
from pipelines.read.rows import Method, Progress


def current(reader: Reader, *, pillar_id: str | None = None,
            headline: bool | None = None) -> list[Progress]:
    """Each indicator's latest assessed quarter."""
    return fetch(reader, "progress", Progress, as_of_quarter=None, indicator_id=None,
                 pillar_id=pillar_id, headline=headline)


def at_quarter(reader: Reader, quarter: str) -> list[Progress]:
    return fetch(reader, "progress", Progress, as_of_quarter=quarter, indicator_id=None,
                 pillar_id=None, headline=None)


def of_indicator(reader: Reader, indicator_id: str) -> Progress | None:
    """One indicator's latest assessed quarter (None for an indicator with no status rule)."""
    return fetch_one(reader, "progress", Progress, as_of_quarter=None,
                     indicator_id=indicator_id, pillar_id=None, headline=None)


def history(reader: Reader, indicator_id: str | None = None,
            until_quarter: str | None = None) -> list[Progress]:
    """Every assessed quarter, oldest first, per indicator."""
    return fetch(reader, "progress_history", Progress, indicator_id=indicator_id,
                 until_quarter=until_quarter)


def method(reader: Reader) -> Method | None:
    return fetch_one(reader, "progress_method", Method)
