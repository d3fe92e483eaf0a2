"""The indicator chart: every series of points over time, the target, the baseline and the
straight line to the target where one exists (its two ends come from the build's progress
rows; nothing is computed here).

A value over a period sits at the middle of that period, with a pale bar spanning it (a
fiscal year's figure never sits on the next year's tick); a total to date sits at the day it
runs to. The caption says so. Reported activity and context are drawn in neutral colours
only. Qualifiers are drawn, not dropped: a "more than" value is an upward triangle (a lower
bound), an "about" value a hollow marker. Suppressed values are gaps. Values without a stated
period are never given a date: they become labelled horizontal reference lines.
"""

from __future__ import annotations

from datetime import date

import plotly.graph_objects as go

from dashboard.figures import style
from dashboard.figures.series import (
    KIND_PERIOD,
    KIND_TO_DATE,
    SUBMISSIONS_PREFIX,
    ChartPoint,
    by_series,
    placed,
    unplaced,
)
from pipelines.language.formatting import format_date, format_month, format_period, format_value
from pipelines.language.i18n import Lang, t
from pipelines.read.rows import Progress, TargetInfo


def series_label(point: ChartPoint, lang: Lang, *, with_geography: bool,
                 with_kind: bool = True) -> str:
    """The legend name of ``point``'s series: source edition, then geography, then kind."""
    source = point.series_source
    if source.startswith(SUBMISSIONS_PREFIX):
        name = t("chart.submissions_demo" if source.endswith("demo") else "chart.submissions",
                 lang)
    else:
        name = (point.edition_fr if lang == "fr" else point.edition_en) or source
    if with_geography:
        geography = point.geography_fr if lang == "fr" else point.geography_en
        name = t("chart.series_geography", lang, series=name, geography=geography)
    if with_kind and point.kind == KIND_PERIOD:
        return t("chart.series_per_quarter", lang, series=name)
    if with_kind and point.kind == KIND_TO_DATE and point.period_start is not None:
        key = "chart.series_fiscal_year" if point.to_date_kind == "fiscal_year" \
            else "chart.series_cumulated"
        return t(key, lang, series=name, start=format_month(point.period_start, lang))
    return name


def value_text(point: ChartPoint, lang: Lang) -> str:
    text = format_value(point.value, point.unit_kind, point.qualifier, lang,
                        value_high=point.value_high)
    # Every demonstration value carries its marker in its own words (issue 19, item 4).
    return t("demo_mark.value", lang, value=text) if point.is_demo else text


def hover_text(point: ChartPoint, lang: Lang) -> str:
    period = format_period(point.period_start, point.period_end, point.period_basis, lang)
    extra = f" · {t('chart.revised', lang)}" if point.revision else ""
    return f"{value_text(point, lang)}<br>{period}{extra}"


def _look(group: list[ChartPoint], index: int) -> dict[str, str]:
    neutral = any(p.neutral for p in group)
    return style.neutral_style(index) if neutral else style.series_style(index)


def _span_trace(group: list[ChartPoint], index: int) -> go.Scatter | None:
    """A pale bar under each value that covers a period, from its first day to its last."""
    spans = [p for p in group if p.spans_period and p.value is not None]
    if not spans:
        return None
    xs: list[date | None] = []
    ys: list[float | None] = []
    for point in spans:
        xs += [point.period_start, point.period_end, None]
        ys += [point.value, point.value, None]
    return go.Scatter(x=xs, y=ys, mode="lines", hoverinfo="skip", showlegend=False, name="",
                      line={"color": _look(group, index)["color"], "width": 5}, opacity=0.35)


def _series_trace(group: list[ChartPoint], index: int, name: str, lang: Lang) -> go.Scatter:
    look = _look(group, index)
    bar_like = group[0].kind == KIND_PERIOD
    last = max((i for i, p in enumerate(group) if p.value is not None), default=None)
    return go.Scatter(
        x=[p.x for p in group], y=[p.value for p in group], name=name,
        mode="markers" if bar_like else "lines+markers+text",
        line={"color": look["color"], "dash": look["dash"], "width": 2},
        marker={"color": look["color"], "size": 7 if bar_like else 10,
                "symbol": [style.point_symbol(look["symbol"], p.qualifier) for p in group],
                "line": {"color": look["color"], "width": 2}},
        # Direct label on the last point, so the value is readable without the legend.
        text=[value_text(p, lang) if i == last and not bar_like else ""
              for i, p in enumerate(group)],
        textposition="top center", textfont={"color": style.TEXT},
        hovertext=[hover_text(p, lang) for p in group], hoverinfo="text+name",
        connectgaps=False, cliponaxis=False)


def _legend_marker(name: str, symbol: str) -> go.Scatter:
    """A legend-only entry explaining a marker shape."""
    return go.Scatter(x=[None], y=[None], mode="markers", name=name, hoverinfo="skip",
                      marker={"symbol": symbol, "color": style.NEUTRAL, "size": 10,
                              "line": {"color": style.NEUTRAL, "width": 2}})


def _qualifier_legend(points: list[ChartPoint], lang: Lang) -> list[go.Scatter]:
    qualifiers = {p.qualifier for p in placed(points)}
    entries = []
    if qualifiers & {"more_than", "at_least"}:
        entries.append(_legend_marker(t("chart.lower_bound", lang), style.LOWER_BOUND_SYMBOL))
    if "up_to" in qualifiers:
        entries.append(_legend_marker(t("chart.upper_bound", lang), style.UPPER_BOUND_SYMBOL))
    if qualifiers & {"about", "nearly"}:
        entries.append(_legend_marker(t("chart.approximate", lang), "circle-open"))
    return entries


