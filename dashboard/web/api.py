"""The JSON API, version 1 (docs/researchers.md › API): ``/api/v1/<table>`` for every table
of the download set, with the same filters, rows and rules as ``/download/<table>.csv``.

* Rows are the download set's typed rows, read through the read layer
  (:func:`pipelines.read.downloads.rows`, the download queries), in the same order, with the
  CSV headers of ``?lang=`` as field names. Values are JSON numbers,
  booleans, ISO dates and strings; suppressed values are ``null``.
* Paging: ``?limit=`` (at most :data:`MAX_LIMIT`) and an opaque ``cursor`` that the ``next``
  link (also sent as a ``Link`` header) carries. A cursor is tied to the query and to the
  data version: a malformed cursor, or one from another query, answers 400; one made before
  the data changed answers 409 (start again from the first page).
* ``ETag`` (weak: the same rows whatever the encoding) and ``Cache-Control`` depend on the
  data version; ``If-None-Match`` answers 304. Any origin may GET (CORS).
* Unknown parameters, malformed values and unknown ids answer 400, an unknown table or
  snapshot 404, always as ``{"error": {"status": …, "message": "…"}}``.

A table added to the download set (its declaration in ``public_fields``, ``export.ALLOWED``,
``pipelines.read.exports.QUERIES``) is served here and described in ``openapi.json`` unchanged;
a column added to a declaration is too.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, replace
from datetime import date
from typing import Any, Final
from urllib.parse import urlencode

import duckdb
import flask

from dashboard.api_limits import (
    CONTROLS,
    CURSOR_PATTERN,
    DEFAULT_LIMIT,
    ENUM_FILTERS,
    MAX_LIMIT,
    PREFIX,
)
from dashboard.context import public_root
from dashboard.database import Database
from dashboard.web.downloads import database_for
from dashboard.web.openapi import openapi_spec
from pipelines.errors import InvalidFilterError, UnknownIdError
from pipelines.read import downloads
from pipelines.read.version import data_version
from pipelines.release.export import ALLOWED, Filters, parse_filters
from pipelines.release.public_fields import FIELDS, TABLES

CACHE_CONTROL: Final = "public, max-age=60"
CORS_HEADERS: Final = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": "GET, OPTIONS",
    "Access-Control-Allow-Headers": "If-None-Match",
    "Access-Control-Expose-Headers": "ETag, Link",
    "Access-Control-Max-Age": "86400",
}
# A cursor: the data version's digest, the query's tag, the offset. Opaque to clients, but
# its shape is in the OpenAPI description (api_limits.CURSOR_PATTERN).
_CURSOR: Final = re.compile(CURSOR_PATTERN)


class ApiError(Exception):
    """A request the API refuses: its HTTP status and a one-line message."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass(frozen=True)
class Query:
    """One validated request for a page of ``table``."""

    table: str
    filters: Filters
    lang: str
    limit: int
    snapshot: str | None

    def tag(self) -> str:
        """Identifies the rows asked for (not the page): cursors belong to one query."""
        text = repr((self.table, self.filters, self.lang, self.snapshot))
        return hashlib.sha256(text.encode()).hexdigest()[:12]


def error(status: int, message: str) -> flask.Response:
    body = {"error": {"status": status, "message": message}}
    response = _json(body, status)
    response.headers["Cache-Control"] = "no-store"
    return response


def _json(body: object, status: int = 200) -> flask.Response:
    text = json.dumps(body, ensure_ascii=False, separators=(",", ":"))
    return flask.Response(text, status=status, mimetype="application/json")


def _one(args: dict[str, list[str]], name: str) -> str | None:
    values = args.pop(name, [])
    if len(values) > 1:
        raise ApiError(400, f"{name} may be given only once")
    return values[0] if values else None


def _limit(text: str | None) -> int:
    if text is None:
        return DEFAULT_LIMIT
    if not re.fullmatch(r"\d{1,9}", text) or int(text) < 1:
        raise ApiError(400, f"limit must be a whole number from 1 to {MAX_LIMIT}")
    if int(text) > MAX_LIMIT:
        raise ApiError(400, f"limit may be at most {MAX_LIMIT}, not {text}")
    return int(text)


