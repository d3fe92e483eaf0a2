"""``/data/availability``: for the whole strategy and every other series, which indicators
have figures, await a submission or have no source yet, with the latest period, last update
and next expected figures of each, and the quarterly submissions quarter by quarter.
Downloadable as CSV (``/data/availability.csv``). What an indicator has is read from the
marts (``availability.sql``); what depends on the day, from today's date."""

from __future__ import annotations

from datetime import date
from typing import Final
from urllib.parse import urlencode

import dash
from dash import dcc, html
from dash.development.base_component import Component

from dashboard.components.availability import (
    counts_table,
    group_table,
    how_section,
    quarters_table,
)
from dashboard.components.links import href
from dashboard.components.shell import page_shell
from dashboard.context import current_db, current_settings, request_lang
from dashboard.web.availability_data import CSV_PATH, everything
from pipelines.language.i18n import Lang, normalise_lang, t
from pipelines.read import availability, strategy

PATH: Final = "/data/availability"


def title(**_: object) -> str:
    lang = request_lang()
    return t("site.page_title", lang, page=t("availability.title", lang))


dash.register_page(__name__, path=PATH, title=title, name="Data availability", order=51)


def _section(heading: str, section_id: str, children: list[Component]) -> Component:
    return html.Section([html.H2(heading, id=section_id), *children],
                        className="availability-section", **{"aria-labelledby": section_id})


def _download(lang: Lang) -> Component:
    return html.P([
        html.A(t("availability.download", lang), href=f"{CSV_PATH}?{urlencode({'lang': lang})}",
               download="", id="availability-csv"),
        " · ",
        html.A(t("availability.download_bom", lang), download="",
               href=f"{CSV_PATH}?{urlencode({'lang': lang, 'bom': 'true'})}"),
    ], className="download")


def content(lang: Lang, today: date) -> list[Component]:
    db = current_db()
    settings = current_settings()
    groups, found = everything(db, lang, today)
    names = {e.indicator_id: e.name_fr if lang == "fr" else e.name_en
             for g in groups for e in g.entries}
    pillar_ids = [e.indicator_id for g in groups for e in g.entries if e.pillar_id]
    grid = availability.quarter_grid(pillar_ids, availability.arrivals(db), today,
                                     settings.strategy_start, settings.strategy_end)
    return [
        html.H1(t("availability.heading", lang)),
        html.P(t("availability.intro", lang), className="lead"),
        html.P(dcc.Link(t("availability.back", lang), href=href("/data", lang))),
        _download(lang),
        _section(t("availability.summary_heading", lang), "availability-summary",
                 [counts_table(groups, found, lang)]),
        _section(t("availability.indicators_heading", lang), "availability-indicators",
                 [group_table(group, found, names, lang) for group in groups]),
        how_section(lang),
        _section(t("availability.quarters_heading", lang), "availability-quarterly", [
            html.P(t("availability.quarters_intro", lang, count=len(pillar_ids))),
            quarters_table(grid, names, lang)]),
    ]


def layout(lang: str = "en", **_: object) -> Component:
    language = normalise_lang(lang)
    return page_shell(lang=language, path=PATH, query={},
                      status=strategy.site_status(current_db()),
                      children=content(language, date.today()))