def _revised_trace(points: list[ChartPoint], lang: Lang) -> list[go.Scatter]:
    revised = [p for p in placed(points) if p.revision and p.value is not None]
    if not revised:
        return []
    return [go.Scatter(x=[p.x for p in revised], y=[p.value for p in revised], mode="markers",
                       name=t("chart.revised", lang), hoverinfo="skip",
                       marker={"symbol": "circle-open", "size": 18, "color": style.TEXT,
                               "line": {"width": 2, "color": style.TEXT}})]


def _trajectory(target: TargetInfo, row: Progress, unit_kind: str,
                lang: Lang) -> list[go.Scatter]:
    """The straight line the method expects, from the baseline to the target, and its start."""
    if row.baseline_value is None:
        return []
    line = go.Scatter(
        x=[target.period_start, target.period_end], y=[row.baseline_value, target.target_value],
        mode="lines", name=t("chart.trajectory", lang), hoverinfo="skip",
        line={"color": style.NEUTRAL, "dash": "dash", "width": 2})
    key = "chart.baseline_assumed" if row.baseline_is_assumed else "chart.baseline"
    start = go.Scatter(
        x=[target.period_start], y=[row.baseline_value], mode="markers", hoverinfo="name",
        name=t(key, lang, value=format_value(row.baseline_value, unit_kind, "exact", lang)),
        marker={"symbol": "square-open", "size": 11, "color": style.NEUTRAL,
                "line": {"width": 2, "color": style.NEUTRAL}})
    return [line, start]


def _target_trace(target: TargetInfo, unit_kind: str, lang: Lang) -> go.Scatter:
    goal = format_value(target.target_value, unit_kind, "exact", lang)
    name = t("chart.target", lang, value=goal, date=format_date(target.period_end, lang))
    return go.Scatter(x=[target.period_end], y=[target.target_value], mode="markers+text",
                      name=name, hoverinfo="name", text=[goal], textposition="middle left",
                      textfont={"color": style.TEXT}, cliponaxis=False,
                      marker={"symbol": "star", "size": 16, "color": style.TEXT})


def _reference_lines(fig: go.Figure, points: list[ChartPoint], labels: dict[str, str],
                     lang: Lang) -> None:
    """Values with no stated period: a labelled horizontal line, never a dated point."""
    for point in unplaced(points):
        if point.value is None:
            continue
        text = t("chart.reference", lang, value=value_text(point, lang),
                 period=t("period.not_stated", lang), series=labels[point.series_key])
        fig.add_hline(y=point.value, line={"color": style.NEUTRAL, "dash": "dot"},
                      annotation_text=style.wrap(text, 60), annotation_position="top left",
                      annotation_font={"color": style.TEXT})


def indicator_chart(points: list[ChartPoint], target: TargetInfo | None,
                    current: Progress | None, unit_kind: str, lang: Lang) -> go.Figure:
    """The chart of ``points`` (:func:`dashboard.figures.series.charted_points`), the target
    and, from ``current`` (the latest progress row), the line to it."""
    fig = go.Figure()
    groups = by_series(points)
    with_geography = len({p.geography for p in points}) > 1
    labels = {key: series_label(group[0], lang, with_geography=with_geography)
              for key, group in groups.items()}
    for index, (key, group) in enumerate(groups.items()):
        on_axis = placed(group)
        span = _span_trace(on_axis, index)
        if span is not None:
            fig.add_trace(span)
        if on_axis:
            fig.add_trace(_series_trace(on_axis, index, labels[key], lang))
    fig.add_traces([*_revised_trace(points, lang), *_qualifier_legend(points, lang)])
    if target is not None:
        fig.add_traces(_trajectory(target, current, unit_kind, lang) if current else [])
        fig.add_trace(_target_trace(target, unit_kind, lang))
    _reference_lines(fig, points, labels, lang)
    if not placed(points) and target is not None:
        fig.add_annotation(text=t("chart.no_data_yet", lang), showarrow=False, xref="paper",
                           yref="paper", x=0.02, y=0.95, xanchor="left",
                           font={"color": style.TEXT, "size": 14})
    _layout(fig, unit_kind, lang)
    _widen_short_spans(fig)
    return fig


def _widen_short_spans(fig: go.Figure) -> None:
    """One point (or a few within a year) would get no year label: show a year each side."""
    dates = [x for trace in fig.data for x in (trace.x or ()) if isinstance(x, date)]
    if dates and (max(dates) - min(dates)).days < 366:
        low, high = min(dates), max(dates)
        fig.update_xaxes(range=[date(low.year - 1, 1, 1), date(high.year + 1, 12, 31)])


def _layout(fig: go.Figure, unit_kind: str, lang: Lang) -> None:
    # The legend is HTML beside the plot (figures/legend.py), so it wraps instead of being
    # cut off; year labels sit in the middle of their year, points at their period's end.
    fig.update_layout(
        template="simple_white", separators=style.SEPARATORS[lang],
        font={"family": style.FONT, "color": style.TEXT, "size": style.FONT_SIZE},
        height=style.CHART_HEIGHT, margin={"l": 64, "r": 28, "t": 36, "b": 36},
        showlegend=False, hovermode="closest",
        xaxis={"type": "date", "tickformat": "%Y", "ticklabelmode": "period",
               "showgrid": True, "gridcolor": style.GRID},
        yaxis={**style.value_axis(unit_kind, lang), "showgrid": True, "gridcolor": style.GRID})
