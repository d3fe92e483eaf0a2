"""``/deliverables``: every commitment of the strategy by pillar, with its reported status.

The filters are plain links that change the query string (``?pillar=support&status=done``),
so the view is in the URL: it survives a reload, can be bookmarked and sent, works without a
callback, and each filter is an ordinary link for keyboards and screen readers.
"""

from __future__ import annotations

from typing import Final

import dash
from dash import dcc, html
from dash.development.base_component import Component

from dashboard.components.deliverables import Filters, counts_table, filter_group, parse_filters
from dashboard.components.links import href
from dashboard.components.milestone_history import history_cell
from dashboard.components.milestones import milestone_table, none_reported_notice
from dashboard.components.shell import page_shell
from dashboard.context import current_db, request_lang
from pipelines.language.i18n import Lang, normalise_lang, pick, t
from pipelines.read import milestones, strategy
from pipelines.read.rows import Milestone, MilestoneLink, Pillar
from pipelines.vocabulary import MILESTONE_STATUSES

PATH: Final[str] = "/deliverables"


def title(**_: object) -> str:
    lang = request_lang()
    return t("site.page_title", lang, page=t("deliverables.title", lang))


dash.register_page(__name__, path=PATH, title=title, name="Deliverables", order=2,
                   nav="nav.deliverables")


def filters_section(filters: Filters, pillars: list[Pillar], lang: Lang) -> Component:
    counts = strategy.milestone_counts(current_db(), filters.pillar)
    pillar_options = [(None, t("deliverables.all_pillars", lang), None)] + [
        (p.pillar_id, pick(p, "name", lang), None) for p in pillars
    ]
    status_options = [(None, t("deliverables.all_statuses", lang), None)] + [
        (s, t(f"milestone.{s}", lang), counts[s]) for s in MILESTONE_STATUSES
    ]
    return html.Section(
        [
            html.H2(t("deliverables.filters_heading", lang), id="deliverables-filters"),
            filter_group("pillar", pillar_options, filters.query(), lang),
            filter_group("status", status_options, filters.query(), lang),
            html.P(
                t("deliverables.ignored", lang, values=", ".join(filters.ignored)), role="status"
            )
            if filters.ignored
            else None,
        ],
        className="filters",
        **{"aria-labelledby": "deliverables-filters"},
    )


def _histories(lang: Lang) -> dict[str, Component]:
    """Each deliverable's dated history and the indicators it should move, as one cell."""
    db = current_db()
    history = milestones.history(db)
    links: dict[str, list[MilestoneLink]] = {}
    for link in milestones.links(db):
        links.setdefault(link.milestone_id, []).append(link)
    return {m: history_cell(rows, links.get(m, []), lang) for m, rows in history.items()}


def _pillar_block(pillar: Pillar, rows: list[Milestone], lang: Lang,
                  histories: dict[str, Component]) -> Component:
    pillar_id, name = pillar.pillar_id, pick(pillar, "name", lang)
    return html.Div(
        [
            html.H3(name, id=f"deliverables-{pillar_id}"),
            milestone_table(rows, lang, t("pillar.milestones_caption", lang, pillar=name),
                            histories),
            html.P(
                dcc.Link(
                    t("deliverables.pillar_page", lang), href=href(f"/pillar/{pillar_id}", lang)
                )
            ),
        ],
        className="pillar-block",
    )


def list_section(filters: Filters, pillars: list[Pillar], lang: Lang) -> Component:
    db = current_db()
    rows = strategy.milestones(db, filters.pillar, filters.status)
    total = sum(strategy.milestone_counts(db).values())
    histories = _histories(lang)
    blocks = [
        _pillar_block(p, [m for m in rows if m.pillar_id == p.pillar_id], lang, histories)
        for p in pillars
        if any(m.pillar_id == p.pillar_id for m in rows)
    ]
    empty = html.P(
        [
            t("deliverables.no_match", lang),
            " ",
            dcc.Link(t("deliverables.clear", lang), href=href(PATH, lang)),
        ]
    )
    return html.Section(
        [
            html.H2(t("deliverables.list_heading", lang), id="deliverables-list"),
            html.P(t("deliverables.showing", lang, shown=len(rows), total=total), role="status"),
            *(blocks or [empty]),
            html.P(t("milestone.translation_note", lang), className="table-note"),
        ],
        **{"aria-labelledby": "deliverables-list"},
    )


def content(filters: Filters, pillars: list[Pillar], lang: Lang) -> list[Component]:
    db = current_db()
    scope = next(
        (pick(p, "name", lang) for p in pillars if p.pillar_id == filters.pillar),
        t("deliverables.all_pillars", lang),
    )
    return [
        html.H1(t("deliverables.heading", lang)),
        html.P(t("deliverables.intro", lang), className="lead"),
        none_reported_notice(strategy.milestone_counts(db), lang),
        filters_section(filters, pillars, lang),
        counts_table(strategy.milestone_counts(db, filters.pillar), scope, lang),
        list_section(filters, pillars, lang),
    ]


def layout(
    lang: str = "en", pillar: object = None, status: object = None, **query: object
) -> Component:
    language = normalise_lang(lang)
    db = current_db()
    pillars = strategy.pillars(db)
    filters = parse_filters(pillar, status, [p.pillar_id for p in pillars])
    return page_shell(
        lang=language,
        path=PATH,
        query={**query, **filters.query()},
        status=strategy.site_status(db),
        children=content(filters, pillars, language),
    )
