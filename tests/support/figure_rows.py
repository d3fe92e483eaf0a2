"""Rows for the figure builders' tests: one indicator, its target, observations and the
page they make (shared by the chart and SVG chart tests)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from pipelines.read.indicator import IndicatorPage
from pipelines.read.rows import Indicator, Observation, Progress, TargetInfo

TARGET = TargetInfo("x", "cumulative", 1100, date(2025, 4, 1), date(2030, 3, 31), None, None,
                    None, "on-strategy", "1 100 travailleurs", None, None, "P", "P fr", "E",
                    "E fr", "T", "fr")


def indicator(measure: str = "count") -> Indicator:
    return Indicator("x", "awareness", "strategy", "X", "X fr", "people", measure,
                     "higher_is_better", False, True, 1, "d", "d fr", "count", "people",
                     "personnes", "Awareness", "Sensibilisation")


def obs(**overrides: object) -> Observation:
    row = Observation(
        observation_id="o1", indicator_id="x", geography="canada", geography_en="Canada",
        geography_fr="Canada", breakdown="total", period_start=date(2022, 1, 1),
        period_end=date(2022, 12, 31), period_basis="stated", value=528.0, value_high=None,
        value_basis="printed", qualifier="exact",
        unit="incidents", unit_kind="count", source_id="j2022", locator="…",
        status="published", suppressed=False, revision=False, series_id=None, note_en=None,
        note_fr=None, title="T", publisher="P", publisher_fr="P", published="2023", url=None,
        source_language="en", source_kind="context", edition_en="Juristat 2022",
        edition_fr="Juristat 2022 (fr)", series_source="j2022")
    return replace(row, **overrides)  # type: ignore[arg-type]


def page(observations: list[Observation], *, measure: str = "count",
         progress: tuple[Progress, ...] = (), target: TargetInfo | None = None) -> IndicatorPage:
    return IndicatorPage(indicator(measure), tuple(observations), target, (), progress)
