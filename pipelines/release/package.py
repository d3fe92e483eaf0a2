"""The download set as files: each table as CSV with a Parquet copy of the same rows,
``datapackage.json`` (Frictionless), ``README.md`` with the citation, ``data-dictionary.csv``;
zipped deterministically for ``/download/datapackage.zip`` and written to a folder by
``python -m pipelines export``.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Final

import duckdb
import pandas as pd
import pyarrow.parquet as pq

from pipelines.release.export import ALLOWED, Filters, check_known_ids, csv_bytes, public_frame
from pipelines.release.public_fields import (
    FIELDS,
    FOREIGN_KEYS,
    PANDAS_DTYPES,
    PRIMARY_KEYS,
    READR_TYPES,
    TABLES,
)

TITLE_EN: Final = "Ontario anti-human trafficking strategy tracker: data"
TITLE_FR: Final = ("Suivi de la stratégie ontarienne de lutte contre la traite des personnes : "
                   "données")
LICENCE: Final = {"name": "OGL-Ontario-1.0", "title": "Open Government Licence – Ontario",
                  "path": "https://www.ontario.ca/page/open-government-licence-ontario"}
ZIP_TIME: Final = (1980, 1, 1, 0, 0, 0)
SQL_TYPES: Final = {"string": "VARCHAR", "number": "DOUBLE", "integer": "BIGINT",
                    "boolean": "BOOLEAN", "date": "DATE"}


@dataclass(frozen=True)
class Release:
    """What a citation names: the version (snapshot label or build inputs hash prefix), the
    build date and where the data lives."""

    version: str
    created: str
    url: str

    @property
    def date(self) -> str:
        return self.created[:10]

    def citation(self, lang: str = "en") -> str:
        title = TITLE_FR if lang == "fr" else TITLE_EN
        words = ("version", "données du", "Disponible à") if lang == "fr" else (
            "version", "built", "Available at")
        return (f"{title}, {words[0]} {self.version} ({words[1]} {self.date}). "
                f"{words[2]} {self.url}")


def release_of(con: duckdb.DuckDBPyConnection, url: str, label: str | None = None) -> Release:
    """The release a database holds, from ``meta.build_info``: a snapshot's label, else the
    first 12 characters of the build's inputs sha256."""
    info = dict(con.execute("SELECT key, value FROM meta.build_info").fetchall())
    version = label or info.get("snapshot_label") or (info.get("inputs_sha256") or "unknown")[:12]
    return Release(version, info.get("built_at", ""), url)


def _field(field_name: str, table: str, lang: str) -> dict[str, object]:
    spec = next(f for f in FIELDS[table] if f.name == field_name)
    result: dict[str, object] = {"name": spec.header(lang), "type": spec.kind,
                                 "description": spec.description(),
                                 # How to read the column (Frictionless allows more
                                 # properties): its role and the dtype pandas reads it as.
                                 "role": spec.role, "pandasDtype": PANDAS_DTYPES[spec.kind]}
    if spec.label_of:
        result["labelOf"] = _header(table, spec.label_of, lang)
    if spec.kind == "boolean":
        result.update(trueValues=["true"], falseValues=["false"])
    if spec.allowed:
        result["constraints"] = {"enum": list(spec.allowed)}
    return result


def _header(table: str, name: str, lang: str) -> str:
    return next(f for f in FIELDS[table] if f.name == name).header(lang)


def _schema(table: str, lang: str) -> dict[str, object]:
    schema: dict[str, object] = {
        "fields": [_field(f.name, table, lang) for f in FIELDS[table]],
        "missingValues": [""],
        "primaryKey": [_header(table, k, lang) for k in PRIMARY_KEYS[table]],
    }
    keys = FOREIGN_KEYS.get(table, ())
    if keys:
        schema["foreignKeys"] = [
            {"fields": [_header(table, column, lang)],
             "reference": {"resource": other, "fields": [_header(other, target, lang)]}}
            for column, other, target in keys]
    return schema


def _sources(con: duckdb.DuckDBPyConnection, include_demo: bool) -> list[dict[str, str]]:
    rows = con.execute("SELECT title, url, publisher FROM meta.sources "
                       "WHERE $demo OR kind <> 'demo' ORDER BY source_id",
                       {"demo": include_demo}).fetchall()
    return [{"title": title, **({"path": url} if url else {}), "publisher": publisher}
            for title, url, publisher in rows]


def datapackage(con: duckdb.DuckDBPyConnection, release: Release, lang: str = "en",
                include_demo: bool = False) -> dict[str, object]:
    """The ``datapackage.json`` descriptor (Frictionless Data Package v1, tabular)."""
    return {
        "profile": "tabular-data-package",
        "name": "ontario-anti-human-trafficking-strategy-tracker",
        "title": f"{TITLE_EN} / {TITLE_FR}",
        "description": ("Published figures, targets and commitments of Ontario's "
                        "anti-human trafficking strategies, with their sources. / Chiffres "
                        "publiés, cibles et engagements des stratégies ontariennes de lutte "
                        "contre la traite des personnes, avec leurs sources."),
        "version": release.version, "created": release.created, "homepage": release.url,
        "licenses": [LICENCE], "sources": _sources(con, include_demo),
        "resources": [{
            "name": table, "path": f"{table}.csv", "profile": "tabular-data-resource",
            "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
            "schema": _schema(table, lang)} for table in TABLES],
    }


# Appended columns keep the first seven where they were.
DICTIONARY_COLUMNS: Final = ("table", "column", "column_fr", "type", "description_en",
                             "description_fr", "allowed_values", "role", "label_of",
                             "pandas_dtype", "readr_type")


