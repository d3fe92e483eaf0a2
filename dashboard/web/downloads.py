"""Flask routes of the download set (docs/architecture.md › Contract):

``/download/<table>.csv`` and ``/download/<table>.xlsx`` for the public tables, filters as
query parameters, and ``/download/datapackage.zip``. Unknown tables are 404; unknown or
malformed parameters are 400 with a one-line message in the language asked for (``lang``).
Nothing is read from disk by name: the files are made from the database on request (the CSV
streamed from the query result, a chunk at a time), so no URL can reach a path.

Observations (10^6 rows and more) are sent in batches of at most ``BATCH_ROWS`` matching rows
(:mod:`pipelines.release.stream`), so a worker holds one batch, never the table.
``?bom=true`` starts a CSV with a byte-order mark, which Excel needs to read UTF-8 accents.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

import flask
import pandas as pd

from dashboard.context import SETTINGS_CONFIG_KEY, current_db, public_root
from dashboard.database import Database
from pipelines.errors import InvalidFilterError, UnknownIdError
from pipelines.language.i18n import t
from pipelines.read import downloads
from pipelines.release.export import Filters, header_csv, parse_filters, rows_csv
from pipelines.release.names import download_name
from pipelines.release.package import Release, zip_bytes
from pipelines.release.problems import FilterProblem, problem_text
from pipelines.release.public_fields import TABLES
from pipelines.release.xlsx import check_fits, xlsx_bytes

NOTEBOOK_NAME: Final = "researcher-start.ipynb"
LANGS: Final = ("en", "fr")
SNAPSHOT_DBS_KEY: Final = "TRACKER_SNAPSHOT_DATABASES"
# Observations are sent this many rows at a time: each batch is the matching rows of one
# rowid range, so a worker holds one batch, never the table. Measured at 10^6 rows
# (benchmarks/downloads.py): batches of 20,480 rows peaked at ~325 MB worker RSS, 4,096 at
# ~250-270 MB for about a third less throughput, still several times Datasette's.
BATCH_ROWS: Final = 2 * 2048
BOM: Final = "\ufeff".encode()
XLSX_TYPE: Final = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def database_for(snapshot: str | None) -> Database:
    """The live database, or the read-only database of a snapshot (UnknownIdError for a
    snapshot the manifest list does not name)."""
    if not snapshot:
        return current_db()
    from dataclasses import replace

    from pipelines.release.snapshot import snapshot_db

    settings = flask.current_app.config[SETTINGS_CONFIG_KEY]
    path = snapshot_db(settings, snapshot)
    cache: dict[str, Database] = flask.current_app.config.setdefault(SNAPSHOT_DBS_KEY, {})
    if snapshot not in cache:
        cache[snapshot] = Database(replace(settings, db_path=path))
    return cache[snapshot]


def _plain(message: str, status: int) -> flask.Response:
    return flask.Response(message + "\n", status=status, mimetype="text/plain")


def asked_lang() -> str:
    """The ``lang`` asked for, for messages (English unless it is exactly ``fr``)."""
    return "fr" if flask.request.args.get("lang") == "fr" else "en"


def refused(error: InvalidFilterError) -> flask.Response:
    """400 with the problem in the language asked for."""
    lang = asked_lang()
    return _plain(t("filter_problem.bad_request", lang, message=problem_text(error, lang)), 400)


def bom_flag(values: list[str]) -> bool:
    """``?bom=true|false`` (at most once); anything else is refused."""
    if len(values) > 1:
        raise FilterProblem("repeated", name="bom")
    text = values[0].strip().lower() if values else "false"
    if text not in {"true", "false"}:
        raise FilterProblem("bad_bom", value=values[0])
    return text == "true"


def request_filters(table: str, extension: str = "csv") -> tuple[Filters, str, Database, bool]:
    """The request's filters for ``table``, its language, database (live or snapshot) and
    whether a CSV starts with a byte-order mark. Raises InvalidFilterError, or
    UnknownIdError for an unknown snapshot."""
    query = flask.request.args.to_dict(flat=False)
    langs = query.pop("lang", ["en"])
    snapshots = query.pop("snapshot", [])
    boms = query.pop("bom", [])
    if len(langs) != 1 or langs[0] not in LANGS:
        raise FilterProblem("bad_lang")
    if len(snapshots) > 1:
        raise FilterProblem("repeated_snapshot")
    if boms and extension != "csv":
        raise FilterProblem("bom_not_csv")
    bom = bom_flag(boms)
    filters = parse_filters(query, table)
    return filters, langs[0], database_for(snapshots[0] if snapshots else None), bom


def current_release(db: Database) -> Release:
    return downloads.release(db, public_root() + "/data")


def _attachment(content: bytes | Iterator[bytes], mimetype: str, name: str) -> flask.Response:
    response = flask.Response(content, mimetype=mimetype)
    response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


def csv_body(table: str, lang: str, frames: Iterator[pd.DataFrame]) -> Iterator[bytes]:
    """The header, then each frame's rows, as CSV."""
    yield header_csv(table, lang).encode("utf-8")
    for frame in frames:
        yield rows_csv(frame, table).encode("utf-8")


