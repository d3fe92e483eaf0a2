"""The Dash app factory."""

from __future__ import annotations

from html import escape
from typing import Any, Final

import dash
import flask
from dash import Input, Output, dcc, html

from dashboard.context import DB_CONFIG_KEY, SETTINGS_CONFIG_KEY, request_lang
from dashboard.database import Database
from dashboard.html_first.assets import head_scripts, register_stylesheet, stylesheet_link
from dashboard.html_first.document import document, first_page, request_search
from dashboard.html_first.store import PageStore, store_root
from dashboard.html_first.warm import watch
from dashboard.page_cache import install_page_cache
from dashboard.routing import install_status_hook, normalise_path, path_status
from dashboard.staff import install_staff
from dashboard.web.api import register_api
from dashboard.web.briefing import register_briefing
from dashboard.web.downloads import register_downloads
from dashboard.web.meta import meta_tags, page_meta
from dashboard.web.plotly_bundle import ASSETS_IGNORE, install_basic_plotly
from dashboard.web.security import EMBED_PATH_PREFIX, install_security
from dashboard.web.statutory_briefing import register_statutory_briefing
from dashboard.web.templates import register_templates
from pipelines.language.i18n import t
from pipelines.settings import Settings

SETUP_AGENT: Final = "tracker set-up"
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
    """Dash whose index page is the page itself (docs/architecture.md › HTML first): its
    content written from its own layout, ``<html lang>``, its own ``<title>``, description
    and Open Graph tags, in the page's language, before any script runs."""

    # Dash calls it with keywords only, which **kwargs takes.
    def interpolate_index(self, **kwargs: Any) -> str:  # type: ignore[override]
        lang = request_lang()
        path = normalise_path(flask.request.path)
        meta = page_meta(_db(), path, path_status(_db(), path), lang)
        kwargs["title"] = escape(meta.title, quote=False)
        kwargs["metas"] = meta_tags(meta, flask.request.url, lang) + "\n" + kwargs.get("metas", "")
        page = first_page(self, flask.request.path, request_search())
        flask.g.tracker_page_source = page.source
        css = stylesheet_link(self.config.requests_pathname_prefix)
        embed = path.startswith(EMBED_PATH_PREFIX)
        return document(kwargs, lang, page, head_scripts(self, embed), css)


def _db() -> Database:
    db: Database = flask.current_app.config[DB_CONFIG_KEY]
    return db


def install_page_timing(server: flask.Flask) -> None:
    """Say where a page's first response came from (``Server-Timing: page;desc=store``,
    ``memory`` or ``render``): the warm-up's test and anyone timing the site read it."""

    @server.after_request
    def _timing(response: flask.Response) -> flask.Response:
        source = flask.g.get("tracker_page_source")
        if source:
            response.headers["Server-Timing"] = f'page;desc="{source}"'
        return response


def app_layout() -> html.Div:
    return html.Div(
        [dash.page_container, dcc.Store(id="app-lang")],
        className="app-root",
    )


def install_warm_up(server: flask.Flask, settings: Settings) -> None:
    """Watch for new data from this process's first request on (a forked worker starts its
    own watcher): see :mod:`dashboard.html_first.warm`."""

    @server.before_request
    def _watch() -> None:
        watch(settings, server.config[DB_CONFIG_KEY])


def finish_setup(server: flask.Flask) -> None:
    """Run Dash's first-request set-up now, in one thread, with one request in process.

    Dash registers its callbacks (the page router among them) in a ``before_request`` hook
    that marks itself done before it has finished; two first requests arriving together in a
    threaded server let the second run a callback that is not registered yet (HTTP 500).
    Every server that serves requests in threads calls this before it listens."""
    with server.test_client() as client:
        client.get("/", headers={"User-Agent": SETUP_AGENT})


def create_app(settings: Settings, *, warm_up: bool = False) -> dash.Dash:
    """Build the app for ``settings``. The database is opened lazily, on first request.
    ``warm_up``: a server (not a test's client) re-renders every public page after every
    write (``settings.page_warmup`` can still turn it off)."""
    app = TrackerDash(
        "dashboard",
        use_pages=True,
        pages_folder="pages",
        suppress_callback_exceptions=True,
        title=t("site.title", "en"),
        update_title=None,  # type: ignore[arg-type]  # documented: no title while updating
        # Dash turns async dispatch on whenever asgiref is importable (a dependency of other
        # tools); every callback here is synchronous, so say so rather than depend on that.
        use_async=False,
        compress=True,
        assets_ignore=ASSETS_IGNORE,
        # interpolate_index writes the description and Open Graph tags itself.
        include_pages_meta=False,
    )
    app.server.config[SETTINGS_CONFIG_KEY] = settings
    app.server.config[DB_CONFIG_KEY] = Database(settings)
    app.server.config["DEBUG"] = settings.debug
    app.layout = app_layout
    # Rendered pages are cached per data version, around every page's layout function, in
    # memory and in the store the warm-up fills after every write.
    install_page_cache(app.server, dash.page_registry, settings.page_cache_entries,
                       PageStore(store_root(settings)))
    register_stylesheet(app.server)
    install_page_timing(app.server)
    app.clientside_callback(  # type: ignore[no-untyped-call]
        SET_DOCUMENT_LANG,
        Output("app-lang", "data"),
        Input("_pages_location", "search"),
    )
    install_status_hook(app.server, app.config.requests_pathname_prefix)
    install_security(app)
    install_basic_plotly(app)
    register_downloads(app.server)
    register_briefing(app.server)
    register_templates(app.server)
    register_statutory_briefing(app.server)
    register_api(app.server)
    install_staff(app, settings)
    if warm_up:
        install_warm_up(app.server, settings)
    return app
