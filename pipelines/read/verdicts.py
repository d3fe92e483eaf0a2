"""Reads of the pillar verdicts and the indicator assessments behind them
(``marts.pillar_verdicts``, ``marts.indicator_assessments``, ``marts.verdict_method``), decided
once by the build (:mod:`pipelines.marts.verdict_rule`). A snapshot frozen before these marts
existed has none: every read then returns nothing and the pages say so."""

from __future__ import annotations

from typing import TypeVar

import duckdb

from pipelines.read.core import Reader, fetch
from pipelines.read.rows import IndicatorAssessment, PillarVerdictRow, VerdictMethod

RowT = TypeVar("RowT")


def _rows(reader: Reader, name: str, row_type: type[RowT]) -> list[RowT]:
    try:
        return fetch(reader, name, row_type)
    except duckdb.CatalogException:
        return []  # a database made before the verdict marts


def pillar_verdicts(reader: Reader) -> dict[str, PillarVerdictRow]:
    return {r.pillar_id: r for r in _rows(reader, "pillar_verdicts", PillarVerdictRow)}


def assessments(reader: Reader) -> dict[str, IndicatorAssessment]:
    return {r.indicator_id: r for r in _rows(reader, "indicator_assessments",
                                             IndicatorAssessment)}


def method(reader: Reader) -> VerdictMethod | None:
    rows = _rows(reader, "verdict_method", VerdictMethod)
    return rows[0] if rows else None
