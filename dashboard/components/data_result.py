"""What Apply gives on ``/data``: how many observations match and the first of them, then the
links to every matching row (pure: counts and rows in, components out).

The count is a live status and the section the form's target (``#data-result``), so after
Apply a screen reader hears the count, with or without script."""

from __future__ import annotations

from dataclasses import replace
from typing import Final
from urllib.parse import urlencode

import pandas as pd
from dash import dcc, html
from dash.development.base_component import Component

from dashboard.components.data_finder import RESULT_ANCHOR
from dashboard.components.links import href
from dashboard.components.tables import scroll_table
from pipelines.language.formatting import format_number, format_period, format_value, plural_form
from pipelines.language.i18n import Lang, t
from pipelines.release.export import Filters
from pipelines.release.names import download_name

PATH: Final = "/data"
FIRST_ROWS: Final = 10
COLUMNS: Final = ("indicator", "geography", "period", "value", "status", "source")


def _query(filters: Filters, lang: Lang, extra: tuple[tuple[str, str], ...] = ()) -> str:
    return urlencode([*filters.query_items(), *extra, ("lang", lang)])


def row_cells(row: pd.Series, unit_kinds: dict[str, str], editions: dict[str, str],
              lang: Lang) -> list[str]:
    """One observation as the first-rows table writes it (pure, for tests)."""
    start = None if pd.isna(row["period_start"]) else row["period_start"]
    end = None if pd.isna(row["period_end"]) else row["period_end"]
    value = None if pd.isna(row["value"]) else float(row["value"])
    high = None if pd.isna(row["value_high"]) else float(row["value_high"])
    written = (t("value.suppressed", lang) if row["suppressed"] else
               format_value(value, unit_kinds.get(str(row["unit"]), "count"),
                            str(row["qualifier"]), lang, value_high=high))
    return [str(row["indicator_name"]), str(row["geography_name"] or row["geography"]),
            format_period(start, end, str(row["period_basis"]), lang), written,
            str(row["status_label"]), editions.get(str(row["source_id"]), str(row["source_id"]))]


def first_rows_table(frame: pd.DataFrame, unit_kinds: dict[str, str],
                     editions: dict[str, str], count: int, lang: Lang) -> Component:
    header = html.Tr([html.Th(t(f"data.result_col_{c}", lang), scope="col") for c in COLUMNS])
    body = []
    for _, row in frame.iterrows():
        cells = row_cells(row, unit_kinds, editions, lang)
        body.append(html.Tr([html.Th(cells[0], scope="row"), *[html.Td(c) for c in cells[1:]]],
                            className="demo-row" if row["status"] == "demo" else None,
                            **{"data-observation-id": str(row["observation_id"])}))
    caption = t("data.result_caption", lang, shown=format_number(len(frame), lang),
                count=format_number(count, lang))
    table = html.Table([html.Caption(caption), html.Thead(header), html.Tbody(body)],
                       className="data-table", id="data-first-rows")
    return scroll_table(table, caption)


def _count_text(count: int, lang: Lang) -> str:
    form = "none" if count == 0 else "one" if plural_form(count, lang) == "one" else "other"
    return t(f"data.matching_rows_{form}", lang, count=format_number(count, lang, decimals=0))


def _downloads(filters: Filters, lang: Lang) -> Component:
    links = []
    for extension in ("csv", "xlsx"):
        links.append(html.A(t(f"data.result_download_{extension}", lang),
                            href=f"/download/observations.{extension}?{_query(filters, lang)}",
                            download=download_name("observations", filters, lang, extension),
                            id=f"data-result-{extension}"))
        links.append(" · ")
    links.append(html.A(t("data.result_download_bom", lang),
                        href=f"/download/observations.csv?"
                             f"{_query(filters, lang, (('bom', 'true'),))}",
                        download=download_name("observations", filters, lang)))
    return html.P(links, className="download")


def result_section(count: int, with_demo: int, filters: Filters, first: pd.DataFrame | None,
                   unit_kinds: dict[str, str], editions: dict[str, str],
                   lang: Lang) -> Component:
    """The count (focused after Apply), the first rows and the links to all of them; with
    none, why not and how to get some."""
    heading = html.H2(t("data.result_heading", lang), id="data-result-heading")
    marks = {"role": "status", "id": "data-matching", "tabIndex": "-1",
             "className": "result-count", "data-count": str(count)}
    if count and first is not None:
        children: list[Component] = [
            heading, html.P(_count_text(count, lang), **marks),
            first_rows_table(first, unit_kinds, editions, count, lang),
            _downloads(filters, lang)]
    else:
        clear = dcc.Link(t("data.clear_filters", lang), href=href(PATH, lang), id="data-clear")
        if with_demo and not filters.include_demo:
            demo = dcc.Link(t("data.include_demo", lang), id="data-include-demo",
                            href=f"{PATH}?{_query(replace(filters, include_demo=True), lang)}")
            reason, links = t("data.empty_demo_only", lang), [demo, " · ", clear]
        else:
            reason, links = t("data.empty_filters", lang), [clear]
        children = [heading, html.Div([html.P([_count_text(count, lang), " ", reason], **marks),
                                       html.P(links)], className="notice empty-result")]
    return html.Section(children, id=RESULT_ANCHOR, className="data-result",
                        **{"aria-labelledby": "data-result-heading"})