def _stream(db: Database, table: str, filters: Filters, lang: str) -> Iterator[bytes]:
    # The cursor is this thread's until the body is sent: the response streams from it.
    return csv_body(table, lang, downloads.frames(db, table, filters, lang, BATCH_ROWS))


def with_bom(body: Iterator[bytes], bom: bool) -> Iterator[bytes]:
    if bom:
        yield BOM
    yield from body


def table_csv(table: str) -> flask.Response:
    if table not in TABLES:
        return _plain(f"unknown table {table[:40]!r} (one of: {', '.join(TABLES)})", 404)
    try:
        filters, lang, db, bom = request_filters(table)
        name = download_name(table, filters, lang)
        # Unknown ids raise here, before any header is sent.
        body = _stream(db, table, filters, lang)
    except InvalidFilterError as error:
        return refused(error)
    except UnknownIdError as error:
        return _plain(str(error), 404)
    return _attachment(with_bom(body, bom), "text/csv", name)


def table_xlsx(table: str) -> flask.Response:
    """The same rows as the CSV with the same filters, as a workbook (data, dictionary,
    citation)."""
    if table not in TABLES:
        return _plain(f"unknown table {table[:40]!r} (one of: {', '.join(TABLES)})", 404)
    try:
        filters, lang, db, _ = request_filters(table, "xlsx")
        # The release first: the rows stream from this thread's one cursor.
        release = current_release(db)
        check_fits(downloads.count_rows(db, table, filters, lang))
        frames = downloads.frames(db, table, filters, lang, BATCH_ROWS)
        query = "&".join(f"{k}={v}" for k, v in filters.query_items())
        content = xlsx_bytes(table, lang, frames, release, query)
    except InvalidFilterError as error:
        return refused(error)
    except UnknownIdError as error:
        return _plain(str(error), 404)
    return _attachment(content, XLSX_TYPE, download_name(table, filters, lang, "xlsx"))


def datapackage_zip() -> flask.Response:
    try:
        filters, lang, db, _ = request_filters("observations", "zip")
        release = current_release(db)
        files = downloads.file_set(db, release, filters, lang)
    except InvalidFilterError as error:
        return refused(error)
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
    # Imported here: they build on this module's helpers.
    from dashboard.web.availability_data import register_availability_data
    from dashboard.web.indicator_data import register_indicator_data

    register_availability_data(server)
    register_indicator_data(server)


def _by_name(name: str) -> flask.Response:
    if "/" not in name and name.endswith(".csv"):
        return table_csv(name.removesuffix(".csv"))
    if "/" not in name and name.endswith(".xlsx"):
        return table_xlsx(name.removesuffix(".xlsx"))
    return _plain(f"unknown download {name[:60]!r}", 404)
