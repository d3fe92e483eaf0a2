"""``/pillar/<pillar_id>``: the pillar's expected result, every indicator with its latest
figure and status, and every planned activity and improvement."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

import dash
from dash import dcc, html
from dash.development.base_component import Component

from dashboard.components.links import href
from dashboard.components.milestones import milestone_table, none_reported_notice
from dashboard.components.not_found import not_found_body
from dashboard.components.pillar import (
    PillarRow,
    accountability_note,
    indicator_table,
    outcome_section,
)
from dashboard.components.shell import page_shell
from dashboard.context import current_db, request_lang
from dashboard.database import Database
from pipelines.language.i18n import Lang, normalise_lang, pick, t
from pipelines.read import progress, strategy

PATH_TEMPLATE: Final[str] = "/pillar/<pillar_id>"
# The pillar whose figures count reported activity and whose page carries the strategy's note.
REPORTED_ACTIVITY_PILLAR: Final[str] = "accountability"


def title(pillar_id: str | None = None, **_: object) -> str:
    lang = request_lang()
    row = strategy.pillar(current_db(), str(pillar_id or ""))
    page = pick(row, "name", lang) if row is not None else t("not_found.title", lang)
    return t("site.page_title", lang, page=page)


def pillar_known(db: Database, ids: Mapping[str, str]) -> bool:
    return strategy.pillar_exists(db, ids["pillar_id"])


dash.register_page(__name__, path_template=PATH_TEMPLATE, title=title, name="Pillar", order=1,
                   validate=pillar_known)


def pillar_links(lang: Lang, exclude: str | None = None) -> Component:
    items = [
        html.Li(dcc.Link(pick(row, "name", lang), href=href(f"/pillar/{row.pillar_id}", lang)))
        for row in strategy.pillars(current_db())
        if row.pillar_id != exclude
    ]
    return html.Ul(items, className="pillar-links")


def unknown_pillar(lang: Lang) -> list[Component]:
    """The not-found body with the four real pillars, so a mistyped id is one click away."""
    return [
        *not_found_body(lang),
        html.H2(t("pillar.unknown_heading", lang)),
        pillar_links(lang),
    ]


def indicators_section(pillar_id: str, name: str, lang: Lang) -> Component:
    db = current_db()
    statuses = {row.indicator_id: row for row in progress.current(db, pillar_id=pillar_id)}
    figures = {f.indicator_id: f for f in strategy.latest_figures(db, pillar_id=pillar_id)}
    rows = [PillarRow(i, statuses.get(i.indicator_id), figures.get(i.indicator_id))
            for i in strategy.indicators(db, pillar_id)]
    body: Component = (
        indicator_table(rows, lang, name) if rows else html.P(t("pillar.no_indicators", lang))
    )
    return html.Section(
        [
            html.H2(t("pillar.indicators_heading", lang), id="pillar-indicators"),
            html.P(t("pillar.indicators_intro", lang)),
            body,
            html.P(
                dcc.Link(
                    t("pillar_status.method_link", lang), href=href("/about", lang) + "#method"
                )
            ),
        ],
        **{"aria-labelledby": "pillar-indicators"},
    )


def milestones_section(pillar_id: str, name: str, lang: Lang) -> Component:
    db = current_db()
    milestones = strategy.milestones(db, pillar_id)
    counts = strategy.milestone_counts(db, pillar_id)
    return html.Section(
        [
            html.H2(t("pillar.milestones_heading", lang), id="pillar-milestones"),
            html.P(t("pillar.milestones_intro", lang)),
            none_reported_notice(counts, lang),
            milestone_table(milestones, lang, t("pillar.milestones_caption", lang, pillar=name)),
            html.P(t("milestone.translation_note", lang), className="table-note"),
            html.P(
                dcc.Link(
                    t("pillar.deliverables_link", lang),
                    href=href("/deliverables", lang, {"pillar": pillar_id}),
                )
            ),
        ],
        **{"aria-labelledby": "pillar-milestones"},
    )


def content(pillar_id: str, lang: Lang) -> list[Component]:
    pillar = strategy.pillar(current_db(), pillar_id)
    if pillar is None:
        return unknown_pillar(lang)
    name = pick(pillar, "name", lang)
    return [
        html.P(t("pillar.eyebrow", lang), className="eyebrow"),
        html.H1(name),
        outcome_section(pillar, lang),
        accountability_note(lang) if pillar_id == REPORTED_ACTIVITY_PILLAR else None,
        indicators_section(pillar_id, name, lang),
        milestones_section(pillar_id, name, lang),
        html.Section(
            [
                html.H2(t("pillar.other_pillars", lang), id="pillar-others"),
                pillar_links(lang, pillar_id),
            ],
            **{"aria-labelledby": "pillar-others"},
        ),
    ]


def layout(pillar_id: str | None = None, lang: str = "en", **query: object) -> Component:
    language = normalise_lang(lang)
    pillar_key = str(pillar_id or "")
    return page_shell(
        lang=language,
        path=f"/pillar/{pillar_key}",
        query=query,
        status=strategy.site_status(current_db()),
        children=content(pillar_key, language),
    )
