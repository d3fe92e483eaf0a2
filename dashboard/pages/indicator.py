"""``/indicator/<indicator_id>``: status, chart, table, progress, definition and sources of
one indicator. ``?geography=`` (validated against the indicator's own geographies) and
``?lang=`` are the page's state, so a URL restores the view."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

import dash
import flask
from dash.development.base_component import Component

from dashboard.components.indicator_view import indicator_body
from dashboard.components.not_found import not_found_body
from dashboard.components.shell import page_shell
from dashboard.context import current_db, request_lang
from dashboard.database import Database
from dashboard.figures.series import default_geography, geography_options
from dashboard.text.i18n import normalise_lang, t
from dashboard.web.downloads import current_release
from pipelines.read import strategy
from pipelines.read.indicator import indicator_page

PATH_TEMPLATE: Final[str] = "/indicator/<indicator_id>"


def title(indicator_id: str = "", **_: object) -> str:
    lang = request_lang()
    found = strategy.indicator(current_db(), indicator_id) if indicator_id else None
    page = t("not_found.title", lang) if found is None else (
        found.name_fr if lang == "fr" else found.name_en)
    return t("site.page_title", lang, page=page)


def indicator_known(db: Database, ids: Mapping[str, str]) -> bool:
    return strategy.indicator_exists(db, ids["indicator_id"])


dash.register_page(__name__, path_template=PATH_TEMPLATE, title=title, name="Indicator",
                   validate=indicator_known)


def layout(indicator_id: str = "", lang: str = "en", geography: str = "",
           **query: object) -> Component:
    language = normalise_lang(lang)
    db = current_db()
    page = indicator_page(db, indicator_id)
    if page is None:
        body, chosen = not_found_body(language), ""
    else:
        # An unknown ?geography= falls back to the default rather than failing.
        options = geography_options(page.observations)
        chosen = geography if geography in options else default_geography(page.observations)
        body = indicator_body(page, chosen, language, current_release(db),
                              site_url=flask.request.url_root)
    state = {**query, "geography": chosen or None}
    return page_shell(lang=language, path=f"/indicator/{indicator_id}", query=state,
                      status=strategy.site_status(db), children=body)
