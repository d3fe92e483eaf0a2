"""The quarter-by-quarter progress rows of one indicator (``marts.progress``), as a table with
the download of exactly those rows."""

from __future__ import annotations

from dash import html
from dash.development.base_component import Component

from dashboard.components.download import download_href
from dashboard.components.tables import scroll_table
from dashboard.text.status import (
    demo_mark,
    marks,
    status_words,
    to_date_label,
    to_date_value,
)
from pipelines.language.formatting import format_value, quarter_name
from pipelines.language.i18n import Lang, t
from pipelines.read.indicator import IndicatorPage
from pipelines.read.rows import Progress
from pipelines.release.export import Filters
from pipelines.release.names import download_name

TABLE_ID = "indicator-progress-table"


def progress_filters(indicator_id: str, include_demo: bool) -> Filters:
    """The filters of exactly the rows the progress table lists."""
    return Filters(indicator=(indicator_id,), include_demo=include_demo)


def progress_href(indicator_id: str, lang: Lang, include_demo: bool) -> str:
    return download_href(progress_filters(indicator_id, include_demo), lang, table="progress")


def _this_quarter(row: Progress, lang: Lang) -> str:
    if row.value_this_quarter is None:
        return t(f"quarterly.state_{row.this_quarter_state}", lang)
    return demo_mark(format_value(row.value_this_quarter, row.unit_kind,
                                  row.value_this_quarter_qualifier or "exact", lang),
                     row.this_quarter_state == "demo", lang)


def _row(row: Progress, lang: Lang) -> Component:
    to_date = (t("progress.nothing_yet", lang) if row.value_to_date is None
               else f"{to_date_value(row, lang)} ({to_date_label(row, lang)})")
    expected = ("—" if row.expected_to_date is None
                else format_value(row.expected_to_date, row.unit_kind, "exact", lang))
    return html.Tr([
        html.Th(quarter_name(row.as_of_quarter, lang), scope="row"),
        html.Td(_this_quarter(row, lang)),
        html.Td(to_date, **marks(row)),
        html.Td(expected),
        html.Td(status_words(row, lang), **marks(row)),
    ], className="demo-row" if row.value_to_date_status == "demo" else None)


def progress_section(page: IndicatorPage, lang: Lang) -> Component | None:
    """None for an indicator outside the pillars (it has no progress rows)."""
    if not page.progress:
        return None
    name = page.indicator.name_fr if lang == "fr" else page.indicator.name_en
    columns = ["col_quarter", "col_this_quarter", "col_to_date", "col_expected",
               "col_progress_status"]
    caption = t("indicator.progress_caption", lang, name=name)
    table = html.Table([html.Caption(caption),
                        html.Thead(html.Tr([html.Th(t(f"indicator.{c}", lang), scope="col")
                                            for c in columns])),
                        html.Tbody([_row(r, lang) for r in reversed(page.progress)])],
                       id=TABLE_ID, className="data-table")
    demo = any(r.value_to_date_status == "demo" or r.this_quarter_state == "demo"
               for r in page.progress)
    return html.Section([
        html.H2(t("indicator.progress_heading", lang), id="indicator-progress"),
        html.P(t("indicator.progress_intro", lang)),
        scroll_table(table, caption),
        html.P(html.A(t("indicator.progress_download", lang), className="download-link",
                      href=progress_href(page.indicator.indicator_id, lang, demo),
                      download=download_name("progress", progress_filters(
                          page.indicator.indicator_id, demo), lang)), className="download"),
    ], **{"aria-labelledby": "indicator-progress"})
