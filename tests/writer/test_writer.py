"""The writer's promises one at a time: a new data_version at every write, "busy" instead of
waiting for ever, and nothing half-written when a change fails."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import duckdb
import pytest

from pipelines import writer
from pipelines.errors import DataRejected
from pipelines.settings import Settings, load_settings
from pipelines.submissions.ingest import ingest
from tests.support.submissions import FIXTURES, TODAY_DATE, make_db


@pytest.fixture()
def settings(tmp_path: Path) -> Settings:
    db = make_db(tmp_path / "strategy.duckdb")
    return load_settings(env={"STRATEGY_DATA_DIR": str(tmp_path / "data")}, db_path=db)


def ingest_fixture(settings: Settings, name: str) -> None:
    ingest([(name, FIXTURES / name)], settings, today=TODAY_DATE)


def test_every_write_stores_a_new_data_version(settings: Settings) -> None:
    with writer.transaction(settings, reason="test"):
        pass
    seen = [writer.data_version(settings.db_path)]
    ingest_fixture(settings, "french-numbers.csv")
    seen.append(writer.data_version(settings.db_path))
    with pytest.raises(DataRejected):
        ingest_fixture(settings, "negative-count.csv")  # a refusal is recorded beside: no write
    assert writer.data_version(settings.db_path) == seen[-1]
    ingest_fixture(settings, "french-numbers.csv")  # unchanged bytes: recorded, a new version
    seen.append(writer.data_version(settings.db_path))
    assert all(v and len(v) == 32 and int(v, 16) >= 0 for v in seen)
    assert len(set(seen)) == 3


def test_a_write_that_waits_too_long_is_busy_and_writes_nothing(settings: Settings) -> None:
    impatient = dataclasses.replace(settings, writer_timeout_s=0.2)
    before = settings.db_path.read_bytes()
    with writer.exclusive(settings, reason="a long rebuild"):
        with pytest.raises(writer.WriterBusy, match=r"busy \(a long rebuild, process \d+\)"):
            ingest_fixture(impatient, "french-numbers.csv")
    assert settings.db_path.read_bytes() == before
    ingest_fixture(impatient, "french-numbers.csv")  # free again once the holder is done


def test_a_failed_change_leaves_the_served_file_and_no_copy(settings: Settings) -> None:
    before = settings.db_path.read_bytes()
    with pytest.raises(duckdb.ConstraintException):
        with writer.transaction(settings, reason="test") as con:
            con.execute("INSERT INTO meta.loads VALUES (1, 'a', NULL, now(), 0, 0, 'accepted',"
                        " NULL)")
            con.execute("INSERT INTO meta.loads VALUES (1, 'b', NULL, now(), 0, 0, 'accepted',"
                        " NULL)")
    assert settings.db_path.read_bytes() == before
    assert writer.temporary_files(settings.db_path) == []


def test_a_change_that_fails_the_checks_is_not_swapped_in(settings: Settings) -> None:
    before = settings.db_path.read_bytes()
    with pytest.raises(DataRejected):
        with writer.transaction(settings, reason="test") as con:
            con.execute("UPDATE marts.observations SET qualifier = 'roughly'")
    assert settings.db_path.read_bytes() == before


def test_copies_left_by_dead_writers_are_removed_by_the_next(settings: Settings) -> None:
    dead = settings.db_path.with_name(f".{settings.db_path.name}.999-dead.writing")
    shutil.copyfile(settings.db_path, dead)
    Path(f"{dead}.wal").write_bytes(b"half a log")
    with writer.transaction(settings, reason="test"):
        pass
    assert writer.temporary_files(settings.db_path) == []
