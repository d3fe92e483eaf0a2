"""``/``: the four pillars with their headline indicators (figure to date or latest published
figure, status from ``marts.progress``), and the strategy's investment."""

from __future__ import annotations

from collections import defaultdict
from typing import Final

import dash
from dash import dcc, html
from dash.development.base_component import Component

from dashboard.components.figures import figure_value, reporting_note
from dashboard.components.links import href
from dashboard.components.overview_cards import (
    Headline,
    deliverables_summary,
    freshness,
    headline_item,
)
from dashboard.components.shell import page_shell
from dashboard.context import current_db, request_lang
from dashboard.database import Database
from pipelines.language.i18n import Lang, normalise_lang, pick, t
from pipelines.read import progress, strategy
from pipelines.read.rows import Pillar, Progress

PATH: Final[str] = "/"
INVESTMENT_INDICATOR: Final[str] = "strategy_investment"


def title(**_: object) -> str:
    lang = request_lang()
    return t("site.page_title", lang, page=t("overview.title", lang))


dash.register_page(__name__, path=PATH, title=title, name="Overview", order=0,
                   nav="nav.overview")


def pillar_section(pillar: Pillar, items: list[Headline], lang: Lang) -> Component:
    name = pick(pillar, "name", lang)
    heading_id = f"overview-pillar-{pillar.pillar_id}"
    # Every headline indicator gets a line, with or without a figure: a target with no
    # figure yet ("not assessed") is an answer too.
    body: Component = (html.Ul([headline_item(i, lang) for i in items], className="figure-list")
                       if items else html.P(t("overview.no_figures", lang), className="empty"))
    return html.Section([
        html.H2(name, id=heading_id),
        html.P(pick(pillar, "outcome", lang), className="pillar-outcome"),
        body,
        reporting_note(lang) if any(i.reported_activity for i in items) else None,
        html.P(dcc.Link(t("overview.pillar_link", lang, pillar=name),
                        href=href(f"/pillar/{pillar.pillar_id}", lang))),
    ], className="pillar", **{"aria-labelledby": heading_id})


def investment_section(db: Database, lang: Lang) -> Component | None:
    figure = strategy.latest_figure(db, INVESTMENT_INDICATOR)
    if figure is None:
        return None
    found = strategy.current(db)
    # The strategy's own name carries "2025–2030"; the figure card below names the amount.
    label = pick(found, "name", lang) if found else t("overview.investment_heading", lang)
    return html.Section([html.H2(label, id="overview-investment"), figure_value(figure, lang)],
                        className="investment", **{"aria-labelledby": "overview-investment"})


def headlines(db: Database) -> dict[str | None, list[Headline]]:
    """Each pillar's headline indicators, in card order, with everything their card shows."""
    statuses = {r.indicator_id: r for r in progress.current(db, headline=True)}
    history: dict[str, list[Progress]] = defaultdict(list)
    for row in progress.history(db):
        history[row.indicator_id].append(row)
    figures = {f.indicator_id: f for f in strategy.latest_figures(db, headline=True)}
    by_pillar: dict[str | None, list[Headline]] = defaultdict(list)
    for info in strategy.indicators(db):
        if info.headline and info.pillar_id:
            by_pillar[info.pillar_id].append(Headline(
                info, statuses.get(info.indicator_id), tuple(history[info.indicator_id]),
                figures.get(info.indicator_id)))
    return by_pillar


def content(db: Database, lang: Lang) -> list[Component]:
    items = headlines(db)
    status = strategy.site_status(db)
    return [
        html.H1(t("overview.heading", lang)),
        html.P(t("overview.intro", lang), className="lead"),
        investment_section(db, lang),
        html.Div([pillar_section(p, items[p.pillar_id], lang) for p in strategy.pillars(db)],
                 className="pillars"),
        html.Div([deliverables_summary(strategy.milestone_counts(db), lang),
                  freshness(status.built_at, status.last_submission, lang)],
                 className="overview-extra"),
    ]


def layout(lang: str = "en", **query: object) -> Component:
    language = normalise_lang(lang)
    db = current_db()
    return page_shell(lang=language, path=PATH, query=query, status=strategy.site_status(db),
                      children=content(db, language))
