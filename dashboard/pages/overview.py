"""``/``: the four pillars with their headline figures, and the strategy's investment."""

from __future__ import annotations

from collections import defaultdict
from typing import Final

import dash
from dash import dcc, html
from dash.development.base_component import Component

from dashboard import indicator_queries, queries
from dashboard.components.figures import figure_value, reporting_note
from dashboard.components.links import href
from dashboard.components.overview_cards import (
    deliverables_summary,
    freshness,
    indicator_summary,
    total_to_date,
)
from dashboard.components.shell import page_shell
from dashboard.context import current_db, request_lang
from dashboard.indicator_queries import IndicatorData
from dashboard.queries import Figure
from dashboard.text.i18n import Lang, normalise_lang, t

PATH: Final[str] = "/"
STRATEGY_ID: Final[str] = "2025-2030"
INVESTMENT_INDICATOR: Final[str] = "strategy_investment"


def title(**_: object) -> str:
    lang = request_lang()
    return t("site.page_title", lang, page=t("overview.title", lang))


dash.register_page(__name__, path=PATH, title=title, name="Overview", order=0)


def _is_reported_activity(figure: Figure) -> bool:
    return figure.interpretation == "reported_activity" or figure.reporting_note


def _figure_item(figure: Figure | None, data: IndicatorData, lang: Lang) -> Component:
    # A cumulative indicator reported quarter by quarter is shown as its total to date, the
    # number its status is computed on, not as the last quarter's count.
    to_date = total_to_date(figure, data) if figure is not None else None
    children = [] if figure is None else [figure_value(to_date or figure, lang)]
    if to_date is not None:
        children.append(html.P(t("overview_status.total_to_date", lang), className="figure-note"))
    if figure is not None and _is_reported_activity(figure):
        # Each such figure says so; the full explanation follows the list once per pillar.
        children.append(html.P(t("reporting_note.short", lang), className="reporting-flag"))
    children += indicator_summary(data, lang, has_figure=figure is not None)
    return html.Li(children, className="figure-item")


def pillar_section(
    pillar: dict[str, object],
    figures: list[Figure],
    headline: list[IndicatorData],
    lang: Lang,
) -> Component:
    pillar_id = str(pillar["pillar_id"])
    name = str(pillar[f"name_{lang}"])
    by_id = {f.indicator_id: f for f in figures}
    # Every headline indicator gets a line, with or without a figure: a target with no
    # figure yet ("not assessed") is an answer too.
    items = [_figure_item(by_id.get(str(d.meta["indicator_id"])), d, lang) for d in headline]
    body: Component = (
        html.Ul(items, className="figure-list")
        if items
        else html.P(t("overview.no_figures", lang), className="empty")
    )
    return html.Section(
        [
            html.H2(name, id=f"overview-pillar-{pillar_id}"),
            html.P(str(pillar[f"outcome_{lang}"]), className="pillar-outcome"),
            body,
            reporting_note(lang) if any(map(_is_reported_activity, figures)) else None,
            html.P(
                dcc.Link(
                    t("overview.pillar_link", lang, pillar=name),
                    href=href(f"/pillar/{pillar_id}", lang),
                )
            ),
        ],
        className="pillar",
        **{"aria-labelledby": f"overview-pillar-{pillar_id}"},
    )


def investment_section(lang: Lang) -> Component | None:
    db = current_db()
    figure = queries.indicator_figure(db, INVESTMENT_INDICATOR)
    if figure is None:
        return None
    strategy = queries.strategy(db, STRATEGY_ID)
    # The strategy's own name carries "2025–2030"; the figure card below names the amount.
    label = (
        str(strategy[f"name_{lang}"])
        if strategy is not None
        else t("overview.investment_heading", lang)
    )
    return html.Section(
        [
            html.H2(label, id="overview-investment"),
            figure_value(figure, lang),
        ],
        className="investment",
        **{"aria-labelledby": "overview-investment"},
    )


def content(lang: Lang) -> list[Component]:
    db = current_db()
    by_pillar: dict[str, list[Figure]] = defaultdict(list)
    for figure in queries.headline_figures(db):
        by_pillar[str(figure.pillar_id)].append(figure)
    headline: dict[str, list[IndicatorData]] = defaultdict(list)
    for indicator_id, pillar_id in indicator_queries.headline_indicators(db):
        data = indicator_queries.indicator_data(db, indicator_id)
        if data is not None:
            headline[pillar_id].append(data)
    sections = [
        pillar_section(
            row, by_pillar.get(str(row["pillar_id"]), []), headline[str(row["pillar_id"])], lang
        )
        for row in queries.pillars(db).to_dict("records")
    ]
    status = queries.site_status(db)
    return [
        html.H1(t("overview.heading", lang)),
        html.P(t("overview.intro", lang), className="lead"),
        investment_section(lang),
        html.Div(sections, className="pillars"),
        html.Div(
            [
                deliverables_summary(indicator_queries.milestone_counts(db), lang),
                freshness(status.built_at, indicator_queries.last_submission(db), lang),
            ],
            className="overview-extra",
        ),
    ]


def layout(lang: str = "en", **query: object) -> Component:
    language = normalise_lang(lang)
    status = queries.site_status(current_db())
    return page_shell(
        lang=language, path=PATH, query=query, status=status, children=content(language)
    )
