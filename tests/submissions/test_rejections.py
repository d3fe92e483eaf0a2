"""One broken-input fixture per check: exact message, exit code 1, database content unchanged
(only meta.loads gains the 'rejected' record), the file kept with its error report."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from pipelines.settings import load_settings
from pipelines.submissions import command
from tests.support.submissions import FIXTURES, assert_rejected, dump, loads

ALLOWED_GEOGRAPHIES = ("canada, kenora, ontario, region_central, region_east, region_north, "
                       "region_toronto, region_west, toronto_durham")
ACCEPTED_INDICATORS = (
    "care_children_youth_served, care_teams, frontline_workers_trained, "
    "joint_forces_investigations, joint_forces_persons_charged, "
    "joint_forces_trafficking_charges, people_served_funded_orgs, training_share_confident")

CASES = {
    "unknown-indicator.csv": [
        f'3:indicator_id: unknown indicator "workers_trainedd"; submissions accept: '
        f"{ACCEPTED_INDICATORS}"],
    "unknown-geography.csv": [
        f'2:geography: unknown geography "ottawa"; allowed: {ALLOWED_GEOGRAPHIES}'],
    "malformed-quarter.csv": [
        '2:quarter: malformed quarter "2025Q2"; expected a fiscal quarter such as 2026-27Q2'],
    "quarter-outside-period.csv": [
        "2:quarter: quarter 2024-25Q4 is outside the strategy period 2025-26Q1–2029-30Q4"],
    "quarter-in-future.csv": [
        "2:quarter: quarter 2026-27Q3 is in the future; the latest complete quarter is 2026-27Q1"],
    "negative-count.csv": ['2:value: value cannot be negative: "-5"'],
    # A range or "all" is only ever printed; a submission states one number.
    "range-qualifier.csv": ['2:qualifier: unknown qualifier "range"; allowed: exact, '
                            "more_than, at_least, about, nearly, up_to"],
    "non-numeric-count.csv": ['2:value: not a number: "seventy"'],
    "percentage-above-100.csv": ['2:value: a percentage cannot be above 100: "120"'],
    "duplicate-rows.csv": [
        "3:-: duplicate of row 2 (same indicator_id, quarter, geography and breakdown)"],
    "missing-column.csv": ['1:program: required column "program" is missing'],
    "extra-column.csv": [
        '1:comments: unknown column "comments"; allowed: indicator_id, quarter, geography, '
        "breakdown, value, qualifier, note, program"],
    "empty.csv": ["0:-: file is empty"],
    "not-a-spreadsheet.pdf": ["0:-: not a CSV or XLSX file; save the template as .csv or .xlsx"],
    "pdf-renamed.csv": ["0:-: not a CSV or XLSX file; save the template as .csv or .xlsx"],
    "formula-cells.xlsx": ["3:value: formula cell '=E2*2'; paste the value, not the formula"],
    "breakdown-exceeds-total.csv": [
        "3:value: age breakdown parts add up to 55, more than the total 50 on row 2",
        "4:value: age breakdown parts add up to 55, more than the total 50 on row 2"],
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_rejected(run, db: Path, tmp_path: Path, name: str) -> None:
    assert_rejected(run, db, tmp_path, name, CASES[name])


def test_oversized_file_is_rejected_before_reading(
    run, db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def small_limit(**overrides: object):
        return dataclasses.replace(load_settings(**overrides), max_submission_bytes=1000)

    monkeypatch.setattr(command, "load_settings", small_limit)
    size = (FIXTURES / "oversized.csv").stat().st_size
    assert_rejected(run, db, tmp_path, "oversized.csv",
                    [f"0:-: file is {size:,} bytes, over the 1,000-byte limit"])


def test_the_default_size_limit_is_stated() -> None:
    assert load_settings(env={}).max_submission_bytes == 20 * 1024 * 1024


def test_one_bad_file_rejects_the_whole_ingest(run, db: Path) -> None:
    before = dump(db, ("marts", "staging"))
    result = run("french-numbers.csv", "negative-count.csv")
    assert result.exit_code == 1
    assert dump(db, ("marts", "staging")) == before
    outcomes = [(r[1], r[4]) for r in loads(db)]
    assert outcomes == [("french-numbers.csv", "rejected"), ("negative-count.csv", "rejected")]
    assert loads(db)[0][5].startswith("not loaded: another file in the same ingest")


def test_every_problem_of_every_file_is_reported_at_once(run, db: Path) -> None:
    result = run("negative-count.csv", "unknown-geography.csv", "empty.csv")
    assert result.exit_code == 1
    files = {line.split(":")[0].rsplit("/", 1)[-1] for line in result.stderr.splitlines()}
    assert files == {"negative-count.csv", "unknown-geography.csv", "empty.csv"}


def test_missing_argument_is_a_usage_error(run, db: Path) -> None:
    assert run().exit_code == 2
