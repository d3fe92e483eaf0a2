"""Row numbers are the ones a spreadsheet shows, whichever reader stages the file: DuckDB's
(one row per line) or Python's csv module (blank lines, quoted line breaks)."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from pipelines.settings import load_settings
from pipelines.submissions import cells, read
from pipelines.submissions.parse import create_macros, parse_number

HEADER = "indicator_id,quarter,geography,breakdown,value,qualifier,note,program"
OK = "frontline_workers_trained,2025-26Q2,ontario,total,70,exact,,P"
BAD = "frontline_workers_trained,2025-26Q2,ontario,total,-5,exact,,P"
MULTILINE = OK.replace(",,P", ',"two\nlines",P')

FILES = {
    # name: (text, spreadsheet row of BAD)
    "plain.csv": (f"{HEADER}\n{OK}\n{BAD}\n", 3),
    "blank-lines.csv": (f"\n{HEADER}\n\n{OK}\n\n{BAD}\n\n", 6),
    "quoted-line-break.csv": (f"{HEADER}\n{MULTILINE}\n{BAD}\n", 3),
    "crlf.csv": (f"{HEADER}\r\n{OK}\r\n{BAD}\r\n", 3),
    "padded.csv": (f"{HEADER}\n  {OK}  \n{BAD},,\n", 3),
}


def stage(tmp_path: Path, name: str, text: str) -> tuple[read.Staged, list[tuple[int, str]]]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with duckdb.connect() as con:
        staged = read.stage(con, path, name, load_settings(env={}))
        rows = con.execute(f"SELECT rowid + 1, c4 FROM {cells.TABLE} "
                           f"WHERE {cells.not_blank(cells.width(con))} ORDER BY rowid").fetchall()
    return staged, rows


@pytest.mark.parametrize("name", sorted(FILES))
def test_rows_keep_their_spreadsheet_numbers(tmp_path: Path, name: str) -> None:
    text, bad_row = FILES[name]
    staged, rows = stage(tmp_path, name, text)
    assert staged.problems == [] and staged.header[0] == "indicator_id"
    assert (bad_row, "-5") in rows
    assert rows[0] == (staged.header_row, "value")


def test_the_ingest_reports_the_spreadsheet_row(run, tmp_path: Path) -> None:
    text, bad_row = FILES["quoted-line-break.csv"]
    path = tmp_path / "quoted.csv"
    path.write_text(text, encoding="utf-8")
    result = run(path)
    assert result.stderr.splitlines() == [
        f'{path}:{bad_row}:value: value cannot be negative: "-5"']


@pytest.mark.parametrize(("text", "whole", "expected"), [
    ("1 234", True, 1234.0), ("2\u00a0480", True, 2480.0), ("1,234", True, 1234.0),
    ("1,234", False, 1.234), ("12,5", False, 12.5), ("1.234,5", False, 1234.5),
    ("87,5 %", False, 87.5), ("1,234.5", False, 1234.5), ("12 34", True, None),
    ("1.", True, None), ("seventy", True, None), ("-5", True, -5.0),
])
def test_numbers_as_people_type_them(text: str, whole: bool, expected: float | None) -> None:
    with duckdb.connect() as con:
        create_macros(con)
        assert parse_number(con, text, whole=whole) == expected
