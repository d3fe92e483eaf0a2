"""How a period was read is recorded, and an inferred period says from what.

The CCEHT page heads its six figures "Entre 2019 et 2024" and gives no month, day or kind of
year anywhere: the dates 2019-01-01 to 2024-12-31 are the tracker's reading, not the page's.
"""

from __future__ import annotations

import re

import duckdb

from pipelines.settings import REPO_ROOT

CCEHT = REPO_ROOT / "data/raw/cceht-mission-and-hotline-2019-2024.fr.txt"
MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
          "octobre", "novembre", "décembre", "exercice", "2019-2020", "2023-2024")


def test_the_page_gives_years_but_no_dates() -> None:
    text = CCEHT.read_text(encoding="utf-8")
    assert "Entre 2019 et 2024" in text
    assert not [word for word in MONTHS if word in text.lower()]
    assert re.findall(r"\b20\d\d\b", text) == ["2019", "2024"]


def test_cceht_figures_are_inferred_and_say_from_what(con: duckdb.DuckDBPyConnection) -> None:
    rows = con.execute(
        "SELECT period_basis, period_start::VARCHAR, period_end::VARCHAR, note_en, note_fr "
        "FROM marts.observations WHERE source_id = 'cceht-hotline-2019-2024'").fetchall()
    assert len(rows) == 6
    for basis, start, end, note_en, note_fr in rows:
        assert (basis, start, end) == ("inferred", "2019-01-01", "2024-12-31")
        assert "“Entre 2019 et 2024”" in note_en and "calendar years" in note_en
        assert "« Entre 2019 et 2024 »" in note_fr and "années civiles" in note_fr


def test_every_inferred_period_has_notes_in_both_languages(
        con: duckdb.DuckDBPyConnection) -> None:
    missing = con.execute(
        "SELECT indicator_id FROM marts.observations WHERE period_basis = 'inferred' "
        "AND (coalesce(note_en, '') = '' OR coalesce(note_fr, '') = '')").fetchall()
    assert missing == []
