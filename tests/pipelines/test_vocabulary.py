"""Vocabularies are defined once and the database holds nothing outside them: the public
tables' controlled columns are checked from their declaration, the other tables' from
pipelines.vocabulary.COLUMNS."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from pipelines import vocabulary
from pipelines.errors import DataRejected
from pipelines.release.public_fields import DECLARED
from pipelines.sql import contract, run_checks


def test_a_stored_value_outside_its_vocabulary_is_rejected(built_db: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.duckdb"
    copy.write_bytes(built_db.read_bytes())
    with duckdb.connect(str(copy)) as con:
        run_checks(con)  # the real build passes
        con.execute("UPDATE marts.observations SET qualifier = 'roughly' WHERE rowid = 0")
        with pytest.raises(DataRejected) as rejected:
            run_checks(con)
    messages = [str(p) for p in rejected.value.problems]
    assert messages == ["marts.observations:0:qualifier: value 'roughly' is not one of "
                        + ", ".join(sorted(vocabulary.QUALIFIERS))]


def test_every_controlled_column_exists(built_db: Path) -> None:
    with duckdb.connect(str(built_db), read_only=True) as con:
        for table, column in contract.controlled_columns():
            schema, name = table.split(".")
            found = con.execute(
                "SELECT count(*) FROM information_schema.columns WHERE table_schema = ? "
                "AND table_name = ? AND column_name = ?", [schema, name, column]).fetchone()
            assert found == (1,), f"{table}.{column}"


def test_a_public_tables_allowed_values_are_declared_only_with_its_columns() -> None:
    declared = {table.stored_as for table in DECLARED.values()}
    assert not {table for table, _ in vocabulary.COLUMNS} & declared
    # Every column with an allowed list in the declaration is checked where it is stored.
    checked = contract.controlled_columns()
    for table in DECLARED.values():
        for field in table.fields:
            if field.stored and field.allowed:
                assert checked[(table.stored_as, field.name)] == field.allowed
