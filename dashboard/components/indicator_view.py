"""The body of an indicator page, built from rows already read (pure: no database).

Order answers "are we on track?" first, then "how do you know?": status with its numbers,
the chart, the same data as a table, the quarter-by-quarter progress rows, the definition and
the sources."""

from __future__ import annotations

from datetime import date

from dash import dcc, html
from dash.development.base_component import Component

from dashboard.components.chart import chart_figure
from dashboard.components.data_table import data_table
from dashboard.components.download import download_link, how_to_cite
from dashboard.components.embed_code import embed_section
from dashboard.components.freshness import freshness_block
from dashboard.components.indicator_progress import progress_section
from dashboard.components.links import href
from dashboard.components.milestones import indicator_deliverables
from dashboard.components.sources import sources_list, target_source
from dashboard.components.status import neutral_note, no_target_status, target_status
from dashboard.figures.export import indicator_chart_export
from dashboard.figures.indicator_chart import indicator_chart, series_label, value_text
from dashboard.figures.series import (
    ALL,
    KIND_TO_DATE,
    ChartPoint,
    by_series,
    charted_points,
    geography_options,
    placed,
)
from pipelines.language.formatting import format_period, format_timestamp
from pipelines.language.i18n import Lang, t
from pipelines.read.availability import Freshness
from pipelines.read.indicator import IndicatorPage
from pipelines.release.export import Filters
from pipelines.release.package import Release
from pipelines.vocabulary import DIRECTION_NEUTRAL

GRAPH_ID = "indicator-chart"
TABLE_ID = "indicator-table"


def name_of(page: IndicatorPage, lang: Lang) -> str:
    return page.indicator.name_fr if lang == "fr" else page.indicator.name_en


def first_and_latest(points: list[ChartPoint], lang: Lang) -> str | None:
    """The first and latest value of the longest series, both as read (never a difference)."""
    series = [group for group in by_series(placed(points)).values()
              if len([p for p in group if p.value is not None]) > 1]
    if not series:
        return None
    usable = [p for p in max(series, key=len) if p.value is not None]
    first, last = usable[0], usable[-1]

    def period(p: ChartPoint) -> str:
        return format_period(p.period_start, p.period_end, p.period_basis, lang)

    return t("status.first_and_latest", lang, first=value_text(first, lang),
             first_period=period(first), last=value_text(last, lang), last_period=period(last))


def status_section(page: IndicatorPage, points: list[ChartPoint], lang: Lang) -> Component:
    info, row = page.indicator, page.current
    if row is not None and row.status_reason == "not_applicable":
        box = neutral_note(row, lang)
    elif row is None and (info.interpretation in DIRECTION_NEUTRAL or info.reporting_note):
        reported = info.reporting_note or info.interpretation == "reported_activity"
        box = neutral_note(None, lang, context=not reported)
    elif row is not None and row.target_value is not None:
        box = target_status(row, lang)
    else:
        box = no_target_status(row, first_and_latest(points, lang), lang)
    return _section(t("indicator.status_heading", lang), "indicator-status", [box])


def geography_nav(options: list[str], chosen: str, names: dict[str, str], path: str,
                  lang: Lang, keep: dict[str, str] | None = None) -> Component | None:
    """Links, not a dropdown: each choice is a shareable URL, reachable by keyboard."""
    if len(options) <= 2:
        return None
    items = []
    for option in options:
        label = t("indicator.geography_all", lang) if option == ALL else names.get(option, option)
        # The current choice is plain text, not a link.
        choice: Component = (
            html.Span(label, className="choice", **{"aria-current": "true"}) if option == chosen
            else dcc.Link(label, href=href(path, lang, {**(keep or {}), "geography": option}),
                          className="choice"))
        items.append(html.Li(choice))
    label = t("indicator.geography_label", lang)
    return html.Nav([html.Span(label + (" : " if lang == "fr" else ": ")),
                     html.Ul(items, className="choices")],
                    className="indicator-controls", **{"aria-label": label})


def _caption_notes(page: IndicatorPage, points: list[ChartPoint], lang: Lang) -> list[str]:
    editions = list(dict.fromkeys(series_label(p, lang, with_geography=False, with_kind=False)
                                  for p in points))
    if not editions and page.target is not None:
        target = page.target
        editions.append(str(target.edition_fr if lang == "fr" else target.edition_en))
    notes = [t("indicator.caption_points", lang),
             t("indicator.caption_sources", lang, sources="; ".join(editions))]
    if len(editions) > 1:
        notes.append(t("indicator.caption_editions", lang))
    if page.target is not None:
        notes.append(t("indicator.caption_target", lang))
    if any(p.x is None for p in points) and placed(points):
        notes.append(t("indicator.caption_unplaced", lang))
    return notes


