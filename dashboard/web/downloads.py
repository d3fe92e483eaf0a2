"""Flask routes of the download set (README, Architecture › Contract):

``/download/<table>.csv`` for the five public tables, filters as query parameters, and
``/download/datapackage.zip``. Unknown tables are 404; unknown or malformed parameters are 400
with a one-line message. Nothing is read from disk by name: the CSVs are made from the
database on request (streamed from the query result, a chunk at a time), so no URL can reach
a path.
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
    tidy,
)
from pipelines.release.names import download_name
from pipelines.release.package import Release, download_set, release_of, zip_bytes
from pipelines.release.public_fields import TABLES

NOTEBOOK_NAME: Final = "researcher-start.ipynb"
LANGS: Final = ("en", "fr")
SNAPSHOT_DBS_KEY: Final = "TRACKER_SNAPSHOT_DATABASES"
# A CSV download streams in chunks of this many DuckDB vectors (2,048 rows each): a worker
# holds ~20,000 rows at a time instead of the whole table (2.2 GB at 10^6 rows, buffered).
STREAM_VECTORS: Final = 10


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
    """The header, then the rows ``STREAM_VECTORS`` DuckDB vectors at a time, as CSV."""
    yield header_csv(table, lang).encode("utf-8")
    while True:
        chunk = result.fetch_df_chunk(STREAM_VECTORS)
        if chunk.empty:
            return
        yield rows_csv(tidy(chunk, table), table).encode("utf-8")


def table_csv(table: str) -> flask.Response:
    if table not in TABLES:
        return _plain(f"unknown table {table[:40]!r} (one of: {', '.join(TABLES)})", 404)
    try:
        filters, lang, db = request_filters(table)
        name = download_name(table, filters, lang)
        # Last query on this thread's cursor until the body is sent: the response streams
        # from its result. Unknown ids raise here, before any header is sent.
        result = execute_public(db.cursor(), table, filters, lang)
    except InvalidFilterError as error:
        return _plain(f"bad request: {error}", 400)
    except UnknownIdError as error:
        return _plain(str(error), 404)
    return _attachment(csv_chunks(result, table, lang), "text/csv", name)


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
