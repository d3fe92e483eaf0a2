"""Serve plotly.js's *basic* bundle where dcc.Graph fetches plotly.js.

dcc.Graph loads plotly.js on demand, from a fixed URL under ``_dash-component-suites`` (the
full bundle shipped in the ``plotly`` package: 4.8 MB, 1.4 MB compressed). The app draws
scatter traces only, which the basic bundle (scatter, bar, pie: 1.1 MB, 0.36 MB compressed)
provides at the same plotly.js version. Answering that URL here keeps the lazy loading (pages
without a chart download no plotly.js at all) and needs no inline script, so the CSP is
unchanged. See ``assets/vendor/README.md`` for the vendored file.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Final

import dash
import flask

VENDOR_DIR: Final[Path] = Path(__file__).resolve().parent.parent / "assets" / "vendor"
BUNDLE: Final[str] = "plotly-basic.min.js"
# Dash would otherwise add every .js file under assets/ to every page: the bundle loads with
# the first chart, and the project's own scripts are linked from the first response by
# dashboard/html_first/assets.py (Dash's own libraries wait for the takeover).
ASSETS_IGNORE: Final[str] = r"\.js$"
# Where dash-renderer points dcc.Graph when serving locally (dash-renderer, ``serve_locally``).
FULL_BUNDLE_PATH: Final[str] = "_dash-component-suites/plotly/package_data/plotly.min.js"
# The URL carries no version, so browsers revalidate after an hour rather than keep it forever.
CACHE_SECONDS: Final[int] = 3600


def bundle_version(path: Path = VENDOR_DIR / BUNDLE) -> str:
    """The plotly.js version in the vendored file's banner ("v3.7.0" -> "3.7.0")."""
    head = path.read_bytes()[:200].decode("utf-8", "replace")
    match = re.search(r"plotly\.js \(basic - minified\) v(\d+\.\d+\.\d+)", head)
    return match.group(1) if match else ""


def install_basic_plotly(app: dash.Dash) -> None:
    """Answer dcc.Graph's plotly.js request with the basic bundle."""
    route = app.config.requests_pathname_prefix + FULL_BUNDLE_PATH

    server: flask.Flask = app.server

    @server.before_request
    def _basic_bundle() -> flask.Response | None:
        if flask.request.path != route:
            return None
        # Read, not send_file: a file-wrapper response would bypass compression.
        body = (VENDOR_DIR / BUNDLE).read_bytes()
        response = flask.Response(body, mimetype="application/javascript")
        response.headers["Cache-Control"] = f"public, max-age={CACHE_SECONDS}"
        return response
