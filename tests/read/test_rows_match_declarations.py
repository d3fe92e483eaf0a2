"""The pages' row classes (pipelines/read/rows.py) are written out so that mypy checks every
page against them; the download set's are made from the public tables' declarations
(pipelines/read/table_rows.py). Where a page's row carries a column a declaration stores, both
must say the same type and whether it may be empty, so a declaration changed in one place
cannot leave the pages reading something else."""

from __future__ import annotations

import dataclasses
import typing
from datetime import date

import pytest

from pipelines.read import rows
from pipelines.read.table_rows import ROW_TYPES, class_name
from pipelines.release.public_fields import DECLARED, FIELDS

SQL_PYTHON: typing.Final = {"VARCHAR": str, "DOUBLE": float, "INTEGER": int, "BIGINT": int,
                            "BOOLEAN": bool, "DATE": date}
# A page's row class -> the public table its own columns come from (the rest are joined).
PAGE_ROWS: typing.Final = {rows.Observation: "observations", rows.Indicator: "indicators",
                           rows.TargetInfo: "targets", rows.Milestone: "milestones",
                           rows.Source: "sources", rows.Progress: "progress"}


@pytest.mark.parametrize("row_class", list(PAGE_ROWS), ids=lambda c: c.__name__)
def test_a_page_row_types_a_stored_column_as_its_declaration_does(row_class: type) -> None:
    stored = {c.name: c for c in DECLARED[PAGE_ROWS[row_class]].stored()}
    hints = typing.get_type_hints(row_class)
    shared = set(hints) & set(stored)
    assert len(shared) >= 5, "the row no longer reads this table"
    wrong = {}
    for name in sorted(shared):
        kind = SQL_PYTHON[stored[name].sql_type]
        declared = kind if stored[name].required else kind | None
        if hints[name] != declared:
            wrong[name] = f"{hints[name]} here, {declared} declared"
    assert wrong == {}


@pytest.mark.parametrize("table", list(DECLARED))
def test_the_download_rows_are_the_declared_columns(table: str) -> None:
    row_type = ROW_TYPES[table]
    assert row_type.__name__ == class_name(table)
    hints = typing.get_type_hints(row_type)
    assert list(hints) == [f.name for f in FIELDS[table]]
    for field in FIELDS[table]:
        kind = {"string": str, "number": float, "integer": int, "boolean": bool,
                "date": date}[field.kind]
        assert hints[field.name] == (kind if field.required else kind | None), field.name
    with pytest.raises(dataclasses.FrozenInstanceError):
        row = row_type(*[None] * len(FIELDS[table]))
        row.__setattr__(FIELDS[table][0].name, "changed")