def dictionary_rows() -> list[tuple[str, ...]]:
    """One row per column of every table, in :data:`DICTIONARY_COLUMNS` order. ``role``
    says whether the column holds codes (the same in both languages), labels in the file's
    language, verbatim text or values."""
    return [(table, f.name, f.name_fr, f.kind, f.en, f.fr, " ".join(f.allowed), f.role,
             f.label_of or "", PANDAS_DTYPES[f.kind], READR_TYPES[f.kind])
            for table, table_fields in FIELDS.items() for f in table_fields]


def data_dictionary_bytes() -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(DICTIONARY_COLUMNS)
    for row in dictionary_rows():
        writer.writerow(row)
    return buffer.getvalue().encode("utf-8")


README: Final = """# {title_en}

*{title_fr}*

Version {version}, built {date}. Data set home: {url}

## How to cite / Comment citer

{citation_en}

{citation_fr}

## Files / Fichiers

{files}

`datapackage.json` describes every column (Frictionless Data Package) and
`data-dictionary.csv` lists them with English and French descriptions.
One row per observation; dates are ISO (YYYY-MM-DD); `qualifier` keeps "more than", "about"...;
`suppressed=true` rows have an empty `value` (small counts of people are never published).
Demonstration rows (`status=demo`) are left out unless asked for.

Text cells that begin with = + - @, a tab or a carriage return start with an added `'` so that
spreadsheets do not run them as formulas. Parquet files keep the text exactly as stored.

## Licence / Licence

Figures published by the Government of Ontario: {licence} ({licence_url}).
Each row names its source (`source_id`, see `sources.csv`); figures from other publishers keep
their own terms of use. / Les chiffres publiés par le gouvernement de l'Ontario : Licence du
gouvernement ouvert – Ontario. Chaque ligne nomme sa source; les chiffres d'autres éditeurs
restent soumis à leurs propres conditions d'utilisation.
"""


def readme_bytes(release: Release) -> bytes:
    files = "\n".join(f"- `{t}.csv`, `{t}.parquet`: {t}" for t in TABLES)
    return README.format(
        title_en=TITLE_EN, title_fr=TITLE_FR, version=release.version, date=release.date,
        url=release.url, citation_en=release.citation("en"), citation_fr=release.citation("fr"),
        files=files, licence=LICENCE["title"], licence_url=LICENCE["path"]).encode("utf-8")


def download_set(con: duckdb.DuckDBPyConnection, release: Release,
                 filters: Filters | None = None, lang: str = "en") -> dict[str, bytes]:
    """Every file of the download set by name, in a stable order: each table as CSV and as a
    Parquet copy of the same rows, the descriptor, the data dictionary and the README."""
    filters = filters or Filters()
    files: dict[str, bytes] = {}
    for table in TABLES:
        frame = public_frame(con, table, for_table(filters, table), lang)
        files[f"{table}.csv"] = csv_bytes(frame, table, lang)
        files[f"{table}.parquet"] = parquet_bytes(frame, table, lang)
    descriptor = datapackage(con, release, lang, filters.include_demo)
    files["datapackage.json"] = (json.dumps(descriptor, ensure_ascii=False, indent=2)
                                 + "\n").encode("utf-8")
    files["data-dictionary.csv"] = data_dictionary_bytes()
    files["README.md"] = readme_bytes(release)
    return files


def for_table(filters: Filters, table: str) -> Filters:
    """The part of ``filters`` that applies to ``table`` (a pillar filter narrows indicators
    but a geography filter does not narrow sources)."""
    allowed = ALLOWED[table]
    keep = {"pillar", "indicator", "geography", "source"} & allowed
    return Filters(
        **{name: getattr(filters, name) for name in keep},
        status=filters.status if "status" in allowed and table == "observations" else (),
        date_from=filters.date_from if "from" in allowed else None,
        date_to=filters.date_to if "to" in allowed else None,
        include_demo=filters.include_demo, as_of=filters.as_of if "as_of" in allowed else None)


def zip_bytes(files: dict[str, bytes]) -> bytes:
    """A zip whose bytes depend only on ``files`` (fixed timestamps, sorted names)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, files[name])
    return buffer.getvalue()


def write_export(con: duckdb.DuckDBPyConnection, out: Path, release: Release,
                 filters: Filters | None = None, lang: str = "en") -> list[Path]:
    """Write the download set into ``out`` (a Parquet file beside each CSV). Filters are
    checked before anything is written."""
    check_known_ids(con, filters or Filters())
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, content in download_set(con, release, filters, lang).items():
        (out / name).write_bytes(content)
        written.append(out / name)
    return written


def parquet_bytes(frame: pd.DataFrame, table: str, lang: str) -> bytes:
    """The rows of ``frame`` as a Parquet file with ``lang`` column names and the declared
    types (dates as dates, numbers as numbers), text exactly as stored."""
    renamed = frame.rename(columns={f.name: f.header(lang) for f in FIELDS[table]})
    for f in FIELDS[table]:
        if f.kind == "date":
            renamed[f.header(lang)] = pd.to_datetime(renamed[f.header(lang)])
    columns = ", ".join(f'CAST("{f.header(lang)}" AS {SQL_TYPES[f.kind]}) '
                        f'AS "{f.header(lang)}"' for f in FIELDS[table])
    with duckdb.connect() as scratch:
        scratch.register("frame", renamed)
        arrow = scratch.sql(f"SELECT {columns} FROM frame").to_arrow_table()  # noqa: S608 (headers from FIELDS)
    buffer = io.BytesIO()
    # No timestamps are written: the same rows give the same bytes.
    pq.write_table(arrow, buffer, compression="zstd")
    return buffer.getvalue()
