"""Response headers and error pages for a public site that strangers probe.

* A Content-Security-Policy that allows only this origin's scripts plus the inline scripts
  Dash itself writes into the index page (its renderer bootstrap and clientside callbacks),
  each allowed by hash from ``app.csp_hashes()``; no ``'unsafe-inline'`` and no
  ``'unsafe-eval'`` for scripts.
* ``X-Content-Type-Options``, ``Referrer-Policy``, and ``frame-ancestors`` (plus the older
  ``X-Frame-Options``) so the pages cannot be framed by another site. The one exception is
  ``/embed/indicator/<id>``, made to be framed: its own ``frame-ancestors`` allows any site,
  and it carries no ``X-Frame-Options``.
* ``Referrer-Policy: same-origin``: a site this one links to (a source, the neutral page of
  Quick exit) is not told that its visitor came from a tracker about human trafficking.
* Only the site's own host names are served (Flask's ``TRUSTED_HOSTS``): the public
  address's host and the loopback names. Any other ``Host`` answers 400, so no page, link or
  cached answer can carry a host an attacker chose.
* Unhandled exceptions become a short bilingual 500 page. The traceback goes to the server
  log, never to the browser.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Final
from urllib.parse import urlsplit

import dash
import flask
from werkzeug.exceptions import InternalServerError, SecurityError
from werkzeug.middleware.proxy_fix import ProxyFix

from dashboard.context import SETTINGS_CONFIG_KEY
from dashboard.web.dash_guard import install_dash_guard
from pipelines.language.i18n import t
from pipelines.settings import Settings

# Styles: Plotly and the dcc components write <style> elements and style attributes at run
# time (plotly.js adds its modebar and hover rules with insertRule on a created <style>), so
# 'unsafe-inline' is needed for styles only. Inline styles cannot run code.
_STATIC_DIRECTIVES: Final[tuple[tuple[str, str], ...]] = (
    ("default-src", "'self'"),
    ("style-src", "'self' 'unsafe-inline'"),
    ("img-src", "'self' data:"),
    ("font-src", "'self' data:"),
    ("connect-src", "'self'"),
    ("object-src", "'none'"),
    ("base-uri", "'self'"),
    ("form-action", "'self'"),
    ("frame-ancestors", "'none'"),
)

STATIC_HEADERS: Final[dict[str, str]] = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}
# The only pages another site may frame, and who may frame them.
EMBED_PATH_PREFIX: Final[str] = "/embed/"
EMBED_FRAME_ANCESTORS: Final[str] = "*"
LOOPBACK_NAMES: Final = ("localhost", "127.0.0.1", "::1", "[::1]")


def trusted_hosts(settings: Settings) -> list[str]:
    """Host names the site answers to: the public address's, the address it listens on (when
    not a wildcard) and the loopback names (ports are not compared)."""
    names = [*LOOPBACK_NAMES, urlsplit(settings.public_url).hostname or ""]
    if settings.host not in ("", "0.0.0.0", "::"):
        names.append(settings.host)
    return sorted({name.lower() for name in names if name})


def content_security_policy(script_hashes: Sequence[str], *, embeddable: bool = False) -> str:
    """The policy text, with ``script_hashes`` (``'sha256-…'``) allowed as inline scripts;
    ``embeddable`` lets any site frame the page."""
    directives = dict(_STATIC_DIRECTIVES)
    if embeddable:
        directives["frame-ancestors"] = EMBED_FRAME_ANCESTORS
    directives["script-src"] = " ".join(["'self'", *script_hashes])
    return "; ".join(f"{name} {value}" for name, value in directives.items())


def install_security(app: dash.Dash) -> None:
    """Add the headers to every response and the plain 500 page to ``app.server``."""
    server: flask.Flask = app.server
    settings: Settings = server.config[SETTINGS_CONFIG_KEY]
    server.config["TRUSTED_HOSTS"] = trusted_hosts(settings)
    if settings.trusted_proxies:
        # The client's address and scheme as the proxies in front saw them (the last entries
        # they added, never what the client wrote).
        server.wsgi_app = ProxyFix(  # type: ignore[method-assign]
            server.wsgi_app, x_for=settings.trusted_proxies, x_proto=settings.trusted_proxies)
    policies: dict[bool, str] = {}

    @server.after_request
    def _security_headers(response: flask.Response) -> flask.Response:
        embeddable = flask.request.path.startswith(EMBED_PATH_PREFIX)
        if embeddable not in policies:
            # Hashed on first use, not at start-up: pages may add clientside callbacks when
            # Dash imports them, after the factory has returned.
            policies[embeddable] = content_security_policy(app.csp_hashes(),
                                                           embeddable=embeddable)
        response.headers["Content-Security-Policy"] = policies[embeddable]
        for name, value in STATIC_HEADERS.items():
            if not (embeddable and name == "X-Frame-Options"):
                response.headers.setdefault(name, value)
        return response

    server.register_error_handler(InternalServerError, _internal_error)
    server.register_error_handler(SecurityError, _unknown_host)
    install_dash_guard(app)


def _unknown_host(_error: SecurityError) -> tuple[str, int, dict[str, str]]:
    # The default page repeats the Host it refused; this one says nothing of it.
    return "400 Bad Request: unknown host\n", 400, {"Content-Type": "text/plain; charset=utf-8",
                                                    "Cache-Control": "no-store"}


def _internal_error(error: InternalServerError) -> tuple[str, int, dict[str, str]]:
    # Flask has already logged the original exception with its traceback; the browser gets
    # only this page, in both languages because the failing request may not have a language.
    body = "".join(
        f"<h1 lang=\"{lang}\">{html.escape(t('server_error.heading', lang))}</h1>"
        f"<p lang=\"{lang}\">{html.escape(t('server_error.body', lang))}</p>"
        for lang in ("en", "fr")
    )
    page = (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f"<title>{html.escape(t('server_error.title', 'en'))}</title></head>"
        f"<body><main>{body}</main></body></html>"
    )
    return page, 500, {"Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store"}
