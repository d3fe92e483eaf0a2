"""Frozen, checksummed releases: ``python -m pipelines snapshot --label "2030 review"``.

A snapshot is a folder ``<snapshots_dir>/<slug>/`` holding its own compact database (public
tables only, demonstration rows left out), the export set, ``CHANGELOG.md`` (what changed since
the previous snapshot) and ``manifest.json`` (label, dates, the content sha256 and the sha256 of
every file). The content sha256 hashes the sorted rows of every public table, so it does not
depend on DuckDB's file layout. A label is never reused: a snapshot never changes.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Final

import duckdb

from pipelines import sql, writer
from pipelines.errors import DatabaseNotBuilt, SnapshotExistsError, TrackerError, UnknownIdError
from pipelines.marts import build_marts
from pipelines.release.changelog import changelog_markdown
from pipelines.release.package import Release, release_of, write_export
from pipelines.settings import Settings
from pipelines.sql import quoted

DB_NAME: Final = "strategy.duckdb"
SLUG_PATTERN: Final = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")
# Copied into a snapshot; the WHERE clauses leave demonstration rows out.
COPIED: Final[dict[str, str]] = {
    **{table: "TRUE" for table in sql.PUBLIC_TABLES},
    "marts.observations": "status <> 'demo'",
    "meta.sources": "kind <> 'demo'",
    "meta.build_info": "TRUE",
    # What the snapshot's own marts (progress, deliverable histories) are rebuilt from, without
    # demonstration records: build_marts runs on the copy (docs/architecture.md › Data flow).
    "marts.milestone_indicators": "TRUE",
    "marts.milestone_status": "source = 'reference'",
    "staging.milestone_records": "source <> 'demo'",
}


@dataclass(frozen=True)
class Manifest:
    slug: str
    label: str
    created: str
    built_at: str
    content_sha256: str
    files: dict[str, str]


def slugify(label: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", label.strip().lower()).strip("-")[:64]
    if not SLUG_PATTERN.match(slug):
        raise TrackerError(f"label {label!r} has no letters or digits to name a folder with")
    return slug


def open_read_only(path: Path) -> duckdb.DuckDBPyConnection:
    if not path.exists():
        raise DatabaseNotBuilt(f"database {path} does not exist; run `python -m pipelines build`")
    return duckdb.connect(str(path), read_only=True)


def content_sha256(con: duckdb.DuckDBPyConnection) -> str:
    """sha256 of the sorted rows of every public table (independent of file bytes)."""
    digest = hashlib.sha256()
    for table in sorted(sql.PUBLIC_TABLES):
        rows = con.execute(f"SELECT * FROM {table}").fetchall()  # noqa: S608 (code constant)
        digest.update(table.encode())
        for line in sorted(json.dumps(list(r), default=str, ensure_ascii=False) for r in rows):
            digest.update(line.encode() + b"\n")
    return digest.hexdigest()


def file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def list_snapshots(settings: Settings) -> list[Manifest]:
    """Every snapshot, oldest first."""
    folder = settings.snapshots_dir
    manifests = []
    for path in sorted(folder.glob("*/manifest.json")) if folder.exists() else []:
        data = json.loads(path.read_text(encoding="utf-8"))
        manifests.append(Manifest(**data))
    return sorted(manifests, key=lambda m: (m.created, m.slug))


def snapshot_db(settings: Settings, slug: str) -> Path:
    """The database file of snapshot ``slug``; :class:`UnknownIdError` for any other text."""
    known = {m.slug for m in list_snapshots(settings)}
    if not SLUG_PATTERN.match(slug or "") or slug not in known:
        raise UnknownIdError(f"unknown snapshot {slug[:64]!r}")
    return settings.snapshots_dir / slug / DB_NAME


def _copy_public(source: Path, target: Path, label: str, settings: Settings) -> None:
    """Copy the public tables into a new, compact file (16 KB blocks keep a small database
    small enough to commit)."""
    with duckdb.connect() as con:
        con.execute(f"ATTACH {quoted(target)} AS snap (BLOCK_SIZE 16384)")
        con.execute("USE snap")
        sql.create_schema(con)
        con.execute(f"ATTACH {quoted(source)} AS source (READ_ONLY)")
        for table, where in COPIED.items():
            con.execute(f"INSERT INTO snap.{table} BY NAME "  # noqa: S608 (code constants)
                        f"SELECT * FROM source.{table} WHERE {where}")
        con.execute("DETACH source")
        build_marts(con, settings)
        con.execute("INSERT INTO snap.meta.build_info VALUES ('snapshot_label', $label)",
                    {"label": label})
        con.execute("CHECKPOINT snap")


def create_snapshot(settings: Settings, label: str, url: str) -> Manifest:
    """Freeze ``settings.db_path`` as snapshot ``label``. Raises when the label is taken.

    Runs under the one writer's lock (docs/architecture.md › One writer): the database does
    not change while it is copied, two snapshots cannot take the same label, and folders left
    by a killed snapshot are removed first."""
    slug = slugify(label)
    if not settings.db_path.exists():
        open_read_only(settings.db_path)
    with writer.exclusive(settings, reason=f"snapshot {slug}"):
        target = settings.snapshots_dir / slug
        if target.exists():
            raise SnapshotExistsError(f"snapshot {slug!r} already exists; snapshots never change")
        previous = list_snapshots(settings)
        for stale in settings.snapshots_dir.glob(".*.building"):
            shutil.rmtree(stale, ignore_errors=True)
        building = settings.snapshots_dir / f".{slug}.{os.getpid()}.building"
        building.mkdir(parents=True)
        try:
            _copy_public(settings.db_path, building / DB_NAME, label, settings)
            manifest = _write_contents(building, settings, slug, label, url, previous)
            _freeze(building)
            os.replace(building, target)
        finally:
            shutil.rmtree(building, ignore_errors=True)
    return manifest


def _write_contents(folder: Path, settings: Settings, slug: str, label: str, url: str,
                    previous: list[Manifest]) -> Manifest:
    with open_read_only(folder / DB_NAME) as con:
        release = release_of(con, url, label)
        write_export(con, folder / "export", release)
        before = previous[-1] if previous else None
        before_db = settings.snapshots_dir / before.slug / DB_NAME if before else None
        (folder / "CHANGELOG.md").write_text(
            changelog_markdown(con, before_db, label, before.label if before else None),
            encoding="utf-8")
        digest = content_sha256(con)
    files = {p.relative_to(folder).as_posix(): file_sha256(p)
             for p in sorted(folder.rglob("*")) if p.is_file()}
    created = datetime.now(UTC).replace(microsecond=0).isoformat()
    manifest = Manifest(slug, label, created, release.created, digest, files)
    (folder / "manifest.json").write_text(json.dumps(manifest.__dict__, indent=2) + "\n",
                                          encoding="utf-8")
    return manifest


def _freeze(folder: Path) -> None:
    for path in folder.rglob("*"):
        if path.is_file():
            path.chmod(0o444)


def verify_snapshot(settings: Settings, slug: str) -> list[str]:
    """Problems found re-checking a snapshot against its manifest (empty when intact)."""
    folder = settings.snapshots_dir / slug
    manifest = Manifest(**json.loads((folder / "manifest.json").read_text(encoding="utf-8")))
    problems = [f"{name}: sha256 differs from the manifest"
                for name, digest in manifest.files.items()
                if not (folder / name).exists() or file_sha256(folder / name) != digest]
    with open_read_only(snapshot_db(settings, slug)) as con:
        if content_sha256(con) != manifest.content_sha256:
            problems.append(f"{DB_NAME}: content sha256 differs from the manifest")
    return problems


__all__ = ["Manifest", "Release", "create_snapshot", "list_snapshots", "snapshot_db",
           "verify_snapshot"]