def parse_query(table: str, args: dict[str, list[str]]) -> tuple[Query, str | None]:
    """The request's query and its raw cursor; ApiError for anything malformed."""
    unknown = sorted(set(args) - ALLOWED[table] - CONTROLS)
    if unknown:
        allowed = ", ".join(sorted(ALLOWED[table] | CONTROLS))
        raise ApiError(400, f"unknown parameter {unknown[0][:40]!r} for {table} "
                            f"(allowed: {allowed})")
    args = dict(args)
    lang = _one(args, "lang")
    if lang not in (None, "en", "fr"):
        raise ApiError(400, "lang must be en or fr")
    _refuse_empty(args)
    limit, cursor, snapshot = _limit(_one(args, "limit")), _one(args, "cursor"), _one(
        args, "snapshot")
    if snapshot == "":
        raise ApiError(400, "snapshot may not be empty: leave it out for the live data")
    try:
        filters = _filters(args, table)
    except InvalidFilterError as problem:
        raise ApiError(400, str(problem)) from None
    return Query(table, filters, lang or "en", limit, snapshot), cursor


def _filters(args: dict[str, list[str]], table: str) -> Filters:
    """The download filters, save one rule the description cannot state (it describes each
    parameter alone): ``status=demo`` asks for demonstration rows, so it implies
    ``include_demo=true``; with ``include_demo=false`` it matches no row (200, none)."""
    statuses = {item.strip() for value in args.get("status", []) for item in value.split(",")}
    dates = {k: args.pop(k) for k in ("from", "to") if k in args}
    if "demo" in statuses and "include_demo" not in args:
        args = {**args, "include_demo": ["true"]}
    if "demo" in statuses and "include_demo" in args:
        filters = parse_filters({k: v for k, v in args.items() if k != "status"}, table)
        filters = replace(filters, status=parse_filters({"status": args["status"],
                                                         "include_demo": ["true"]}, table).status)
    else:
        filters = parse_filters(args, table)
    # A period from after its end is an empty period: no row, not an error.
    found = {k: parse_filters({k: v}, table) for k, v in dates.items()}
    return replace(filters, date_from=found["from"].date_from if "from" in found else None,
                   date_to=found["to"].date_to if "to" in found else None)


def _refuse_empty(args: dict[str, list[str]]) -> None:
    """A filter whose values are an enumeration (its schema's ``enum``) takes no empty
    value, as the OpenAPI description says; free-text filters ignore one."""
    for name in ENUM_FILTERS & set(args):
        if any(not item.strip() for value in args[name] for item in value.split(",")):
            raise ApiError(400, f"{name} may not be empty: leave it out to have every {name}")


def make_cursor(query: Query, version: str, offset: int) -> str:
    return f"{_digest(version)}.{query.tag()}.{offset}"


def read_cursor(cursor: str | None, query: Query, version: str) -> int:
    """The offset a cursor points at (0 without one). A cursor of the documented shape that
    this query and this version of the data did not make answers 409: it is a request the
    description allows, for a page that no longer exists (start again)."""
    if cursor is None:
        return 0
    found = _CURSOR.fullmatch(cursor) if len(cursor) <= 64 else None
    if found is None:
        raise ApiError(400, "malformed cursor: use the next link of the previous page")
    if found.group(2) != query.tag():
        raise ApiError(409, "this cursor belongs to another query: start again from the "
                            "first page and follow the next links as given")
    if found.group(1) != _digest(version):
        raise ApiError(409, "the data changed since this cursor was made: start again from "
                            "the first page")
    return int(found.group(3))


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:12]


def json_rows(rows: list[Any], table: str, lang: str) -> list[dict[str, object]]:
    """Typed rows of ``table`` (:mod:`pipelines.read.table_rows`) as JSON objects keyed by
    the CSV headers of ``lang``: dates as ISO text, empty values as null."""
    names = [(f.name, f.header(lang)) for f in FIELDS[table]]
    return [{header: _json_value(getattr(row, name)) for name, header in names} for row in rows]


