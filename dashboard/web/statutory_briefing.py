"""``/review/statutory/briefing.html?lang=fr&snapshot=<slug>``: the statutory briefing as a
download, from the live database or a frozen snapshot. Parameters are checked against an
allow-list: an unknown parameter or a ``lang`` other than en/fr answers 400, an unknown
snapshot 404."""

from __future__ import annotations

from typing import Final
from urllib.parse import urlencode

import flask

from dashboard.reports.statutory import render_statutory, statutory_context
from dashboard.web.downloads import database_for
from pipelines.errors import UnknownIdError
from pipelines.read.statutory import statutory_review

PATH: Final[str] = "/review/statutory/briefing.html"
PARAMETERS: Final[frozenset[str]] = frozenset({"lang", "snapshot"})


def briefing_href(lang: str, snapshot: str | None = None) -> str:
    query = {"lang": lang, **({"snapshot": snapshot} if snapshot else {})}
    return f"{PATH}?{urlencode(query)}"


def _plain(message: str, status: int) -> flask.Response:
    return flask.Response(message + "\n", status=status, mimetype="text/plain")


def statutory_download() -> flask.Response:
    args = flask.request.args
    unknown = sorted(set(args) - PARAMETERS)
    if unknown:
        return _plain(f"bad request: unknown parameter {unknown[0][:40]!r}", 400)
    lang = args.get("lang", "en")
    if lang not in ("en", "fr"):
        return _plain("bad request: lang must be en or fr", 400)
    snapshot = args.get("snapshot") or None
    try:
        db = database_for(snapshot)
    except UnknownIdError:
        return _plain(f"unknown snapshot {str(snapshot)[:64]!r}", 404)
    html = render_statutory(statutory_review(db), statutory_context(db, snapshot), lang)  # type: ignore[arg-type]
    response = flask.Response(html, mimetype="text/html")
    name = f"statutory-review-{snapshot + '-' if snapshot else ''}{lang}.html"
    response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def register_statutory_briefing(server: flask.Flask) -> None:
    server.add_url_rule(PATH, "statutory_briefing", statutory_download, methods=["GET"])
