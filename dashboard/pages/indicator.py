"""``/indicator/<indicator_id>``: status, chart, table, progress, definition and sources of
one indicator. ``?geography=`` (validated against the indicator's own geographies),
``?as_of=YYYY-MM-DD`` (every figure and status as known at the end of that day, from the
vintages the build keeps, under an "as known on" banner; malformed: a message, today's
figures and HTTP 400) and ``?lang=`` are the page's state, so a URL restores the view."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Final

import dash
import flask
from dash.development.base_component import Component

from dashboard.components.as_of import as_of_banner, malformed_as_of
from dashboard.components.indicator_view import indicator_body
from dashboard.components.not_found import not_found_body
from dashboard.components.shell import page_shell
from dashboard.context import current_db, current_settings, public_root, request_lang
from dashboard.database import Database
from dashboard.figures.series import default_geography, geography_options
from dashboard.web.downloads import current_release
from pipelines.language.i18n import normalise_lang, t
from pipelines.read import availability, strategy
from pipelines.read.as_of import parse_day
from pipelines.read.indicator import indicator_page

PATH_TEMPLATE: Final[str] = "/indicator/<indicator_id>"


def title(indicator_id: str = "", **_: object) -> str:
    lang = request_lang()
    found = strategy.indicator(current_db(), indicator_id) if indicator_id else None
    page = t("not_found.title", lang) if found is None else (
        found.name_fr if lang == "fr" else found.name_en)
    return t("site.page_title", lang, page=page)


def indicator_known(db: Database, ids: Mapping[str, str]) -> bool | int:
    if not strategy.indicator_exists(db, ids["indicator_id"]):
        return False
    return 400 if _as_of(flask.request.args.get("as_of", ""))[1] else True


def _as_of(value: object) -> tuple[date | None, bool]:
    """(the day asked for, whether the value was malformed); no value: (None, False)."""
    if not str(value or "").strip():
        return None, False
    try:
        return parse_day(str(value)), False
    except ValueError:
        return None, True


dash.register_page(__name__, path_template=PATH_TEMPLATE, title=title, name="Indicator",
                   validate=indicator_known)


def layout(indicator_id: str = "", lang: str = "en", geography: str = "", as_of: str = "",
           **query: object) -> Component:
    language = normalise_lang(lang)
    db = current_db()
    day, malformed = _as_of(as_of)
    page = indicator_page(db, indicator_id, day)
    path = f"/indicator/{indicator_id}"
    if page is None:
        body, chosen = not_found_body(language), ""
    else:
        # An unknown ?geography= falls back to the default rather than failing.
        options = geography_options(page.observations)
        chosen = geography if geography in options else default_geography(page.observations)
        settings = current_settings()
        found = availability.freshness(db, indicator_id, date.today(),
                                       settings.strategy_start, settings.strategy_end)
        body = indicator_body(page, chosen, language, current_release(db),
                              site_url=public_root() + "/", as_of=day, freshness=found)
    state = {**query, "geography": chosen or None,
             "as_of": day.isoformat() if day else None}
    if page is not None and (day or malformed):
        notice = (as_of_banner(day, path, state, language) if day
                  else malformed_as_of(str(as_of), language))
        body = [notice, *body]
    return page_shell(lang=language, path=path, query=state,
                      status=strategy.site_status(db), children=body)
