"""``/indicator/<indicator_id>``: status, chart, table, definition and sources of one
indicator. ``?geography=`` (validated against the indicator's own geographies) and ``?lang=``
are the page's state, so a URL restores the view."""

from __future__ import annotations

from typing import Final

import dash
from dash.development.base_component import Component

from dashboard import indicator_queries, queries
from dashboard.components.indicator_view import indicator_body
from dashboard.components.not_found import not_found_body
from dashboard.components.shell import page_shell
from dashboard.context import current_db, request_lang
from dashboard.figures.series import default_geography, geography_options
from dashboard.text.i18n import normalise_lang, t
from dashboard.web.downloads import current_release

PATH_TEMPLATE: Final[str] = "/indicator/<indicator_id>"


def title(indicator_id: str = "", **_: object) -> str:
    lang = request_lang()
    meta = indicator_queries.indicator(current_db(), indicator_id) if indicator_id else None
    page = t("not_found.title", lang) if meta is None else str(meta[f"name_{lang}"])
    return t("site.page_title", lang, page=page)


dash.register_page(__name__, path_template=PATH_TEMPLATE, title=title, name="Indicator")


def layout(
    indicator_id: str = "", lang: str = "en", geography: str = "", **query: object
) -> Component:
    language = normalise_lang(lang)
    status = queries.site_status(current_db())
    path = f"/indicator/{indicator_id}"
    data = indicator_queries.indicator_data(current_db(), indicator_id)
    if data is None:
        body = not_found_body(language)
        chosen = ""
    else:
        options = geography_options(data.observations)
        # An unknown ?geography= falls back to the default rather than failing.
        chosen = geography if geography in options else default_geography(data.observations)
        body = indicator_body(data, chosen, language, current_release(current_db()))
    state = {**query, "geography": chosen or None}
    return page_shell(lang=language, path=path, query=state, status=status, children=body)
