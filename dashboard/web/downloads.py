"""Flask routes of the download set (docs/architecture.md › Contract):

``/download/<table>.csv`` for the five public tables, filters as query parameters, and
``/download/datapackage.zip``. Unknown tables are 404; unknown or malformed parameters are 400
with a one-line message. Nothing is read from disk by name: the CSVs are made from the
database on request (streamed from the query result, a chunk at a time), so no URL can reach
a path.

Observations (10^6 rows and more) are sent in batches of at most ``BATCH_ROWS`` matching rows
(:mod:`pipelines.release.stream`), so a worker holds one batch, never the table.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

import duckdb
import flask

from dashboard.context import SETTINGS_CONFIG_KEY, current_db
from dashboard.database import Database
from pipelines.errors import InvalidFilterError, UnknownIdError
from pipelines.release.export import (
    Filters,
    execute_public,
    header_csv,
    parse_filters,
    rows_csv,
)
from pipelines.release.names import download_name
from pipelines.release.package import Release, download_set, release_of, zip_bytes
from pipelines.release.public_fields import TABLES
from pipelines.release.stream import chunks, observation_batches

NOTEBOOK_NAME: Final = "researcher-start.ipynb"
LANGS: Final = ("en", "fr")
SNAPSHOT_DBS_KEY: Final = "TRACKER_SNAPSHOT_DATABASES"
# Observations are sent this many rows at a time: each batch is the matching rows of one
# rowid range, so a worker holds one batch, never the table. Measured at 10^6 rows
# (benchmarks/downloads.py): batches of 20,480 rows peaked at ~325 MB worker RSS, 4,096 at
# ~250-270 MB for about a third less throughput, still several times Datasette's.
BATCH_ROWS: Final = 2 * 2048

def database_for(snapshot: str | None) -> Database:
    """The live database, or the read-only database of a snapshot (UnknownIdError for a
    snapshot the manifest list does not name)."""
    if not snapshot:
        return current_db()
    from dataclasses import replace

    from pipelines.release.snapshot import snapshot_db

    settings = flask.current_app.config[SETTINGS_CONFIG_KEY]
    path = snapshot_db(settings, snapshot)
    cache = flask.current_app.config.setdefault(SNAPSHOT_DBS_KEY, {})
    if snapshot not in cache:
        cache[snapshot] = Database(replace(settings, db_path=path))
    return cache[snapshot]


def _plain(message: str, status: int) -> flask.Response:
    return flask.Response(message + "\n", status=status, mimetype="text/plain")


def request_filters(table: str) -> tuple[Filters, str, Database]:
    """The request's filters for ``table``, its language and database (live or snapshot).
    Raises InvalidFilterError, or UnknownIdError for an unknown snapshot."""
    query = flask.request.args.to_dict(flat=False)
    langs = query.pop("lang", ["en"])
    snapshots = query.pop("snapshot", [])
    if len(langs) != 1 or langs[0] not in LANGS:
        raise InvalidFilterError("lang must be en or fr")
    if len(snapshots) > 1:
        raise InvalidFilterError("snapshot may be given only once")
    filters = parse_filters(query, table)
    return filters, langs[0], database_for(snapshots[0] if snapshots else None)


def current_release(db: Database) -> Release:
    return release_of(db.cursor(), flask.request.url_root.rstrip("/") + "/data")


def _attachment(content: bytes | Iterator[bytes], mimetype: str, name: str) -> flask.Response:
    response = flask.Response(content, mimetype=mimetype)
    response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


def csv_chunks(result: duckdb.DuckDBPyConnection, table: str, lang: str) -> Iterator[bytes]:
    """The header, then the rows a few DuckDB vectors at a time, as CSV."""
    yield header_csv(table, lang).encode("utf-8")
    for frame in chunks(result, table):
        yield rows_csv(frame, table).encode("utf-8")


def observation_chunks(cursor: duckdb.DuckDBPyConnection, filters: Filters,
                       lang: str) -> Iterator[bytes]:
    """The observations CSV, ``BATCH_ROWS`` matching rows at a time (ids checked first)."""
    batches = observation_batches(cursor, filters, lang, BATCH_ROWS)

    def csv() -> Iterator[bytes]:
        yield header_csv("observations", lang).encode("utf-8")
        for frame in batches():
            yield rows_csv(frame, "observations").encode("utf-8")

    return csv()


def _stream(db: Database, table: str, filters: Filters, lang: str) -> Iterator[bytes]:
    # The cursor is this thread's until the body is sent: the response streams from it.
    cursor = db.cursor()
    # Figures as known on a day come from the vintages' own query, which is small; the
    # rowid batches read today's observations table.
    if table == "observations" and filters.as_of is None:
        return observation_chunks(cursor, filters, lang)
    return csv_chunks(execute_public(cursor, table, filters, lang), table, lang)


def table_csv(table: str) -> flask.Response:
    if table not in TABLES:
        return _plain(f"unknown table {table[:40]!r} (one of: {', '.join(TABLES)})", 404)
    try:
        filters, lang, db = request_filters(table)
        name = download_name(table, filters, lang)
        # Unknown ids raise here, before any header is sent.
        body = _stream(db, table, filters, lang)
    except InvalidFilterError as error:
        return _plain(f"bad request: {error}", 400)
    except UnknownIdError as error:
        return _plain(str(error), 404)
    return _attachment(body, "text/csv", name)


def datapackage_zip() -> flask.Response:
    try:
        filters, lang, db = request_filters("observations")
        release = current_release(db)
        files = download_set(db.cursor(), release, filters, lang)
    except InvalidFilterError as error:
        return _plain(f"bad request: {error}", 400)
    except UnknownIdError as error:
        return _plain(str(error), 404)
    name = f"ontario-aht-tracker-data-{release.version}-{release.date or 'undated'}.zip"
    return _attachment(zip_bytes(files), "application/zip", name)


def notebook() -> flask.Response:
    from pipelines.settings import REPO_ROOT

    content = (REPO_ROOT / "notebooks" / NOTEBOOK_NAME).read_bytes()
    return _attachment(content, "application/x-ipynb+json", NOTEBOOK_NAME)


def register_downloads(server: flask.Flask) -> None:
    """Add the download routes to the app's Flask server."""
    server.add_url_rule("/download/datapackage.zip", "download_zip", datapackage_zip)
    server.add_url_rule(f"/download/{NOTEBOOK_NAME}", "download_notebook", notebook)
    server.add_url_rule("/download/<path:name>", "download_table", _by_name)


def _by_name(name: str) -> flask.Response:
    if not name.endswith(".csv") or "/" in name:
        return _plain(f"unknown download {name[:60]!r}", 404)
    return table_csv(name.removesuffix(".csv"))
