"""The $181,000 for the two youth hackathons is a one-time value, dated to its announcement
(the July 2020 call), while the project groups funded "sur quatre ans" keep the programme's
four fiscal years."""

from __future__ import annotations

from datetime import date

import duckdb

from pipelines.settings import REPO_ROOT
from pipelines.sources.raw import normalise_space

BACKGROUNDER = REPO_ROOT / "data/raw/public-safety-progress-backgrounder.fr.txt"
HACKATHONS = ("ps_hackathons_funding", "ps_hackathons_count", "ps_project_saint_marys_hackathon",
              "ps_project_un_hackathon")
FOUR_YEARS = ("ps_empowerment_projects_funding", "ps_youth_pilots_funding",
              "ps_serious_crime_funding")


def _sentence(text: str, needle: str) -> str:
    [line] = [line for line in text.splitlines() if needle in normalise_space(line)]
    return normalise_space(line)


def test_the_backgrounder_says_one_time_and_dates_only_the_call() -> None:
    text = BACKGROUNDER.read_text(encoding="utf-8")
    hackathons = _sentence(text, "d’une valeur unique de 181 000 $")
    assert "sur quatre ans" not in hackathons
    assert "sur quatre ans" in _sentence(text, "3,45 millions de dollars sur quatre ans")
    assert "a lancé, en juillet 2020, un appel conjoint de propositions" in normalise_space(text)


def test_the_one_time_amount_is_dated_to_its_announcement(
        con: duckdb.DuckDBPyConnection) -> None:
    rows = con.execute(
        "SELECT indicator_id, period_start, period_end, period_basis, note_en, note_fr "
        "FROM marts.observations WHERE list_contains($ids, indicator_id)",
        {"ids": list(HACKATHONS)}).fetchall()
    assert len(rows) == len(HACKATHONS)
    text = normalise_space(BACKGROUNDER.read_text(encoding="utf-8"))
    for _, start, end, basis, note_en, note_fr in rows:
        assert (start, end, basis) == (date(2020, 7, 1), date(2020, 7, 31), "inferred")
        assert "one-time" in note_en and "announcement" in note_en
        assert "Valeur unique" in note_fr
        for quoted in ("d’une valeur unique de 181 000 $", "en juillet 2020"):
            assert quoted in normalise_space(note_fr) and quoted in text
    value = con.execute("SELECT value, qualifier FROM marts.observations "
                        "WHERE indicator_id = 'ps_hackathons_funding'").fetchall()
    assert value == [(181_000.0, "exact")]


def test_amounts_over_four_years_keep_the_programme_period(
        con: duckdb.DuckDBPyConnection) -> None:
    periods = con.execute(
        "SELECT DISTINCT period_start, period_end FROM marts.observations "
        "WHERE list_contains($ids, indicator_id)", {"ids": list(FOUR_YEARS)}).fetchall()
    assert periods == [(date(2020, 4, 1), date(2024, 3, 31))]