def chart_section(page: IndicatorPage, points: list[ChartPoint], lang: Lang,
                  release: Release | None = None) -> list[Component]:
    if not placed(points) and page.target is None:
        message = "indicator.no_chart" if points else "indicator.no_rows"
        return [html.P(t(message, lang), className="empty")]
    fig = indicator_chart(points, page.target, page.current, page.indicator.unit_kind, lang)
    built = format_timestamp(release.created, lang) if release else ""
    return [chart_figure(fig, graph_id=GRAPH_ID, title=name_of(page, lang),
                         notes=_caption_notes(page, points, lang), table_id=TABLE_ID,
                         lang=lang, export=indicator_chart_export(page, points, built, lang))]


def about_section(page: IndicatorPage, lang: Lang) -> Component:
    info = page.indicator
    pillar: Component | str = t("indicator.no_pillar", lang)
    if info.pillar_id:
        pillar = dcc.Link((info.pillar_fr if lang == "fr" else info.pillar_en) or "",
                          href=href(f"/pillar/{info.pillar_id}", lang))
    facts = [
        (t("indicator.definition", lang), info.definition_fr if lang == "fr"
         else info.definition_en),
        (t("indicator.unit", lang), info.unit_fr if lang == "fr" else info.unit_en),
        (t("indicator.measure", lang), t(f"measure.{info.measure}", lang)),
        (t("indicator.pillar", lang), pillar),
    ]
    return _section(t("indicator.about_heading", lang), "indicator-about", [
        html.Dl([part for label, value in facts for part in (html.Dt(label), html.Dd(value))],
                className="facts")])


def _section(heading: str, section_id: str, children: list[Component | None]) -> Component:
    return html.Section([html.H2(heading, id=section_id), *children],
                        **{"aria-labelledby": section_id})


def chart_filters(page: IndicatorPage, geography: str, as_of: date | None = None) -> Filters:
    """The download filters of exactly the observations the table lists: this indicator's
    totals for ``geography`` (every geography for "all"), demonstration rows when listed,
    as known on ``as_of`` when the page shows that."""
    return Filters(indicator=(page.indicator.indicator_id,),
                   geography=() if geography == ALL else (geography,), breakdown=("total",),
                   include_demo=any(o.status == "demo" for o in page.observations),
                   as_of=as_of)


def _table_section(page: IndicatorPage, points: list[ChartPoint], geography: str,
                   lang: Lang, as_of: date | None) -> Component:
    observed = [p for p in points if p.kind != KIND_TO_DATE]
    table = (data_table(observed, name_of(page, lang), TABLE_ID, lang) if observed
             else html.P(t("indicator.no_rows", lang), className="empty"))
    return _section(t("indicator.table_heading", lang), "indicator-data", [
        table, download_link(chart_filters(page, geography, as_of), lang,
                             label=t("indicator.download", lang))])


def chart_data_links(page: IndicatorPage, geography: str, lang: Lang,
                     as_of: date | None) -> Component:
    """The chart's own data at its stable addresses (dashboard/web/indicator_data.py)."""
    path = f"/indicator/{page.indicator.indicator_id}"
    query = {"geography": geography, "as_of": as_of.isoformat() if as_of else None}
    return html.P([t("indicator_data.links", lang), " ",
                   html.A(t("indicator_data.csv", lang), href=href(f"{path}.csv", lang, query),
                          id="indicator-data-csv", download=""),
                   " · ",
                   html.A(t("indicator_data.metadata", lang), id="indicator-data-metadata",
                          href=href(f"{path}.metadata.json", lang, query))],
                  className="chart-data-links download")


def indicator_body(page: IndicatorPage, geography: str, lang: Lang,
                   release: Release | None = None, site_url: str = "",
                   as_of: date | None = None,
                   freshness: Freshness | None = None) -> list[Component]:
    """Everything inside <main> for one indicator, ``geography`` already validated;
    ``site_url`` (this site's address) makes the embed snippet absolute; links keep ``as_of``
    when the page shows the figures as known on that day; ``freshness``: its last update
    and next expected figures."""
    path = f"/indicator/{page.indicator.indicator_id}"
    points = charted_points(page, geography)
    names = {o.geography: o.geography_fr if lang == "fr" else o.geography_en
             for o in page.observations}
    return [
        html.H1(name_of(page, lang)),
        freshness_block(freshness, lang,
                        how_href=href("/data/availability", lang) + "#availability-how")
        if freshness else None,
        status_section(page, points, lang),
        _section(t("indicator.chart_heading", lang), "indicator-over-time", [
            geography_nav(geography_options(page.observations), geography, names, path, lang,
                          {"as_of": as_of.isoformat()} if as_of else None),
            *chart_section(page, points, lang, release),
            chart_data_links(page, geography, lang, as_of)]),
        _table_section(page, points, geography, lang, as_of),
        progress_section(page, lang),
        indicator_deliverables(page.deliverables, lang),
        about_section(page, lang),
        _section(t("indicator.sources_heading", lang), "indicator-sources", [
            sources_list(page.observations, lang, page.submissions)
            if page.observations else None,
            html.Ul(target_source(page.target, lang), className="sources-list")
            if page.target else None]),
        how_to_cite(release, lang, heading_id="indicator-cite") if release else None,
        embed_section(page, lang, site_url),
    ]
