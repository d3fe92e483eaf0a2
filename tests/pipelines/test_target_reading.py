"""The 1,100 target is read as new trainees from 1 April 2025, and the target's notes say this
is an assumption, quoting the context figures faithfully: a July 2025 Government of Ontario
release says more than 1,000 front-line workers were trained since 2020."""

from __future__ import annotations

import csv
from datetime import date

import duckdb

from pipelines.settings import REPO_ROOT

QUOTE = "Since its launch in 2020, the strategy has trained more than 1,000 front-line workers"


def _trained_row() -> dict[str, str]:
    with (REPO_ROOT / "data/raw/context-figures.csv").open(encoding="utf-8") as handle:
        [row] = [r for r in csv.DictReader(handle)
                 if r["series_id"] == "ON_AWARE_FRONTLINE_TRAINED_CUM"]
    return row


def test_the_context_figures_say_more_than_1000_trained_since_2020() -> None:
    row = _trained_row()
    assert QUOTE in row["quote"]
    assert (row["value"], row["unit"]) == ("1000", "persons (more than)")
    assert (row["period_start"][:4], row["period_end"], row["published"]) == (
        "2020", "2025-07-30", "2025-07")
    assert row["publisher"].startswith("Government of Ontario (release reposted by")
    # A third party's copy: the loader keeps only primary rows, as the notes say.
    assert row["source_tier"] == "primary-reproduced"


def test_the_row_is_not_loaded(con: duckdb.DuckDBPyConnection) -> None:
    loaded = con.execute("SELECT count(*) FROM marts.observations "
                         "WHERE series_id = 'ON_AWARE_FRONTLINE_TRAINED_CUM'").fetchone()
    assert loaded == (0,)


def test_the_target_note_states_the_reading_as_an_assumption(
        con: duckdb.DuckDBPyConnection) -> None:
    [(start, note_en, note_fr)] = con.execute(
        "SELECT period_start, note_en, note_fr FROM marts.targets "
        "WHERE indicator_id = 'frontline_workers_trained'").fetchall()
    assert start == date(2025, 4, 1)
    assert "new trainees counted from 1 April 2025" in note_en and "assumption" in note_en
    assert "à partir du 1er avril 2025" in note_fr and "hypothèse" in note_fr
    assert f"“{QUOTE}”" in note_en and "news release of July 2025" in note_en
    assert f"« {QUOTE} »" in note_fr
    assert "communiqué du gouvernement de l’Ontario de juillet 2025" in note_fr
