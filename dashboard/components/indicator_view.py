"""The body of an indicator page, built from data already read (pure: no database).

Order answers "are we on track?" first, then "how do you know?": status with its numbers,
the chart, the same data as a table, the definition, the sources."""

from __future__ import annotations

import pandas as pd
from dash import dcc, html
from dash.development.base_component import Component

from dashboard.components.chart import chart_figure
from dashboard.components.data_table import data_table
from dashboard.components.download import download_link, how_to_cite
from dashboard.components.links import href
from dashboard.components.sources import sources_list, target_source
from dashboard.components.status import is_neutral, neutral_note, no_target_status, target_status
from dashboard.figures.indicator_chart import indicator_chart, series_label
from dashboard.figures.series import (
    ALL,
    charted_rows,
    geography_options,
    placed,
    progress_observations,
)
from dashboard.indicator_queries import IndicatorData
from dashboard.text.formatting import format_period, format_value
from dashboard.text.i18n import Lang, t
from pipelines.marts.status_rule import ProgressResult, assess_progress
from pipelines.release.export import Filters
from pipelines.release.package import Release

GRAPH_ID = "indicator-chart"
TABLE_ID = "indicator-table"


def text(meta: dict[str, object], field: str, lang: Lang) -> str:
    return str(meta.get(f"{field}_{lang}") or meta.get(f"{field}_en") or "")


def progress(data: IndicatorData, rows: pd.DataFrame) -> ProgressResult:
    """The method of pipelines.marts.status_rule on the Ontario series (the target's geography)."""
    target = data.target.target if data.target else None
    return assess_progress(target, progress_observations(rows), str(data.meta["interpretation"]))


def change_text(rows: pd.DataFrame, unit_kind: str, lang: Lang) -> str | None:
    """First and latest value of one series (never across series or editions)."""
    usable = placed(rows)
    usable = usable[~usable["suppressed"].astype(bool) & usable["value"].notna()]
    for _, group in usable.groupby("series_key", sort=False):
        if len(group) < 2:
            continue
        group = group.sort_values("x")
        first, last = group.iloc[0], group.iloc[-1]

        def written(r: pd.Series) -> str:
            return format_value(float(r["value"]), unit_kind, str(r["qualifier"]), lang)

        def period(r: pd.Series) -> str:
            return format_period(r["period_start"], r["period_end"], str(r["period_basis"]), lang)

        diff = float(last["value"]) - float(first["value"])
        sign = "+" if diff >= 0 else "−"
        return t(
            "status.change",
            lang,
            first=written(first),
            first_period=period(first),
            last=written(last),
            last_period=period(last),
            change=sign + format_value(abs(diff), unit_kind, "exact", lang),
        )
    return None


def status_section(data: IndicatorData, rows: pd.DataFrame, lang: Lang) -> Component:
    meta = data.meta
    unit_kind = str(meta["unit_kind"])
    if is_neutral(str(meta["interpretation"]), bool(meta["reporting_note"])):
        box = neutral_note(
            lang,
            reported=bool(meta["reporting_note"]) or meta["interpretation"] == "reported_activity",
        )
    elif data.target is not None:
        box = target_status(progress(data, rows), data.target.target, unit_kind, lang)
    else:
        box = no_target_status(change_text(rows, unit_kind, lang), lang)
    return html.Section(
        [html.H2(t("indicator.status_heading", lang), id="indicator-status"), box],
        **{"aria-labelledby": "indicator-status"},
    )


def geography_nav(
    options: list[str], chosen: str, names: dict[str, str], path: str, lang: Lang
) -> Component | None:
    """Links, not a dropdown: each choice is a shareable URL, reachable by keyboard."""
    if len(options) <= 2:
        return None
    items = []
    for option in options:
        label = t("indicator.geography_all", lang) if option == ALL else names.get(option, option)
        # dcc.Link takes no aria-* props; the current choice is plain text, not a link.
        choice: Component = (
            html.Span(label, className="choice", **{"aria-current": "true"})
            if option == chosen
            else dcc.Link(label, href=href(path, lang, {"geography": option}), className="choice")
        )
        items.append(html.Li(choice))
    return html.Nav(
        [
            html.Span(
                t("indicator.geography_label", lang) + " : "
                if lang == "fr"
                else t("indicator.geography_label", lang) + ": "
            ),
            html.Ul(items, className="choices"),
        ],
        className="indicator-controls",
        **{"aria-label": t("indicator.geography_label", lang)},
    )


