"""``/review/quarterly/briefing.html?quarter=2026-27Q2&lang=fr``: the briefing as a download.

Read-only like every page. Parameters are checked against an allow-list: an unknown
parameter, a ``lang`` other than en/fr or a malformed quarter answer 400; a well-formed
quarter with no data answers 404. Without ``quarter`` the latest quarter with data is used.
"""

from __future__ import annotations

import csv
import io
from dataclasses import fields
from typing import Final

import flask

from dashboard.context import current_db
from dashboard.reports.briefing import briefing_context, render_briefing
from dashboard.reports.formats import MIMETYPES, render_format
from pipelines.language.i18n import Lang
from pipelines.periods import FiscalQuarter
from pipelines.read.core import fetch
from pipelines.read.review import NoQuarterlyData, available_quarters, quarter_review
from pipelines.read.rows import Revision

PATH: Final[str] = "/review/quarterly/briefing.html"
PARAMETERS: Final[frozenset[str]] = frozenset({"quarter", "lang"})


def _plain(message: str, status: int) -> flask.Response:
    return flask.Response(message + "\n", status=status, mimetype="text/plain")


def _lang(value: str | None) -> Lang | None:
    if value is None or value == "en":
        return "en"
    return "fr" if value == "fr" else None


def briefing_download(fmt: str = "html") -> flask.Response:
    if fmt not in MIMETYPES:
        return _plain(f"unknown format {fmt[:16]!r}: html, pdf or docx", 404)
    args = flask.request.args
    unknown = sorted(set(args) - PARAMETERS)
    if unknown:
        return _plain(f"bad request: unknown parameter {unknown[0][:40]!r}", 400)
    lang = _lang(args.get("lang"))
    if lang is None:
        return _plain("bad request: lang must be en or fr", 400)
    db = current_db()
    try:
        quarter = (FiscalQuarter.parse(args["quarter"]) if "quarter" in args
                   else available_quarters(db)[0])
        review = quarter_review(db, quarter)
    except ValueError as error:
        return _plain(f"bad request: {error}", 400)
    except (NoQuarterlyData, IndexError):
        return _plain(f"no quarterly data for {args.get('quarter', 'any quarter')[:40]}", 404)
    html = render_briefing(review, briefing_context(db, lang), lang)
    response = flask.Response(render_format(html, fmt), mimetype=MIMETYPES[fmt])
    name = f"briefing-{quarter.label}-{lang}.{fmt}"
    response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def revisions_download() -> flask.Response:
    """``/review/quarterly/revisions.csv?quarter=…``: every revised value the review of the
    quarter shows (``marts.quarter_revisions``), one row each; ``demo=true`` marks a
    demonstration value."""
    args = flask.request.args
    unknown = sorted(set(args) - PARAMETERS)
    if unknown:
        return _plain(f"bad request: unknown parameter {unknown[0][:40]!r}", 400)
    db = current_db()
    try:
        quarter = (FiscalQuarter.parse(args["quarter"]) if "quarter" in args
                   else available_quarters(db)[0])
    except ValueError as error:
        return _plain(f"bad request: {error}", 400)
    except IndexError:
        return _plain("no quarterly data", 404)
    if quarter not in available_quarters(db):
        return _plain(f"no quarterly data for {quarter.label}", 404)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    columns = [f.name for f in fields(Revision)]
    writer.writerow(["review_quarter", *columns])
    for row in fetch(db, "quarter_revisions", Revision, quarter=quarter.label):
        writer.writerow([quarter.label, *["" if getattr(row, c) is None
                                          else str(getattr(row, c)).lower()
                                          if isinstance(getattr(row, c), bool)
                                          else getattr(row, c) for c in columns]])
    response = flask.Response(out.getvalue(), mimetype="text/csv")
    response.headers["Content-Disposition"] = (
        f'attachment; filename="revisions-{quarter.label}.csv"')
    return response


def register_briefing(server: flask.Flask) -> None:
    server.add_url_rule("/review/quarterly/briefing.<fmt>", "quarterly_briefing",
                        briefing_download, methods=["GET"])
    server.add_url_rule("/review/quarterly/revisions.csv", "quarterly_revisions",
                        revisions_download, methods=["GET"])
