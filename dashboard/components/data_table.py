"""The table alternative of a chart: exactly the charted points, written out in words."""

from __future__ import annotations

from datetime import date

from dash import html
from dash.development.base_component import Component

from dashboard.components.tables import scroll_table
from dashboard.figures.indicator_chart import series_label, value_text
from dashboard.figures.series import KIND_TO_DATE, ChartPoint
from pipelines.language.formatting import format_date, format_period
from pipelines.language.i18n import Lang, t

COLUMNS = ("period", "value", "geography", "source", "measure", "plotted", "status", "revised")


def table_cells(point: ChartPoint, lang: Lang) -> list[str]:
    """One point's cells, in :data:`COLUMNS` order (pure, for tests)."""
    plotted = t("indicator.not_plotted", lang) if point.x is None else format_date(point.x, lang)
    return [
        format_period(point.period_start, point.period_end, point.period_basis, lang),
        value_text(point, lang),
        point.geography_fr if lang == "fr" else point.geography_en,
        series_label(point, lang, with_geography=False, with_kind=False),
        t(f"indicator.kind_{point.kind}", lang),
        plotted,
        t(f"obs_status.{point.status}", lang),
        t("indicator.yes", lang) if point.revision else t("indicator.no", lang),
    ]


def _ordered(points: list[ChartPoint]) -> list[ChartPoint]:
    # Undated points first (they are references), then by series and date.
    return sorted(points, key=lambda p: (p.x is not None, p.series_key, p.x or date.min))


def table_points(points: list[ChartPoint]) -> list[ChartPoint]:
    """The rows of an indicator's table, in its order: every charted point but the totals
    to date (their own download). The page and ``/indicator/<id>.csv`` both use it."""
    return _ordered([p for p in points if p.kind != KIND_TO_DATE])


def data_table(points: list[ChartPoint], name: str, table_id: str, lang: Lang) -> Component:
    header = html.Tr([html.Th(t(f"indicator.col_{c}", lang), scope="col") for c in COLUMNS])
    body = []
    for point in _ordered(points):
        cells = table_cells(point, lang)
        body.append(html.Tr([html.Th(cells[0], scope="row"), *[html.Td(c) for c in cells[1:]]],
                            className="demo-row" if point.is_demo else None))
    table = html.Table([html.Caption(t("indicator.table_caption", lang, name=name)),
                        html.Thead(header), html.Tbody(body)],
                       id=table_id, className="data-table")
    return scroll_table(table, t("indicator.table_region", lang))
