"""What a downloaded chart image carries (issue "chart images"): the chart title, its period,
the source line, the date the data was built and, for reported activity, the note that more
reported cases can mean success, all in the page's language, in a file named
``<indicator_id>-<lang>.png`` (or ``.svg``).

The page draws the plot without them (the caption says it all beside the plot); the export
layout is kept in the figure's ``layout.meta`` and merged over the page's layout by plotly.js
when a download button is pressed (:mod:`dashboard.components.chart`). Pure: words in,
layout out, so a test reads exactly what the image will hold.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

import plotly.graph_objects as go

from dashboard.figures import style
from dashboard.figures.indicator_chart import series_label
from dashboard.figures.series import ChartPoint
from pipelines.language.formatting import format_period
from pipelines.language.i18n import Lang, t
from pipelines.read.indicator import IndicatorPage

EXPORT_FORMATS: Final = ("png", "svg")
WIDTH: Final = 1200
HEIGHT: Final = 720
MARGIN: Final = {"l": 80, "r": 40, "t": 100, "b": 220}
PLOT_HEIGHT: Final = HEIGHT - MARGIN["t"] - MARGIN["b"]
WRAP: Final = 140  # characters per line of the source and note lines


@dataclass(frozen=True)
class ChartExport:
    """The words of one chart's image, already in the page's language."""

    filename: str  # without extension: "<indicator_id>-<lang>"
    title: str
    period: str
    source: str
    built: str
    note: str | None  # reported activity: more reported cases can mean success


def chart_export(indicator_id: str, title: str, period: str, sources: str, built: str,
                 reported: bool, lang: Lang) -> ChartExport:
    """``sources``: the source editions, joined; ``built``: the build date, written out."""
    return ChartExport(f"{indicator_id}-{lang}", title, period,
                       t("chart.export_source", lang, sources=sources),
                       t("chart.export_built", lang, date=built),
                       t("chart.export_reported", lang) if reported else None)


def _below_plot(pixels: float) -> float:
    """A distance below the plotting area, in paper coordinates."""
    return -pixels / PLOT_HEIGHT


def export_layout(export: ChartExport) -> dict[str, object]:
    """The layout merged over the page's for the image: a wider, taller canvas with the
    title and period on top, the legend under the axis and the source lines at the bottom."""
    lines = [style.wrap(export.source, WRAP), export.built]
    if export.note:
        lines.append(style.wrap(export.note, WRAP))
    return {
        "width": WIDTH, "height": HEIGHT, "margin": MARGIN, "showlegend": True,
        "title": {"text": f"<b>{export.title}</b><br><span style=\"font-size:15px\">"
                          f"{export.period}</span>",
                  "x": 0, "xref": "paper", "xanchor": "left", "y": 0.97, "yanchor": "top",
                  "font": {"size": 20, "color": style.TEXT}},
        "legend": {"orientation": "h", "x": 0, "xanchor": "left", "y": _below_plot(36),
                   "yanchor": "top", "font": {"size": style.FONT_SIZE}},
        "annotations": [{"text": "<br>".join(lines), "showarrow": False, "xref": "paper",
                         "yref": "paper", "x": 0, "xanchor": "left", "align": "left",
                         "y": _below_plot(MARGIN["b"] - 12), "yanchor": "bottom",
                         "font": {"size": 13, "color": style.TEXT}}],
    }


def attach_export(fig: go.Figure, export: ChartExport) -> None:
    """Keep the export layout and the file name in ``fig.layout.meta`` (plotly passes meta
    through untouched)."""
    fig.update_layout(meta={"export": {"filename": export.filename,
                                       "layout": export_layout(export)}})


def indicator_chart_export(page: IndicatorPage, points: list[ChartPoint], built: str,
                           lang: Lang) -> ChartExport:
    """The image words of an indicator page's chart: its name, the span of what is drawn,
    the source editions (as the caption lists them) and the build date."""
    placed = [p for p in points if p.x is not None]
    starts = [p.period_start or p.period_end for p in placed]
    ends = [p.period_end for p in placed]
    target = page.target
    if target is not None:
        starts.append(target.period_start)
        ends.append(target.period_end)
    known_starts = [d for d in starts if d is not None]
    known_ends = [d for d in ends if d is not None]
    period = (format_period(min(known_starts), max(known_ends), "stated", lang)
              if known_starts and known_ends else t("period.not_stated", lang))
    editions = list(dict.fromkeys(series_label(p, lang, with_geography=False, with_kind=False)
                                  for p in points))
    if not editions and target is not None:
        editions.append(str(target.edition_fr if lang == "fr" else target.edition_en))
    info = page.indicator
    name = info.name_fr if lang == "fr" else info.name_en
    reported = info.reporting_note or info.interpretation == "reported_activity"
    return chart_export(info.indicator_id, name, period, "; ".join(editions), built, reported,
                        lang)