def _caption_notes(data: IndicatorData, rows: pd.DataFrame, lang: Lang) -> list[str]:
    editions = []
    for _, group in rows.groupby("series_key", sort=False):
        label = series_label(group.iloc[0], lang, with_geography=False, with_kind=False)
        if label not in editions:
            editions.append(label)
    if not editions and data.target is not None:
        target = data.target
        editions.append(str(target.edition_fr if lang == "fr" else target.edition_en))
    notes = [
        t("indicator.caption_points", lang),
        t("indicator.caption_sources", lang, sources="; ".join(editions)),
    ]
    if len(editions) > 1:
        notes.append(t("indicator.caption_editions", lang))
    if data.target is not None:
        notes.append(t("indicator.caption_target", lang))
    if rows["x"].isna().any() and not placed(rows).empty:
        notes.append(t("indicator.caption_unplaced", lang))
    return notes


def chart_section(data: IndicatorData, rows: pd.DataFrame, lang: Lang) -> list[Component]:
    name = text(data.meta, "name", lang)
    target = data.target.target if data.target else None
    if placed(rows).empty and target is None:
        message = "indicator.no_chart" if not rows.empty else "indicator.no_rows"
        return [html.P(t(message, lang), className="empty")]
    fig = indicator_chart(rows, target, str(data.meta["unit_kind"]), lang)
    return [
        chart_figure(
            fig,
            graph_id=GRAPH_ID,
            title=name,
            notes=_caption_notes(data, rows, lang),
            table_id=TABLE_ID,
            lang=lang,
        )
    ]


def about_section(data: IndicatorData, lang: Lang) -> Component:
    meta = data.meta
    pillar: Component | str = t("indicator.no_pillar", lang)
    if meta.get("pillar_id"):
        pillar = dcc.Link(
            text(meta, "pillar", lang), href=href(f"/pillar/{meta['pillar_id']}", lang)
        )
    facts = [
        (t("indicator.definition", lang), text(meta, "definition", lang)),
        (t("indicator.unit", lang), text(meta, "unit", lang)),
        (t("indicator.measure", lang), t(f"measure.{meta['measure']}", lang)),
        (t("indicator.pillar", lang), pillar),
    ]
    return html.Section(
        [
            html.H2(t("indicator.about_heading", lang), id="indicator-about"),
            html.Dl(
                [part for label, value in facts for part in (html.Dt(label), html.Dd(value))],
                className="facts",
            ),
        ],
        **{"aria-labelledby": "indicator-about"},
    )


def _section(heading: str, section_id: str, children: list[Component | None]) -> Component:
    return html.Section(
        [html.H2(heading, id=section_id), *children], **{"aria-labelledby": section_id}
    )


def chart_filters(data: IndicatorData, geography: str) -> Filters:
    """The download filters of exactly the observations the chart draws: this indicator's
    totals for ``geography`` (every geography for "all"), demonstration rows when charted."""
    obs = data.observations
    return Filters(
        indicator=(str(data.meta["indicator_id"]),),
        geography=() if geography == ALL else (geography,),
        breakdown=("total",),
        include_demo=bool(len(obs)) and bool((obs["status"] == "demo").any()),
    )


def indicator_body(
    data: IndicatorData, geography: str, lang: Lang, release: Release | None = None
) -> list[Component]:
    """Everything inside <main> for one indicator, ``geography`` already validated."""
    meta = data.meta
    indicator_id = str(meta["indicator_id"])
    path = f"/indicator/{indicator_id}"
    target = data.target.target if data.target else None
    rows = charted_rows(data.observations, geography, str(meta["measure"]), target)
    names = dict(
        zip(data.observations["geography"], data.observations[f"geography_{lang}"], strict=True)
    )
    name = text(meta, "name", lang)
    table = (
        data_table(rows, name, TABLE_ID, lang)
        if not rows.empty
        else html.P(t("indicator.no_rows", lang), className="empty")
    )
    return [
        html.H1(name),
        status_section(data, rows, lang),
        _section(
            t("indicator.chart_heading", lang),
            "indicator-over-time",
            [
                geography_nav(geography_options(data.observations), geography, names, path, lang),
                *chart_section(data, rows, lang),
            ],
        ),
        _section(
            t("indicator.table_heading", lang),
            "indicator-data",
            [
                table,
                download_link(chart_filters(data, geography), lang,
                              label=t("indicator.download", lang)),
            ],
        ),
        about_section(data, lang),
        _section(
            t("indicator.sources_heading", lang),
            "indicator-sources",
            [
                sources_list(data.observations, lang, data.submissions)
                if not data.observations.empty
                else None,
                html.Ul(target_source(data.target, lang), className="sources-list")
                if data.target
                else None,
            ],
        ),
        how_to_cite(release, lang, heading_id="indicator-cite") if release else None,
    ]
