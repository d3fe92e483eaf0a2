"""Databases built by the real pipeline from data/: the plain build (published figures only)
and the demonstration build (plus the labelled demonstration submissions), each built once
per test run and shared read-only. Under pytest-xdist the workers share one file per build:
the first worker to ask builds it under a file lock beside the workers' temporary folders
(the pattern pytest-xdist documents); the others wait and reuse it. A test that writes takes
its own copy (:func:`copy_of`)."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Literal

import duckdb
import pytest
from filelock import FileLock

from pipelines.build import build_database
from pipelines.settings import load_settings

Build = Literal["plain", "demo"]


def worker_id(config: pytest.Config) -> str:
    """This process's pytest-xdist worker id ("gw0", ...), or "master" when not distributed."""
    workerinput = getattr(config, "workerinput", None)
    return str(workerinput["workerid"]) if workerinput else "master"


def _shared_folder(factory: pytest.TempPathFactory, worker: str) -> Path:
    """Where this run's shared builds live: the run's own base temporary folder without
    xdist; under xdist, the folder that holds every worker's (one per run, never an earlier
    run's)."""
    base = factory.getbasetemp()
    return base if worker == "master" else base.parent


def build(path: Path, kind: Build) -> Path:
    """Build ``path`` with the real pipeline; no setting comes from the environment."""
    build_database(load_settings(env={}, db_path=path), demo=kind == "demo")
    return path


def shared_build(kind: Build, request: pytest.FixtureRequest) -> Path:
    """The run's ``kind`` build, made by whichever process asks first."""
    factory = request.getfixturevalue("tmp_path_factory")
    folder = _shared_folder(factory, worker_id(request.config)) / f"shared-{kind}"
    path = folder / "strategy.duckdb"
    folder.mkdir(exist_ok=True)
    with FileLock(str(folder / "build.lock")):
        done = folder / "built"
        if not done.exists():
            build(path, kind)
            done.touch()
    return path


def copy_of(db: Path, folder: Path, name: str = "strategy.duckdb") -> Path:
    """A private copy of ``db`` in ``folder`` that a test may write to."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / name
    shutil.copyfile(db, target)
    return target


def dump(path: Path, schemas: tuple[str, ...] | None = None, *,
         ignore_build_stamp: bool = False) -> dict[str, list[tuple]]:
    """Every row of every table (of ``schemas``, or all), sorted: the content of a database.
    ``ignore_build_stamp`` leaves out the two rows of meta.build_info that every write
    renews (built_at, data_version), to compare two builds of the same inputs."""
    with duckdb.connect(str(path), read_only=True) as con:
        tables = con.execute(
            "SELECT table_schema || '.' || table_name FROM information_schema.tables "
            "WHERE table_catalog = current_database() "
            "AND ($schemas IS NULL OR list_contains($schemas, table_schema)) ORDER BY 1",
            {"schemas": list(schemas) if schemas else None}).fetchall()
        content = {}
        for (table,) in tables:
            rows = con.execute(f"SELECT * FROM {table}").fetchall()
            if ignore_build_stamp and table == "meta.build_info":
                rows = [r for r in rows if r[0] not in ("built_at", "data_version")]
            content[table] = sorted(rows, key=repr)
        return content
