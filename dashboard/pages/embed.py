"""``/embed/indicator/<indicator_id>``: one indicator alone, sized for another site's
``<iframe>`` (docs/architecture.md › Contract). No navigation or help bar: the embedding page
has its own. This route alone may be framed by another site (``web/security.py``)."""

from __future__ import annotations

from collections.abc import Mapping

import dash
import flask
from dash import html
from dash.development.base_component import Component

from dashboard.components.embed import embed_body
from dashboard.components.embed_code import EMBED_PREFIX
from dashboard.components.not_found import not_found_body
from dashboard.components.typeset import typeset_french
from dashboard.context import current_db, public_root, request_lang
from dashboard.database import Database
from dashboard.figures.series import default_geography, geography_options
from pipelines.language.i18n import normalise_lang, pick, t
from pipelines.read import strategy
from pipelines.read.indicator import indicator_page


def title(indicator_id: str = "", **_: object) -> str:
    lang = request_lang()
    found = strategy.indicator(current_db(), indicator_id) if indicator_id else None
    page = t("not_found.title", lang) if found is None else pick(found, "name", lang)
    return t("embed.page_title", lang, page=page)


def indicator_known(db: Database, ids: Mapping[str, str]) -> bool:
    return strategy.indicator_exists(db, ids["indicator_id"])


dash.register_page(__name__, path_template=EMBED_PREFIX + "<indicator_id>", title=title,
                   name="Embed", validate=indicator_known)


def _site_url() -> str:
    return public_root() if flask.has_app_context() else ""


def layout(indicator_id: str = "", lang: str = "en", geography: str = "",
           **_: object) -> Component:
    language = normalise_lang(lang)
    db = current_db()
    page = indicator_page(db, indicator_id)
    if page is None:
        body = not_found_body(language)
    else:
        options = geography_options(page.observations)
        chosen = geography if geography in options else default_geography(page.observations)
        body = embed_body(page, chosen, language, _site_url(),
                          demo=strategy.site_status(db).has_demo)
    main = html.Main(body, id="main", className="embed", lang=language)
    return typeset_french(main) if language == "fr" else main
