"""The statutory review's context chart: one police-reported series across the decade, one
line per source edition (editions revise earlier years, so they are never joined).

Honest by construction (docs/architecture.md › Domain rules): each value is drawn at the
middle of the period it covers, with a thin bar spanning that period (a year's value never
sits on the next year's tick); the y axis starts at zero; ticks follow the page's locale;
neutral colours only, with a dash style and a marker shape per edition so colour is never the
only cue; legend and tick text at 13 px.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

import plotly.graph_objects as go

from dashboard.figures import style
from pipelines.language.formatting import format_period, format_value
from pipelines.language.i18n import Lang
from pipelines.read.rows import SeriesValue


def middle(start: date | None, end: date | None) -> date | None:
    """The middle day of a period (its end when it has no start)."""
    if end is None:
        return None
    if start is None:
        return end
    return start + timedelta(days=(end - start).days // 2)


def _edition(row: SeriesValue, lang: Lang) -> str:
    return (row.edition_fr if lang == "fr" else row.edition_en) or row.source_id


def _label(row: SeriesValue, lang: Lang) -> str:
    value = format_value(row.value, row.unit_kind, row.qualifier, lang)
    return f"{value} ({format_period(row.period_start, row.period_end, row.period_basis, lang)})"


def _edition_traces(rows: list[SeriesValue], index: int, lang: Lang) -> list[go.Scatter]:
    look = style.neutral_style(index)
    name = _edition(rows[0], lang)
    spans_x: list[date | None] = []
    spans_y: list[float | None] = []
    for row in rows:
        spans_x += [row.period_start or row.period_end, row.period_end, None]
        spans_y += [row.value, row.value, None]
    span = go.Scatter(x=spans_x, y=spans_y, mode="lines", showlegend=False, hoverinfo="skip",
                      line={"color": look["color"], "width": 5}, opacity=0.35)
    points = go.Scatter(
        x=[middle(r.period_start, r.period_end) for r in rows], y=[r.value for r in rows],
        mode="lines+markers", name=name, hovertext=[_label(r, lang) for r in rows],
        hoverinfo="text+name",
        line={"color": look["color"], "dash": look["dash"], "width": 2},
        marker={"color": look["color"], "symbol": look["symbol"], "size": 9})
    return [span, points]


def context_figure(rows: Sequence[SeriesValue], title: str, lang: Lang) -> go.Figure:
    """One indicator's published values, one line per source edition."""
    figure = go.Figure()
    editions: dict[str, list[SeriesValue]] = {}
    for row in sorted(rows, key=lambda r: (r.source_id, r.period_end or date.min)):
        editions.setdefault(row.source_id, []).append(row)
    for index, group in enumerate(editions.values()):
        figure.add_traces(_edition_traces(group, index, lang))
    kind = rows[0].unit_kind if rows else "count"
    figure.update_layout(
        title={"text": title, "font": {"size": 16}}, template="simple_white",
        separators=style.SEPARATORS[lang],
        font={"family": style.FONT, "color": style.TEXT, "size": style.FONT_SIZE},
        margin={"l": 64, "r": 20, "t": 50, "b": 40}, height=360,
        legend={"orientation": "h", "y": -0.18, "font": {"size": style.FONT_SIZE}},
        xaxis={"type": "date", "dtick": "M12", "tickformat": "%Y", "ticklabelmode": "period",
               "showgrid": True, "gridcolor": style.GRID},
        yaxis={**style.value_axis(kind, lang), "showgrid": True, "gridcolor": style.GRID})
    return figure