def _json_value(value: object) -> object:
    return value.isoformat() if isinstance(value, date) else value


def _next_link(cursor: str) -> str:
    items = [(k, v) for k, v in flask.request.args.items(multi=True) if k != "cursor"]
    return f"{public_root()}{flask.request.path}?{urlencode([*items, ('cursor', cursor)])}"


def _etag(version: str) -> str:
    items = sorted(flask.request.args.items(multi=True))
    return hashlib.sha256(f"{version}\n{flask.request.path}\n{items}".encode()).hexdigest()[:32]


def _page(db: Database, query: Query, version: str, offset: int) -> dict[str, object]:
    try:
        downloads.check_ids(db, query.filters)
    except InvalidFilterError as problem:  # an id of the documented shape that is not here
        raise ApiError(404, str(problem)) from None
    try:
        found = downloads.rows(db, query.table, query.filters, query.lang,
                               page=(offset, query.limit + 1))
    except InvalidFilterError as problem:
        raise ApiError(400, str(problem)) from None
    more = len(found) > query.limit
    rows = json_rows(found[:query.limit], query.table, query.lang)
    following = make_cursor(query, version, offset + query.limit) if more else None
    return {"table": query.table, "lang": query.lang,
            "as_of": query.filters.as_of.isoformat() if query.filters.as_of else None,
            "data_version": version, "limit": query.limit, "count": len(rows),
            "fields": [f.header(query.lang) for f in FIELDS[query.table]], "rows": rows,
            "next": _next_link(following) if following else None}


def table_rows(table: str) -> flask.Response:
    """``GET /api/v1/<table>``: one page of rows."""
    if table not in TABLES:
        return error(404, f"unknown table {table[:40]!r} (one of: {', '.join(TABLES)})")
    try:
        query, cursor = parse_query(table, flask.request.args.to_dict(flat=False))
        db = database_for(query.snapshot)
        version = data_version(db)
        etag = _etag(version)
        if flask.request.if_none_match.contains_weak(etag):
            return _cached(flask.Response(status=304), etag)
        body = _page(db, query, version, read_cursor(cursor, query, version))
    except ApiError as problem:
        return error(problem.status, problem.message)
    except UnknownIdError as problem:
        return error(404, str(problem))
    except duckdb.Error:
        flask.current_app.logger.exception("API read of %s failed", table)
        return error(500, "the data could not be read; try again later")
    response = _cached(_json(body), etag)
    if body["next"]:
        response.headers["Link"] = f'<{body["next"]}>; rel="next"'
    return response


def _cached(response: flask.Response, etag: str) -> flask.Response:
    response.set_etag(etag, weak=True)
    response.headers["Cache-Control"] = CACHE_CONTROL
    return response


def index() -> flask.Response:
    """``GET /api/v1``: the tables and where the description is."""
    root = public_root() + PREFIX
    return _json({"tables": {t: f"{root}/{t}" for t in TABLES},
                  "openapi": f"{root}/openapi.json", "limit": {"default": DEFAULT_LIMIT,
                                                               "max": MAX_LIMIT}})


def openapi_json() -> flask.Response:
    lang = flask.request.args.get("lang", "en")
    if set(flask.request.args) - {"lang"} or lang not in ("en", "fr"):
        return error(400, "openapi.json takes only lang (en or fr)")
    # The server is "/": clients resolve it against where they fetched this document, so
    # the document is right whatever address it was fetched from and names no Host.
    response = _json(openapi_spec("", lang))
    response.headers["Cache-Control"] = CACHE_CONTROL
    return response


def _cors(response: flask.Response) -> flask.Response:
    if flask.request.path == PREFIX or flask.request.path.startswith(PREFIX + "/"):
        response.headers.update(CORS_HEADERS)
    return response


def register_api(server: flask.Flask) -> None:
    """Add the API routes, and CORS headers to every answer under ``/api/v1``."""
    server.add_url_rule(PREFIX, "api_index", index)
    server.add_url_rule(f"{PREFIX}/openapi.json", "api_openapi", openapi_json)
    server.add_url_rule(f"{PREFIX}/<table>", "api_table", table_rows)
    server.after_request(_cors)
