"""The table alternative of a chart: exactly the charted rows, written out in words."""

from __future__ import annotations

import pandas as pd
from dash import html
from dash.development.base_component import Component

from dashboard.figures.indicator_chart import series_label
from dashboard.text.formatting import format_date, format_period, format_value
from dashboard.text.i18n import Lang, t

COLUMNS = ("period", "value", "geography", "source", "measure", "plotted", "status", "revised")


def _value(row: pd.Series, lang: Lang) -> str:
    value = row["value"]
    if bool(row["suppressed"]) or pd.isna(value):
        return t("value.suppressed", lang)
    return format_value(float(value), str(row["unit_kind"]), str(row["qualifier"]), lang)


def table_cells(row: pd.Series, lang: Lang) -> list[str]:
    """One row's cells, in :data:`COLUMNS` order (pure, for tests)."""
    source = series_label(row, lang, with_geography=False, with_kind=False)
    plotted = (
        t("indicator.not_plotted", lang)
        if row["x"] is None or pd.isna(row["x"])
        else format_date(row["x"], lang)
    )
    return [
        format_period(row["period_start"], row["period_end"], str(row["period_basis"]), lang),
        _value(row, lang),
        str(row[f"geography_{lang}"]),
        source,
        t(f"indicator.kind_{row['kind']}", lang),
        plotted,
        t(f"obs_status.{row['status']}", lang),
        t("indicator.yes", lang) if bool(row["revision"]) else t("indicator.no", lang),
    ]


def _ordered(rows: pd.DataFrame) -> pd.DataFrame:
    # Undated rows first (they are references), then by series and date.
    order = rows.assign(_dated=rows["x"].notna(), _x=rows["x"].astype(str))
    return order.sort_values(["_dated", "series_key", "_x"]).drop(columns=["_dated", "_x"])


def data_table(rows: pd.DataFrame, name: str, table_id: str, lang: Lang) -> Component:
    header = html.Tr([html.Th(t(f"indicator.col_{c}", lang), scope="col") for c in COLUMNS])
    body = []
    for _, row in _ordered(rows).iterrows():
        cells = table_cells(row, lang)
        body.append(
            html.Tr(
                [html.Th(cells[0], scope="row"), *[html.Td(c) for c in cells[1:]]],
                className="demo-row" if row["status"] == "demo" else None,
            )
        )
    table = html.Table(
        [
            html.Caption(t("indicator.table_caption", lang, name=name)),
            html.Thead(header),
            html.Tbody(body),
        ],
        id=table_id,
        className="data-table",
    )
    # A region that scrolls sideways must be focusable so keyboard users can scroll it.
    return html.Div(
        table,
        className="table-scroll",
        tabIndex="0",
        role="region",
        **{"aria-label": t("indicator.table_region", lang)},
    )
