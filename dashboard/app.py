"""The Dash app factory."""

from __future__ import annotations

import re
from typing import Any, Final

import dash
import flask
from dash import Input, Output, dcc, html

from dashboard.context import DB_CONFIG_KEY, SETTINGS_CONFIG_KEY, request_lang
from dashboard.database import Database
from dashboard.routing import install_status_hook, normalise_path, path_status
from dashboard.text.i18n import t
from dashboard.web.api import register_api
from dashboard.web.briefing import register_briefing
from dashboard.web.downloads import register_downloads
from dashboard.web.plotly_bundle import ASSETS_IGNORE, install_basic_plotly
from dashboard.web.security import install_security
from pipelines.settings import Settings

# Client-side navigation never reloads the document, so <html lang> has to follow ?lang here.
SET_DOCUMENT_LANG: Final[str] = """
function (search) {
    var lang = new URLSearchParams(search || "").get("lang") || "en";
    lang = lang.toLowerCase().indexOf("fr") === 0 ? "fr" : "en";
    document.documentElement.lang = lang;
    return lang;
}
"""


class TrackerDash(dash.Dash):
    """Dash whose index page carries ``<html lang>`` and a translated ``<title>``."""

    def interpolate_index(self, **kwargs: Any) -> str:
        lang = request_lang()
        kwargs["title"] = _index_title(lang)
        index = super().interpolate_index(**kwargs)
        return re.sub(r"<html[^>]*>", f'<html lang="{lang}">', index, count=1)


def _index_title(lang: str) -> str:
    path = normalise_path(flask.request.path)
    for module, page in dash.page_registry.items():
        if normalise_path(str(page.get("path", ""))) == path and not module.endswith("_404"):
            title = page.get("title")
            return title() if callable(title) else str(title)
    # A status-404 path, or a templated page whose title needs its ids.
    if path_status(_db(), path) == 404:
        return t("site.page_title", lang, page=t("not_found.title", lang))
    return t("site.title", lang)


def _db() -> Database:
    return flask.current_app.config[DB_CONFIG_KEY]


def app_layout() -> html.Div:
    return html.Div(
        [dash.page_container, dcc.Store(id="app-lang")],
        className="app-root",
    )


def create_app(settings: Settings) -> dash.Dash:
    """Build the app for ``settings``. The database is opened lazily, on first request."""
    app = TrackerDash(
        "dashboard",
        use_pages=True,
        pages_folder="pages",
        suppress_callback_exceptions=True,
        title=t("site.title", "en"),
        update_title=None,
        # Dash turns async dispatch on whenever asgiref is importable (a dependency of other
        # tools); every callback here is synchronous, so say so rather than depend on that.
        use_async=False,
        compress=True,
        assets_ignore=ASSETS_IGNORE,
    )
    app.server.config[SETTINGS_CONFIG_KEY] = settings
    app.server.config[DB_CONFIG_KEY] = Database(settings)
    app.server.config["DEBUG"] = settings.debug
    app.layout = app_layout
    app.clientside_callback(
        SET_DOCUMENT_LANG,
        Output("app-lang", "data"),
        Input("_pages_location", "search"),
    )
    install_status_hook(app.server, app.config.requests_pathname_prefix)
    install_security(app)
    install_basic_plotly(app)
    register_downloads(app.server)
    register_briefing(app.server)
    register_api(app.server)
    return app
