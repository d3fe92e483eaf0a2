"""What a page needs from the running app: the database and the request's language.

Kept apart from the pure components so those stay testable without Flask.
"""

from __future__ import annotations

from typing import Final

import dash
import flask

from dashboard.database import Database
from pipelines.language.i18n import DEFAULT_LANG, Lang, normalise_lang
from pipelines.settings import Settings

DB_CONFIG_KEY: Final[str] = "TRACKER_DATABASE"
SETTINGS_CONFIG_KEY: Final[str] = "TRACKER_SETTINGS"
LOCATION_SEARCH: Final[str] = "_pages_location.search"


def current_db() -> Database:
    db: Database = flask.current_app.config[DB_CONFIG_KEY]
    return db


def current_settings() -> Settings:
    settings: Settings = flask.current_app.config[SETTINGS_CONFIG_KEY]
    return settings


def public_root() -> str:
    """The site's public address (``STRATEGY_PUBLIC_URL``, no trailing slash) for every absolute
    link a page, a download or the API writes: never the request's ``Host``, which a client
    chooses and which cached answers would pass on to others."""
    return current_settings().public_url.rstrip("/")


def _search_lang(search: str | None) -> Lang:
    from urllib.parse import parse_qs

    values = parse_qs((search or "").lstrip("?")).get("lang", [])
    return normalise_lang(values[0] if values else DEFAULT_LANG)


def request_lang() -> Lang:
    """The language of the page being rendered: from the page-routing callback's
    ``?lang`` when inside it, else from the HTTP request's query string."""
    if not flask.has_request_context():
        return DEFAULT_LANG
    if not flask.request.path.endswith("_dash-update-component"):
        # Dash's callback context is a context variable that can outlive a callback run in
        # the same thread (the Flask test client does this), so only a callback request reads it.
        return normalise_lang(flask.request.args.get("lang", DEFAULT_LANG))
    try:
        inputs = dash.ctx.inputs
    except Exception:  # outside a callback Dash raises its own exception types
        inputs = {}
    if LOCATION_SEARCH in inputs:
        return _search_lang(inputs[LOCATION_SEARCH])
    return normalise_lang(flask.request.args.get("lang", DEFAULT_LANG))


def request_path() -> str:
    """The path being rendered (the browser's, inside the page-routing callback)."""
    if not flask.has_request_context():
        return "/"
    try:
        inputs = dash.ctx.inputs
    except Exception:  # outside a callback Dash raises its own exception types
        inputs = {}
    return str(inputs.get("_pages_location.pathname") or flask.request.path or "/")


def quick_exit_url(lang: Lang) -> str:
    """Where Quick exit leaves for, in the reader's language: the running app's setting
    (``STRATEGY_QUICK_EXIT_URL``), else the default."""
    from pipelines.settings import Settings

    settings = (flask.current_app.config.get(SETTINGS_CONFIG_KEY)
                if flask.has_app_context() else None)
    template = (settings or Settings()).quick_exit_url
    return template.replace("{lang}", lang)
