"""``/review/statutory/briefing.html?lang=fr&snapshot=<slug>``: the statutory briefing as a
download, from the live database or a frozen snapshot. Parameters are checked against an
allow-list: an unknown parameter or a ``lang`` other than en/fr answers 400, an unknown
snapshot 404."""

from __future__ import annotations

from typing import Final
from urllib.parse import urlencode

import flask

from dashboard.reports.formats import MIMETYPES, render_format
from dashboard.reports.rates_csv import rates_csv
from dashboard.reports.statutory import render_statutory, statutory_context
from dashboard.web.downloads import database_for
from pipelines.errors import UnknownIdError
from pipelines.read.statutory import statutory_review

PATH: Final[str] = "/review/statutory/briefing.html"
FORMAT_PATH: Final[str] = "/review/statutory/briefing.<fmt>"
RATES_PATH: Final[str] = "/review/statutory/per-year-rates.csv"
PARAMETERS: Final[frozenset[str]] = frozenset({"lang", "snapshot"})


def briefing_href(lang: str, snapshot: str | None = None, fmt: str = "html") -> str:
    query = {"lang": lang, **({"snapshot": snapshot} if snapshot else {})}
    return f"/review/statutory/briefing.{fmt}?{urlencode(query)}"


def rates_href(lang: str, snapshot: str | None = None) -> str:
    query = {"lang": lang, **({"snapshot": snapshot} if snapshot else {})}
    return f"{RATES_PATH}?{urlencode(query)}"


def _plain(message: str, status: int) -> flask.Response:
    return flask.Response(message + "\n", status=status, mimetype="text/plain")


def _arguments() -> tuple[str, object] | flask.Response:
    """(lang, the database) or the 400/404 answer."""
    args = flask.request.args
    unknown = sorted(set(args) - PARAMETERS)
    if unknown:
        return _plain(f"bad request: unknown parameter {unknown[0][:40]!r}", 400)
    lang = args.get("lang", "en")
    if lang not in ("en", "fr"):
        return _plain("bad request: lang must be en or fr", 400)
    snapshot = args.get("snapshot") or None
    try:
        return lang, database_for(snapshot)
    except UnknownIdError:
        return _plain(f"unknown snapshot {str(snapshot)[:64]!r}", 404)


def _attachment(data: bytes, mimetype: str, name: str) -> flask.Response:
    response = flask.Response(data, mimetype=mimetype)
    response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def statutory_download(fmt: str = "html") -> flask.Response:
    if fmt not in MIMETYPES:
        return _plain(f"unknown format {fmt[:16]!r}: html, pdf or docx", 404)
    found = _arguments()
    if isinstance(found, flask.Response):
        return found
    lang, db = found
    snapshot = flask.request.args.get("snapshot") or None
    html = render_statutory(statutory_review(db), statutory_context(db, snapshot), lang)  # type: ignore[arg-type]
    name = f"statutory-review-{snapshot + '-' if snapshot else ''}{lang}.{fmt}"
    return _attachment(render_format(html, fmt), MIMETYPES[fmt], name)


def rates_download() -> flask.Response:
    """The per-year rates and assessments the statutory tables show, as CSV."""
    found = _arguments()
    if isinstance(found, flask.Response):
        return found
    lang, db = found
    name = f"statutory-per-year-rates-{lang}.csv"
    return _attachment(rates_csv(db, lang).encode("utf-8"), "text/csv", name)  # type: ignore[arg-type]


def register_statutory_briefing(server: flask.Flask) -> None:
    server.add_url_rule(FORMAT_PATH, "statutory_briefing", statutory_download, methods=["GET"])
    server.add_url_rule(RATES_PATH, "statutory_rates", rates_download, methods=["GET"])
