"""The body of /data/availability (pure: rows in, components out): counts per group, every
indicator with what it has, and the quarterly submissions quarter by quarter. Every indicator
row carries ``data-indicator-id`` and ``data-availability``; every count ``data-group``,
``data-availability`` and ``data-count``."""

from __future__ import annotations

from collections.abc import Mapping

from dash import dcc, html
from dash.development.base_component import Component

from dashboard.components.data_finder import SeriesGroup
from dashboard.components.freshness import (
    availability_text,
    last_updated_text,
    latest_period_text,
    next_expected_text,
)
from dashboard.components.links import href
from dashboard.components.tables import scroll_table
from pipelines.language.formatting import format_date, format_period, quarter_name
from pipelines.language.i18n import Lang, t
from pipelines.periods import FiscalQuarter
from pipelines.read.availability import (
    ARRIVED,
    ARRIVED_DEMO,
    MISSING,
    NOT_ENDED,
    Freshness,
    QuarterCell,
)
from pipelines.vocabulary import AVAILABILITIES

HOW_ID = "availability-how"


def _name(freshness: Freshness, names: Mapping[str, str]) -> str:
    return names.get(freshness.row.indicator_id, freshness.row.indicator_id)


def counts_table(groups: list[SeriesGroup], found: Mapping[str, Freshness],
                 lang: Lang) -> Component:
    header = html.Tr([html.Th(t("availability.col_group", lang), scope="col"),
                      *[html.Th(t(f"availability.{a}", lang), scope="col")
                        for a in AVAILABILITIES],
                      html.Th(t("availability.col_total", lang), scope="col")])
    rows = []
    totals = dict.fromkeys(AVAILABILITIES, 0)
    for group in groups:
        kinds = [found[e.indicator_id].row.availability for e in group.entries]
        cells = []
        for kind in AVAILABILITIES:
            count = kinds.count(kind)
            totals[kind] += count
            cells.append(html.Td(str(count), **{"data-group": group.key,
                                                "data-availability": kind,
                                                "data-count": str(count)}))
        rows.append(html.Tr([html.Th(group.label, scope="row"), *cells,
                             html.Td(str(len(kinds)))]))
    rows.append(html.Tr([html.Th(t("availability.total_row", lang), scope="row"),
                         *[html.Td(str(totals[k]), **{"data-group": "all",
                                                      "data-availability": k,
                                                      "data-count": str(totals[k])})
                           for k in AVAILABILITIES],
                         html.Td(str(sum(totals.values())))], className="total-row"))
    caption = t("availability.summary_caption", lang)
    return scroll_table(html.Table([html.Caption(caption), html.Thead(header),
                                    html.Tbody(rows)],
                                   className="data-table counts-table availability-counts",
                                   id="availability-counts"), caption)


def indicator_row(freshness: Freshness, name: str, lang: Lang) -> Component:
    row = freshness.row
    return html.Tr([
        html.Th(dcc.Link(name, href=href(f"/indicator/{row.indicator_id}", lang)), scope="row"),
        html.Td(html.Span(availability_text(row, lang), className="availability-tag")),
        html.Td(latest_period_text(row, lang)),
        html.Td(last_updated_text(freshness.last_updated, lang)),
        html.Td(next_expected_text(freshness.next_expected, lang)),
    ], className=f"availability-{row.availability}",
        **{"data-indicator-id": row.indicator_id, "data-availability": row.availability})


def group_table(group: SeriesGroup, found: Mapping[str, Freshness], names: Mapping[str, str],
                lang: Lang) -> Component:
    columns = ("indicator", "availability", "latest_period", "last_updated", "next_expected")
    header = html.Tr([html.Th(t(f"availability.col_{c}", lang), scope="col") for c in columns])
    body = [indicator_row(found[e.indicator_id], names[e.indicator_id], lang)
            for e in group.entries]
    table = html.Table([html.Caption(group.label), html.Thead(header), html.Tbody(body)],
                       className="data-table availability-table",
                       **{"data-group": group.key})
    return scroll_table(table, group.label)


def _quarter_label(quarter: FiscalQuarter, lang: Lang) -> str:
    months = format_period(quarter.start, quarter.end, "stated", lang)
    return f"{quarter_name(quarter.label, lang)} ({months})"


def _names_of(cells: list[QuarterCell], state: str, names: Mapping[str, str]) -> list[str]:
    return [names.get(c.indicator_id, c.indicator_id) for c in cells if c.state == state]


def _list_cell(items: list[str], total: int, lang: Lang) -> Component:
    if not items:
        return html.Td(t("availability.none_missing", lang))
    if len(items) == total:
        return html.Td(t("availability.all_missing", lang))
    return html.Td(html.Ul([html.Li(item) for item in items], className="plain-list"))


def quarter_row(quarter: FiscalQuarter, cells: list[QuarterCell], names: Mapping[str, str],
                lang: Lang) -> Component:
    total = len(cells)
    arrived = sum(c.state == ARRIVED for c in cells)
    label = html.Th(_quarter_label(quarter, lang), scope="row")
    data = {"data-quarter": quarter.label, "data-arrived": str(arrived)}
    if cells and all(c.state == NOT_ENDED for c in cells):
        opens = format_date(quarter.end.fromordinal(quarter.end.toordinal() + 1), lang)
        return html.Tr([label, html.Td(t("availability.not_ended", lang, date=opens),
                                       colSpan=3)], **data)
    return html.Tr([
        label,
        html.Td(t("availability.arrived_count", lang, count=arrived, total=total)),
        _list_cell(_names_of(cells, ARRIVED_DEMO, names), total, lang),
        _list_cell(_names_of(cells, MISSING, names), total, lang),
    ], **data)


def quarters_table(grid: list[tuple[FiscalQuarter, list[QuarterCell]]],
                   names: Mapping[str, str], lang: Lang) -> Component:
    if not grid:
        return html.P(t("availability.no_quarters", lang))
    columns = ("quarter", "arrived", "demo", "missing")
    header = html.Tr([html.Th(t(f"availability.col_{c}", lang), scope="col") for c in columns])
    caption = t("availability.quarters_caption", lang)
    rows = [quarter_row(q, cells, names, lang) for q, cells in grid]
    return scroll_table(html.Table([html.Caption(caption), html.Thead(header),
                                    html.Tbody(rows)], className="data-table",
                                   id="availability-quarters"), caption)


def how_section(lang: Lang) -> Component:
    return html.Section([html.H2(t("availability.how_heading", lang), id=HOW_ID),
                         html.P(t("availability.how_body", lang))],
                        className="availability-section", **{"aria-labelledby": HOW_ID})

