"""A chart as a captioned figure: the plot, a caption that names the period and the source
editions, and a link to the table holding exactly the same data.

The plot's SVG is hidden from assistive technology (``aria-hidden``): it has no keyboard
controls (no mode bar) and everything it shows is in the caption and the table."""

from __future__ import annotations

import plotly.graph_objects as go
from dash import dcc, html
from dash.development.base_component import Component

from dashboard.figures.legend import legend_entries
from dashboard.figures.style import CHART_HEIGHT
from dashboard.text.i18n import Lang, t

GRAPH_CONFIG = {
    "displayModeBar": False,
    "displaylogo": False,
    "responsive": True,
    "scrollZoom": False,
    "doubleClick": False,
}


def chart_legend(fig: go.Figure, lang: Lang) -> Component:
    items = [
        html.Li([html.Img(src=entry.sample_uri, alt="", width=28, height=16), " ", entry.name])
        for entry in legend_entries(fig)
    ]
    return html.Div(
        [
            html.Span(t("chart.legend", lang), className="chart-legend-title"),
            html.Ul(items, className="chart-legend"),
        ],
        className="chart-key",
    )


def chart_figure(
    fig: go.Figure,
    *,
    graph_id: str,
    title: str,
    notes: list[str],
    table_id: str,
    lang: Lang,
) -> Component:
    caption_id = f"{graph_id}-caption"
    return html.Figure(
        [
            html.Div(
                dcc.Graph(
                    id=graph_id,
                    figure=fig,
                    config=GRAPH_CONFIG,
                    className="chart-graph",
                    style={"height": f"{CHART_HEIGHT}px"},
                ),
                className="chart-plot",
                **{"aria-hidden": "true"},
            ),
            chart_legend(fig, lang),
            html.Figcaption(
                [
                    html.Strong(title),
                    *[html.Span([" ", note]) for note in notes],
                    " ",
                    html.A(t("indicator.caption_table", lang), href=f"#{table_id}"),
                ],
                id=caption_id,
            ),
        ],
        className="chart",
        **{"aria-labelledby": caption_id},
    )
