"""A chart as a captioned figure: the plot, a caption that names the period and the source
editions, a link to the table holding exactly the same data, and two buttons that download the
chart as an image (PNG for a slide, SVG for print).

The plot's SVG is hidden from assistive technology (``aria-hidden``): it has no keyboard
controls (no mode bar) and everything it shows is in the caption and the table. The image a
button downloads is drawn by plotly.js in the browser from the figure plus the export layout
of :func:`dashboard.figures.export.export_layout` (kept in ``layout.meta``): it carries the
title, the period, the source line, the date the data was built and, for reported activity,
the note that more reported cases can mean success, in the page's language, and is named
after the indicator and the language."""

from __future__ import annotations

from typing import Final

import dash
import plotly.graph_objects as go
from dash import ALL, Input, Output, dcc, html
from dash.development.base_component import Component

from dashboard.figures.export import EXPORT_FORMATS, ChartExport, attach_export, chart_export
from dashboard.figures.legend import legend_entries
from dashboard.figures.style import CHART_HEIGHT
from pipelines.language.i18n import Lang, t

GRAPH_CONFIG = {
    "displayModeBar": False,
    "displaylogo": False,
    "responsive": True,
    "scrollZoom": False,
    "doubleClick": False,
}
DOWNLOAD: Final = "chart-download"
__all__ = ["chart_export", "chart_figure", "chart_legend", "download_buttons"]
# Runs in the browser: the clicked button names its graph and format; the figure's
# layout.meta.export holds the export layout (merged over the page's) and the file name.
# plotly.js draws the SVG (a data: URL); a PNG is that SVG painted on a canvas. No blob: URL,
# so the site's Content-Security-Policy (img-src 'self' data:) needs no change.
DOWNLOAD_JS: Final[str] = """
function (clicks) {
    var stop = window.dash_clientside.PreventUpdate;
    var ctx = window.dash_clientside.callback_context;
    if (!ctx.triggered_id || !window.Plotly) { throw stop; }
    var id = ctx.triggered_id;
    var holder = document.getElementById(id.graph);
    var gd = holder && holder.getElementsByClassName("js-plotly-plot")[0];
    var meta = gd && gd.layout && gd.layout.meta && gd.layout.meta.export;
    if (!meta) { throw stop; }
    var layout = Object.assign({}, gd.layout, meta.layout);
    layout.annotations = (gd.layout.annotations || []).concat(meta.layout.annotations || []);
    layout.meta = {};
    var width = meta.layout.width, height = meta.layout.height, scale = 2;
    var save = function (url, name) {
        var a = document.createElement("a");
        a.href = url; a.download = name; document.body.appendChild(a); a.click(); a.remove();
    };
    var opts = {format: "svg", width: width, height: height};
    window.Plotly.toImage({data: gd.data, layout: layout}, opts).then(function (svg) {
        if (id.format === "svg") { save(svg, meta.filename + ".svg"); return; }
        var img = new Image();
        img.onload = function () {
            var canvas = document.createElement("canvas");
            canvas.width = width * scale; canvas.height = height * scale;
            var draw = canvas.getContext("2d");
            draw.fillStyle = "#ffffff"; draw.fillRect(0, 0, canvas.width, canvas.height);
            draw.drawImage(img, 0, 0, canvas.width, canvas.height);
            save(canvas.toDataURL("image/png"), meta.filename + ".png");
        };
        img.src = svg;
    });
    throw stop;
}
"""

dash.clientside_callback(DOWNLOAD_JS, Output({"type": DOWNLOAD, "graph": ALL, "format": ALL},
                                             "title"),
                         Input({"type": DOWNLOAD, "graph": ALL, "format": ALL}, "n_clicks"),
                         prevent_initial_call=True)


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


def download_buttons(graph_id: str, export: ChartExport, lang: Lang) -> Component:
    """One button per image format; the file is named after the indicator and language."""
    buttons = [html.Button(t(f"chart.download_{fmt}", lang), type="button",
                           className="button chart-download",
                           id={"type": DOWNLOAD, "graph": graph_id, "format": fmt},
                           **{"data-filename": f"{export.filename}.{fmt}"})
               for fmt in EXPORT_FORMATS]
    return html.P([t("chart.download_label", lang), " ", *buttons],
                  className="chart-downloads download")


def chart_figure(
    fig: go.Figure,
    *,
    graph_id: str,
    title: str,
    notes: list[str],
    table_id: str,
    lang: Lang,
    export: ChartExport | None = None,
    legend: bool = True,
) -> Component:
    """The captioned chart; with ``export``, the image download buttons too. ``legend``:
    the HTML key beside the plot (off when the figure draws its own)."""
    caption_id = f"{graph_id}-caption"
    if export is not None:
        attach_export(fig, export)
    return html.Figure(
        [
            html.Div(
                dcc.Graph(
                    id=graph_id,
                    figure=fig,
                    config=GRAPH_CONFIG,
                    className="chart-graph",
                    style={"height": f"{fig.layout.height or CHART_HEIGHT}px"},
                ),
                className="chart-plot",
                **{"aria-hidden": "true"},
            ),
            chart_legend(fig, lang) if legend else None,
            html.Figcaption(
                [
                    html.Strong(title),
                    *[html.Span([" ", note]) for note in notes],
                    " ",
                    html.A(t("indicator.caption_table", lang), href=f"#{table_id}"),
                ],
                id=caption_id,
            ),
            download_buttons(graph_id, export, lang) if export is not None else None,
        ],
        className="chart",
        **{"aria-labelledby": caption_id},
    )
