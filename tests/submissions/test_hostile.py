"""Hostile and odd files: each refused with one line naming the file, recorded and kept, in
bounded memory; UTF-16 text read; a file of 300,000 bad rows gives a bounded report.

The fixtures come from ``tests/fixtures/submissions/make_hostile.py``.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from pipelines.settings import REPO_ROOT
from tests.support.submissions import FIXTURES, TODAY, assert_rejected, loads

DTD = "declares a document type or entities, which a submission may not contain"
HOSTILE = {
    "xxe-entity.xlsx": f'0:-: workbook part "xl/worksheets/sheet1.xml" {DTD}',
    "xxe-parameter-entity.xlsx": f'0:-: workbook part "xl/workbook.xml" {DTD}',
    "billion-laughs.xlsx": f'0:-: workbook part "xl/worksheets/sheet1.xml" {DTD}',
    "junk-part.xlsx":
        '0:-: workbook part "xl/workbook.xml" is not well-formed XML (line 1, column 0)',
    "truncated-sheet.xlsx": "0:-: the sheet is not well-formed XML (attribute value not "
                            "closed: `\"` not found before end of input); save it again as .xlsx",
    "many-parts.xlsx": "0:-: workbook has 150 parts, over the limit of 100",
    "zip-bomb.xlsx": '0:-: workbook part "xl/worksheets/sheet1.xml" unpacks to 209,715,200 '
                     "bytes, over the 104,857,600-byte limit",
    "zip-bomb-lying.xlsx": "0:-: the workbook cannot be read (BadZipFile: Bad CRC-32 for file "
                           "'xl/worksheets/sheet1.xml'); save it again as .xlsx",
    "utf16-no-bom.csv": "0:-: file is UTF-16 text without a byte-order mark; save it as CSV "
                        "UTF-8 (or as .xlsx)",
}
# Peak memory of a whole ingest process (Python, DuckDB, openpyxl) refusing a hostile file.
MEMORY_CEILING_KB = 400 * 1024


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_file_is_refused_recorded_and_kept(run, db: Path, tmp_path: Path,
                                                   name: str) -> None:
    assert_rejected(run, db, tmp_path, name, [HOSTILE[name]])


def test_an_external_entity_is_never_read(run, db: Path) -> None:
    result = run("xxe-entity.xlsx")
    stored = " ".join(str(r[5]) for r in loads(db))
    assert "root:" not in result.output + result.stderr + stored


def _ingest_in_a_process(path: Path, db: Path, data: Path) -> tuple[int, str, int]:
    """Exit code, stderr and peak resident memory (KB) of ``python -m pipelines ingest``.

    The peak is the process's own VmHWM: ru_maxrss would carry over the test runner's peak
    through fork and exec."""
    code = ("import re, runpy, sys\n"
            "try:\n    runpy.run_module('pipelines', run_name='__main__')\n"
            "finally:\n    status = open('/proc/self/status').read()\n"
            "    print('peak', re.search(r'VmHWM:\\s+(\\d+) kB', status)[1], file=sys.stderr)\n")
    args = [sys.executable, "-c", code, "ingest", str(path), "--db", str(db), "--today", TODAY]
    env = {**os.environ, "STRATEGY_DATA_DIR": str(data)}
    env.pop("STRATEGY_DB", None)
    done = subprocess.run(args, cwd=REPO_ROOT, env=env, capture_output=True, text=True,
                          timeout=120)
    *lines, last = done.stderr.strip().splitlines()
    return done.returncode, "\n".join(lines), int(last.split()[1])


@pytest.mark.parametrize("name", ["zip-bomb.xlsx", "zip-bomb-lying.xlsx", "billion-laughs.xlsx"])
def test_bombs_are_refused_in_bounded_memory(db: Path, tmp_path: Path, name: str) -> None:
    code, stderr, peak_kb = _ingest_in_a_process(FIXTURES / name, db, tmp_path / "data")
    assert code == 1
    assert stderr == f"{FIXTURES / name}:{HOSTILE[name]}"
    assert peak_kb < MEMORY_CEILING_KB


@pytest.mark.parametrize("name", ["utf16-bom.csv", "utf16-tabs.csv"])
def test_utf16_text_is_read(run, db: Path, name: str) -> None:
    result = run(name)
    assert result.exit_code == 0, result.output
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute("SELECT indicator_id, value, note, program "
                           "FROM staging.submission_rows").fetchall()
    assert rows == [("frontline_workers_trained", 70.0, "Séances à Sudbury",
                     "Programme de formation")]


def _many_bad_rows(path: Path, rows: int) -> None:
    """Row 2 is valid; every later row repeats its key, and every 100th row has a value
    that is not a number."""
    header = "indicator_id,quarter,geography,breakdown,value,qualifier,note,program"
    good = "frontline_workers_trained,2025-26Q2,ontario,total,70,,,P"
    bad = good.replace(",70,", ",x,")
    lines = [header, good] + [bad if n % 100 == 0 else good for n in range(1, rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_300000_bad_rows_give_a_bounded_report(run, db: Path, tmp_path: Path) -> None:
    path = tmp_path / "many-duplicates.csv"
    _many_bad_rows(path, 300_000)
    result = run(path)
    assert result.exit_code == 1
    not_numbers, duplicates = 2_999, 300_000 - 1 - 2_999
    lines = result.stderr.splitlines()
    assert len(lines) == 22  # ten of each kind, then a count of the rest
    # Duplicates of row 2 on rows 3-12, then values that are not numbers on rows 102-1002.
    assert lines[10] == f"{path}:12:-: … and {duplicates - 10:,} more rows with the same problem"
    assert lines[21] == (f"{path}:1002:value: … and {not_numbers - 10:,} more rows with the "
                         "same problem")
    total = duplicates + not_numbers
    assert result.stdout.strip() == f"{total:,} problems found; nothing was written"
    (load_id, _, accepted, rejected, outcome, message), = loads(db)
    assert (accepted, rejected, outcome) == (0, 299_999, "rejected")
    assert len(message.encode()) < 10_000
    kept = tmp_path / "data" / "submissions" / "rejected"
    report = kept / f"load-{load_id}-{path.name}.errors.txt"
    assert len(report.read_text(encoding="utf-8").splitlines()) < 300


def test_a_valid_workbook_is_streamed_and_loaded(run, db: Path) -> None:
    result = run("valid-template.xlsx")
    assert result.exit_code == 0, result.output
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT row_number, indicator_id, value, program "
                           "FROM staging.submission_rows").fetchall() == [
            (2, "frontline_workers_trained", 70.0, "Training Program")]
