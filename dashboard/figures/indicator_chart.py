"""The indicator chart: every series of observations over time, the target, the baseline
and the straight-line path to the target where one exists.

Points sit at the end of their period (the caption says so). Qualifiers are drawn, not
dropped: a "more than" value is an upward triangle (a lower bound), an "about" value a hollow
marker. Suppressed values are gaps. Values without a stated period are never given a date:
they become labelled horizontal reference lines.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import plotly.graph_objects as go

from dashboard.figures import style
from dashboard.figures.series import (
    KIND_CUMULATED,
    KIND_PERIOD,
    SUBMISSIONS_PREFIX,
    placed,
    unplaced,
)
from dashboard.text.formatting import format_date, format_month, format_period, format_value
from dashboard.text.i18n import Lang, t
from pipelines.marts.status_rule import Target, resolve_baseline, trajectory


def series_label(
    row: pd.Series, lang: Lang, *, with_geography: bool, with_kind: bool = True
) -> str:
    """The legend name of the series ``row`` belongs to: source edition, then geography."""
    source = str(row["series_source"])
    if source.startswith(SUBMISSIONS_PREFIX):
        key = "chart.submissions_demo" if source.endswith("demo") else "chart.submissions"
        name = t(key, lang)
    else:
        edition = row.get(f"edition_{lang}")
        name = str(edition) if isinstance(edition, str) and edition else source
    if with_geography:
        name = t("chart.series_geography", lang, series=name, geography=row[f"geography_{lang}"])
    if with_kind and row["kind"] == KIND_PERIOD:
        return t("chart.series_per_quarter", lang, series=name)
    if with_kind and row["kind"] == KIND_CUMULATED:
        start = format_month(row["period_start"], lang)
        return t("chart.series_cumulated", lang, series=name, start=start)
    return name


def hover_text(row: pd.Series, lang: Lang) -> str:
    value = None if bool(row["suppressed"]) else row["value"]
    written = format_value(
        None if value is None or pd.isna(value) else float(value),
        str(row["unit_kind"]),
        str(row["qualifier"]),
        lang,
    )
    period = format_period(row["period_start"], row["period_end"], str(row["period_basis"]), lang)
    extra = f" · {t('chart.revised', lang)}" if bool(row["revision"]) else ""
    return f"{written}<br>{period}{extra}"


def _series_trace(group: pd.DataFrame, index: int, name: str, lang: Lang) -> go.Scatter:
    look = style.series_style(index)
    group = group.sort_values("x")
    values = [
        None if s or pd.isna(v) else float(v)
        for v, s in zip(group["value"], group["suppressed"], strict=True)
    ]
    bar_like = group["kind"].iloc[0] == KIND_PERIOD
    last = max((i for i, v in enumerate(values) if v is not None), default=None)
    return go.Scatter(
        x=list(group["x"]),
        y=values,
        name=name,
        mode="lines+markers+text" if not bar_like else "markers",
        line={"color": look["color"], "dash": look["dash"], "width": 2},
        marker={
            "color": look["color"],
            "size": 7 if bar_like else 10,
            "symbol": [style.point_symbol(look["symbol"], q) for q in group["qualifier"]],
            "line": {"color": look["color"], "width": 2},
        },
        # Direct label on the last point, so the value is readable without the legend.
        text=[
            hover_text(r, lang).split("<br>")[0] if i == last and not bar_like else ""
            for i, (_, r) in enumerate(group.iterrows())
        ],
        textposition="top center",
        textfont={"color": style.TEXT},
        hovertext=[hover_text(r, lang) for _, r in group.iterrows()],
        hoverinfo="text+name",
        connectgaps=False,
        cliponaxis=False,
    )


def _legend_marker(name: str, symbol: str) -> go.Scatter:
    """A legend-only entry explaining a marker shape."""
    return go.Scatter(
        x=[None],
        y=[None],
        mode="markers",
        name=name,
        hoverinfo="skip",
        marker={
            "symbol": symbol,
            "color": style.NEUTRAL,
            "size": 10,
            "line": {"color": style.NEUTRAL, "width": 2},
        },
    )


def _qualifier_legend(rows: pd.DataFrame, lang: Lang) -> list[go.Scatter]:
    qualifiers = set(placed(rows)["qualifier"])
    entries = []
    if qualifiers & {"more_than", "at_least"}:
        entries.append(_legend_marker(t("chart.lower_bound", lang), style.LOWER_BOUND_SYMBOL))
    if "up_to" in qualifiers:
        entries.append(_legend_marker(t("chart.upper_bound", lang), style.UPPER_BOUND_SYMBOL))
    if qualifiers & {"about", "nearly"}:
        entries.append(_legend_marker(t("chart.approximate", lang), "circle-open"))
    return entries


def _revised_trace(rows: pd.DataFrame, lang: Lang) -> list[go.Scatter]:
    on_axis = placed(rows)
    revised = on_axis[on_axis["revision"].astype(bool) & ~on_axis["suppressed"].astype(bool)]
    if revised.empty:
        return []
    return [
        go.Scatter(
            x=list(revised["x"]),
            y=[float(v) for v in revised["value"]],
            mode="markers",
            name=t("chart.revised", lang),
            hoverinfo="skip",
            marker={
                "symbol": "circle-open",
                "size": 18,
                "color": style.TEXT,
                "line": {"width": 2, "color": style.TEXT},
            },
        )
    ]


def _target_traces(target: Target, unit_kind: str, lang: Lang) -> list[go.Scatter]:
    """The straight-line path (only where the method has one), the baseline and the target."""
    baseline, assumed = resolve_baseline(target)
    goal = format_value(target.target_value, unit_kind, "exact", lang)
    traces: list[go.Scatter] = []
    if baseline is not None:
        path = trajectory(target, baseline)
        traces.append(
            go.Scatter(
                x=[d for d, _ in path],
                y=[v for _, v in path],
                mode="lines",
                name=t("chart.trajectory", lang),
                hoverinfo="skip",
                line={"color": style.NEUTRAL, "dash": "dash", "width": 2},
            )
        )
        key = "chart.baseline_assumed" if assumed else "chart.baseline"
        written = format_value(baseline, unit_kind, "exact", lang)
        traces.append(
            go.Scatter(
                x=[target.period_start],
                y=[baseline],
                mode="markers",
                name=t(key, lang, value=written),
                hoverinfo="name",
                marker={
                    "symbol": "square-open",
                    "size": 11,
                    "color": style.NEUTRAL,
                    "line": {"width": 2, "color": style.NEUTRAL},
                },
            )
        )
    name = t("chart.target", lang, value=goal, date=format_date(target.period_end, lang))
    traces.append(
        go.Scatter(
            x=[target.period_end],
            y=[target.target_value],
            mode="markers+text",
            name=name,
            hoverinfo="name",
            text=[goal],
            textposition="middle left",
            textfont={"color": style.TEXT},
            cliponaxis=False,
            marker={"symbol": "star", "size": 16, "color": style.TEXT},
        )
    )
    return traces


def _reference_lines(
    fig: go.Figure, rows: pd.DataFrame, labels: dict[str, str], lang: Lang
) -> None:
    """Values with no stated period: a labelled horizontal line, never a dated point."""
    for _, row in unplaced(rows).iterrows():
        if bool(row["suppressed"]) or pd.isna(row["value"]):
            continue
        text = t(
            "chart.reference",
            lang,
            value=format_value(
                float(row["value"]), str(row["unit_kind"]), str(row["qualifier"]), lang
            ),
            period=t("period.not_stated", lang),
            series=labels[row["series_key"]],
        )
        fig.add_hline(
            y=float(row["value"]),
            line={"color": style.NEUTRAL, "dash": "dot"},
            annotation_text=style.wrap(text, 60),
            annotation_position="top left",
            annotation_font={"color": style.TEXT},
        )


def _axis_format(unit_kind: str, lang: Lang) -> dict[str, object]:
    # Every tick is formatted for the locale: grouping comes from layout.separators.
    axis: dict[str, object] = {"tickformat": ",~f", "rangemode": "tozero"}
    if unit_kind == "money":
        axis |= {"tickprefix": "$"} if lang == "en" else {"ticksuffix": "\u00a0$"}
    elif unit_kind == "percent":
        axis |= {"ticksuffix": "%"} if lang == "en" else {"ticksuffix": "\u00a0%"}
    return axis


def indicator_chart(
    rows: pd.DataFrame, target: Target | None, unit_kind: str, lang: Lang
) -> go.Figure:
    """The chart of ``rows`` (from :func:`dashboard.figures.series.charted_rows`) and ``target``."""
    fig = go.Figure()
    with_geography = rows["geography"].nunique() > 1
    labels = {
        key: series_label(group.iloc[0], lang, with_geography=with_geography)
        for key, group in rows.groupby("series_key", sort=False)
    }
    on_axis = placed(rows)
    for index, (key, group) in enumerate(on_axis.groupby("series_key", sort=False)):
        fig.add_trace(_series_trace(group, index, labels[key], lang))
    for trace in [*_revised_trace(rows, lang), *_qualifier_legend(rows, lang)]:
        fig.add_trace(trace)
    if target is not None:
        for trace in _target_traces(target, unit_kind, lang):
            fig.add_trace(trace)
    _reference_lines(fig, rows, labels, lang)
    if on_axis.empty and target is not None:
        fig.add_annotation(
            text=t("chart.no_data_yet", lang),
            showarrow=False,
            xref="paper",
            yref="paper",
            x=0.02,
            y=0.95,
            xanchor="left",
            font={"color": style.TEXT, "size": 14},
        )
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
        template="simple_white",
        separators=style.SEPARATORS[lang],
        font={"family": style.FONT, "color": style.TEXT, "size": 13},
        height=style.CHART_HEIGHT,
        margin={"l": 64, "r": 28, "t": 36, "b": 36},
        showlegend=False,
        hovermode="closest",
        xaxis={
            "type": "date",
            "tickformat": "%Y",
            "ticklabelmode": "period",
            "showgrid": True,
            "gridcolor": style.GRID,
        },
        yaxis={**_axis_format(unit_kind, lang), "showgrid": True, "gridcolor": style.GRID},
    )
