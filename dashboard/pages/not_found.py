"""The page for unknown paths. Dash Pages shows the page registered as ``not_found_404``;
the HTTP status 404 itself is set by :mod:`dashboard.routing`."""

from __future__ import annotations

import dash
from dash.development.base_component import Component

from dashboard.components.not_found import not_found_body
from dashboard.components.shell import page_shell
from dashboard.context import current_db, request_lang, request_path
from pipelines.language.i18n import normalise_lang, t
from pipelines.read import strategy

PATH = "/404"


def title(**_: object) -> str:
    lang = request_lang()
    return t("site.page_title", lang, page=t("not_found.title", lang))


def layout(lang: str = "en", **query: object) -> Component:
    language = normalise_lang(lang)
    status = strategy.site_status(current_db())
    return page_shell(
        lang=language,
        path=request_path(),
        query=query,
        status=status,
        children=not_found_body(language),
    )


# Dash Pages recognises its 404 page by the module name ending in ``not_found_404``.
dash.register_page("dashboard.pages.not_found_404", path=PATH, title=title, layout=layout)
