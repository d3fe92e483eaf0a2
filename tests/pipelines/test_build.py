"""The build: atomic, deterministic, and it rejects broken reference data with one line per
problem while leaving the existing database untouched."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pipelines.settings import REPO_ROOT
from tests.support.builds import dump
from tests.support.commands import run_pipelines

FIXTURES = REPO_ROOT / "tests" / "fixtures" / "broken_reference"


def test_two_builds_of_the_same_inputs_have_identical_content(tmp_path, built_db):
    again = tmp_path / "again.duckdb"
    result = run_pipelines("build", "--db", str(again))
    assert result.returncode == 0, result.stderr
    assert dump(again, ignore_build_stamp=True) == dump(built_db, ignore_build_stamp=True)


def test_build_leaves_no_temporary_file(tmp_path):
    target = tmp_path / "out" / "strategy.duckdb"
    assert run_pipelines("build", "--db", str(target)).returncode == 0
    # The writer's lock file stays (docs/architecture.md › One writer); no copy may.
    assert sorted(p.name for p in target.parent.iterdir()) == [".strategy.duckdb.lock",
                                                               "strategy.duckdb"]


# One fixture per kind of problem. Each fixture holds rows appended to the reference file named
# by its second suffix (``unknown-pillar.indicators.csv`` → data/reference/indicators.csv).
REJECTIONS = {
    "duplicate-id.indicators.csv": [
        "data/reference/indicators.csv:{row}:indicator_id: duplicate indicator_id "
        "'care_teams' (first on row {first})"],
    "unknown-pillar.indicators.csv": [
        "data/reference/indicators.csv:{row}:pillar_id: unknown pillar_id 'survivors' "
        "(not in pillars.csv)"],
    "not-a-number.observations.csv": [
        "data/reference/observations.csv:{row}:value: '29 000 environ' is not a number"],
    "missing-french-name.indicators.csv": [
        "data/reference/indicators.csv:{row}:name_fr: name_fr is empty"],
    "locator-not-found.observations.csv": [
        "data/reference/observations.csv:{row}:locator: locator not found in "
        "ontario-strategy-2025-2030.fr.txt: 'plus de 30 000 personnes ont été servies'"],
    "derived-without-note.observations.csv": [
        "data/reference/observations.csv:{row}:note_en: value_basis derived needs note_en "
        "saying how",
        "data/reference/observations.csv:{row}:note_fr: value_basis derived needs note_fr "
        "saying how"],
    "range-without-high.observations.csv": [
        "data/reference/observations.csv:{row}:value_high: qualifier range needs value_high "
        "(the high end)"],
    "all-not-percent.observations.csv": [
        "data/reference/observations.csv:{row}:qualifier: qualifier all needs a percent "
        "indicator (unit kind is count)"],
    "city-in-city.geographies.csv": [
        "data/reference/geographies.csv:{row}:parent_id: a city cannot sit in a city "
        "(city_toronto)"],
    "no-such-row.context_periods.csv": [
        "data/reference/context_periods.csv:{row}:series_id: no loaded row of "
        "context-figures.csv has this series_id and raw period"],
}


def _append_fixture(data_dir: Path, fixture: Path) -> tuple[int, dict[str, int]]:
    """Append the fixture's rows to its reference file; the row number of the first one and
    the row where each appended id first appeared."""
    target = data_dir / "reference" / fixture.name.split(".", 1)[1]
    lines = target.read_text(encoding="utf-8").splitlines()
    first_rows = {line.split(",", 1)[0]: number for number, line in enumerate(lines, start=1)}
    added = fixture.read_text(encoding="utf-8").splitlines()[1:]
    target.write_text("\n".join([*lines, *added]) + "\n", encoding="utf-8")
    return len(lines) + 1, first_rows


@pytest.mark.parametrize("fixture_name", sorted(REJECTIONS))
def test_broken_reference_is_rejected_and_database_untouched(fixture_name, data_copy, tmp_path,
                                                               built_db):
    db = tmp_path / "strategy.duckdb"
    shutil.copy(built_db, db)
    before = db.read_bytes()
    row, first_rows = _append_fixture(data_copy, FIXTURES / fixture_name)
    result = run_pipelines("build", "--db", str(db), data_dir=data_copy)
    expected = [line.format(row=row, first=first_rows.get("care_teams"))
                for line in REJECTIONS[fixture_name]]
    assert result.returncode == 1
    problems = "1 problem" if len(expected) == 1 else f"{len(expected)} problems"
    assert result.stderr.splitlines() == [
        *expected, f"rejected: {problems}; nothing was written"]
    assert db.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == ["strategy.duckdb"]


def test_edited_raw_document_stops_the_build(data_copy, tmp_path):
    document = data_copy / "raw" / "ontario-strategy-2025-2030.fr.txt"
    document.write_text(document.read_text(encoding="utf-8").replace("345", "354"),
                        encoding="utf-8")
    result = run_pipelines("build", "--db", str(tmp_path / "x.duckdb"), data_dir=data_copy)
    assert result.returncode == 1
    assert result.stderr.startswith("error: ontario-strategy-2025-2030.fr.txt: sha256 is ")
    assert not (tmp_path / "x.duckdb").exists()


def test_usage_error_exits_2():
    assert run_pipelines("build", "--no-such-flag").returncode == 2


def test_check_validates_without_writing(data_copy):
    result = run_pipelines("check", data_dir=data_copy)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("data/ is valid: 5 documents, ")
    assert not (data_copy / "build").exists()


def test_rebuilding_over_an_existing_database_works(tmp_path):
    """`make run` twice rebuilds over the previous file (and carries its loads over)."""
    target = tmp_path / "strategy.duckdb"
    first = run_pipelines("build", "--db", str(target))
    second = run_pipelines("build", "--db", str(target))
    assert (first.returncode, second.returncode) == (0, 0), second.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == [".strategy.duckdb.lock",
                                                          "strategy.duckdb"]
