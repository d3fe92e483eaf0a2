"""What the first response links to: one stylesheet made of every CSS file in ``assets/``,
and the project's own scripts (Quick exit, the takeover, the embed's height, the pages'
own), deferred so they never hold up the first paint.

Dash links each CSS file of ``assets/`` on its own: ten render-blocking requests before a
phone on a slow network can paint anything. Here they are served as one file under a name
that changes with their content, cached for a year. The files stay where they are (the staff
templates link some of them directly).
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path
from typing import Final

import dash
import flask

ASSETS_DIR: Final = Path(__file__).resolve().parent.parent / "assets"
STYLESHEET_ROUTE: Final = "/_tracker/site-<digest>.css"
# Run from the first response only on the embed (it tells the framing page its height).
EMBED_ONLY: Final = ("embed_height.js",)
YEAR_SECONDS: Final = 365 * 24 * 3600


def _stylesheet(folder: Path = ASSETS_DIR) -> tuple[str, bytes]:
    """(digest, text) of every top-level CSS file of ``assets/``, in Dash's order (by name);
    read again only when a file changes."""
    files = tuple((path, path.stat().st_mtime_ns) for path in sorted(folder.glob("*.css")))
    return _joined(files)


@cache
def _joined(files: tuple[tuple[Path, int], ...]) -> tuple[str, bytes]:
    body = b"\n".join(path.read_bytes() for path, _ in files)
    return hashlib.sha256(body).hexdigest()[:16], body


def stylesheet_link(prefix: str = "/") -> str:
    digest, _ = _stylesheet()
    return f'<link rel="stylesheet" href="{prefix}_tracker/site-{digest}.css">'


def head_scripts(app: dash.Dash, embed: bool = False, folder: Path = ASSETS_DIR) -> str:
    """The project's own scripts (every ``assets/*.js``, in Dash's order, by name), deferred:
    they run on the page as the server writes it, not only once Dash has taken it over. Dash
    never lists them itself (``ASSETS_IGNORE`` in web/plotly_bundle.py)."""
    tags = []
    for path in sorted(folder.glob("*.js")):
        if path.name in EMBED_ONLY and not embed:
            continue
        stamp = int(path.stat().st_mtime)
        tags.append(f'<script src="{app.get_asset_url(path.name)}?m={stamp}" defer></script>')
    return "\n".join(tags)


def register_stylesheet(server: flask.Flask) -> None:
    @server.route(STYLESHEET_ROUTE)
    def _site_stylesheet(digest: str) -> flask.Response:
        current, body = _stylesheet()
        if digest != current:
            flask.abort(404)
        response = flask.Response(body, mimetype="text/css")
        response.headers["Cache-Control"] = f"public, max-age={YEAR_SECONDS}, immutable"
        return response
