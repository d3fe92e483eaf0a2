"""``python -m pipelines build``: the whole database from ``data/``, atomically.

Everything is validated first (all problems at once). The database is then created by the one
writer (:func:`pipelines.writer.rebuild`: a temporary file beside the target, checked, swapped
in with ``os.replace``), so a reader never sees half a build and a rejected build leaves the
existing database untouched. Submissions ingested into the previous database (``meta.loads``
and the staging tables listed in :data:`CARRY_OVER`) are copied into the new one under the
writer's lock, so a rebuild never loses a load accepted while it was running.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from pipelines import sql, submissions, writer
from pipelines.errors import DataRejected, Problem
from pipelines.settings import Settings
from pipelines.sources.context import RAW_FILE, ContextData, read_context
from pipelines.sources.raw import RawDocument, load_documents, read_sidecar, verify_sha256
from pipelines.sources.reference import Reference, read_reference
from pipelines.sources.tables import Row

SCHEMA_VERSION = "1"
# Tables whose rows come from ingests, not from data/: kept across rebuilds.
CARRY_OVER = ("meta.loads", "staging.submission_rows", "staging.milestone_records")


@dataclass(frozen=True)
class BuildReport:
    db_path: Path
    counts: dict[str, int]
    inputs_sha256: str

    def summary(self) -> str:
        parts = ", ".join(f"{n} {table}" for table, n in self.counts.items())
        return f"Built {self.db_path}: {parts}"


@dataclass
class Inputs:
    documents: dict[str, RawDocument]
    reference: Reference
    context: ContextData
    context_sha256: str


def read_inputs(settings: Settings) -> Inputs:
    """Read and check everything under ``data/``; raise :class:`DataRejected` with every
    problem found."""
    root = settings.data_dir.parent

    def label_of(path: Path) -> str:
        try:
            return path.resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            return path.as_posix()

    documents = load_documents(settings.raw_dir)
    context_path = settings.raw_dir / RAW_FILE
    context_sha = verify_sha256(context_path, read_sidecar(context_path).get("sha256"))
    reference, problems = read_reference(settings.reference_dir, root, documents)
    indicators = {str(r["indicator_id"]): r for r in reference["indicators"].rows}
    geographies = reference["geographies"].keys("geography_id")
    context, more = read_context(settings.reference_dir, settings.raw_dir, label_of,
                                 indicators, geographies)
    problems.extend(more)
    problems.extend(_check_context_sources(context, documents))
    if problems:
        raise DataRejected(problems)
    return Inputs(documents, reference, context, context_sha)


def _check_context_sources(context: ContextData,
                           documents: dict[str, RawDocument]) -> list[Problem]:
    return [context.sources.problem(i, "source_id", f"source_id {row['source_id']!r} is "
                                    "already used by a document in data/raw")
            for i, row in context.sources.numbered() if row["source_id"] in documents]


def build_database(settings: Settings, *, demo: bool = False) -> BuildReport:
    """Build ``settings.db_path`` from ``settings.data_dir``. Raises before writing anything
    when the inputs are rejected."""
    inputs = read_inputs(settings)
    inputs_sha = _inputs_sha256(settings)
    # publish() recomputes the marts as its last step, so the writer need not.
    with writer.rebuild(settings, reason="build", marts=False) as fresh:
        con = fresh.con
        sql.create_schema(con)
        _load(con, inputs)
        if fresh.previous is not None:
            _carry_over(con, fresh.previous)
        if demo:
            submissions.add_demo(con, settings)
        else:
            submissions.drop_demo(con)
        submissions.publish(con, settings)
        _write_build_info(con, inputs_sha, demo, settings.strategy_id)
        counts = sql.table_counts(con)
    return BuildReport(settings.db_path, counts, inputs_sha)


def _load(con: duckdb.DuckDBPyConnection, inputs: Inputs) -> None:
    ref = inputs.reference
    sql.insert_rows(con, "meta.sources", _document_sources(inputs.documents)
                    + _context_sources(inputs.context, inputs.context_sha256))
    for name in ("strategies", "pillars", "geographies", "units", "indicators", "targets",
                 "milestones", "milestone_indicators"):
        sql.insert_rows(con, f"marts.{name}", ref[name].rows)
    units = {r["indicator_id"]: r["unit"] for r in ref["indicators"].rows}
    observations = [_published(row, units, series_id=None) for row in ref["observations"].rows]
    observations += [_published(row, units, series_id=row["series_id"])
                     for row in inputs.context.observations]
    sql.insert_rows(con, "marts.observations", observations)


def _published(row: Row, units: dict[object, object], series_id: object) -> Row:
    key = "|".join(str(row[k]) for k in ("indicator_id", "geography", "breakdown",
                                          "period_start", "period_end", "source_id"))
    return {
        **{k: v for k, v in row.items() if k != "series_id"},
        "observation_id": hashlib.sha256(key.encode()).hexdigest()[:20],
        "unit": units[row["indicator_id"]], "status": "published", "suppressed": False,
        "series_id": series_id, "load_id": None, "revision": False,
    }


def _document_sources(documents: dict[str, RawDocument]) -> list[Row]:
    return [{
        "source_id": d.source_id, "title": d.title, "publisher": d.publisher,
        "publisher_fr": d.publisher_fr,
        "language": d.language, "published": d.published, "published_about": d.published_about,
        "url": d.url, "sha256": d.sha256, "raw_file": d.path.name, "kind": "document",
        "tier": None, "edition_en": d.edition_en, "edition_fr": d.edition_fr,
    } for d in documents.values()]


def _context_sources(context: ContextData, sha256: str) -> list[Row]:
    return [{
        "source_id": r["source_id"], "title": r["title"], "publisher": r["publisher"],
        "publisher_fr": r["publisher_fr"],
        "language": r["language"], "published": r["published"], "published_about": False,
        "url": r["source_url"], "sha256": sha256, "raw_file": RAW_FILE, "kind": "context",
        "tier": "primary", "edition_en": r["edition_en"], "edition_fr": r["edition_fr"],
    } for r in context.sources.rows]


def _carry_over(con: duckdb.DuckDBPyConnection, previous: Path) -> None:
    # ATTACH takes no prepared parameters; the path is ours (settings), quoted as a literal.
    con.execute(f"ATTACH {sql.quoted(previous)} AS previous (READ_ONLY)")
    try:
        for table in CARRY_OVER:
            if sql.table_exists(con, table) and sql.table_exists(con, table, "previous"):
                con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM previous.{table}")  # noqa: S608 (allow-listed identifiers)
    finally:
        con.execute("DETACH previous")


def _inputs_sha256(settings: Settings) -> str:
    digest = hashlib.sha256()
    for folder in (settings.raw_dir, settings.reference_dir):
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            digest.update(path.relative_to(settings.data_dir).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def _write_build_info(con: duckdb.DuckDBPyConnection, inputs_sha: str, demo: bool,
                      strategy_id: str) -> None:
    built_at = datetime.now(UTC).replace(microsecond=0).isoformat()
    sql.insert_rows(con, "meta.build_info", [
        {"key": "built_at", "value": built_at},
        {"key": "inputs_sha256", "value": inputs_sha},
        {"key": "demo", "value": "true" if demo else "false"},
        {"key": "schema_version", "value": SCHEMA_VERSION},
        # The strategy this build follows (the settings'): pages ask the data, not a literal.
        {"key": "strategy_id", "value": strategy_id},
    ])
