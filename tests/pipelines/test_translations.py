"""English texts say what the French documents say, and court series are not called
police-reported.

Each milestone's ``text_fr`` is the strategy's bullet verbatim (checked against the document
here); the English must keep the words that change the meaning: "davantage" (more awareness,
not just awareness) and "fassent figure de priorité" (become a priority, not "remain" one).
"""

from __future__ import annotations

import duckdb
import pytest

from pipelines.settings import REPO_ROOT
from pipelines.sources.raw import normalise_space

STRATEGY = REPO_ROOT / "data/raw/ontario-strategy-2025-2030.fr.txt"

# milestone id -> (French words in the bullet, English words that must render them, English
# words a faithful translation must not add)
KEY_WORDS = {
    "awareness-a4": ("Sensibiliser davantage", "Raise more awareness", "domestic violence"),
    "awareness-a5": ("fassent figure de priorité nationale", "stand as a national priority",
                     "remains"),
}


@pytest.mark.parametrize("milestone_id", sorted(KEY_WORDS))
def test_milestone_english_keeps_the_meaning_of_the_french(
        con: duckdb.DuckDBPyConnection, milestone_id: str) -> None:
    french, english, wrong = KEY_WORDS[milestone_id]
    [(text_en, text_fr)] = con.execute(
        "SELECT text_en, text_fr FROM marts.milestones WHERE milestone_id = ?",
        [milestone_id]).fetchall()
    document = normalise_space(STRATEGY.read_text(encoding="utf-8"))
    assert text_fr in document
    assert french in text_fr
    assert english in text_en
    assert wrong not in text_en


def test_family_violence_is_translated_as_such(con: duckdb.DuckDBPyConnection) -> None:
    [(text_en, text_fr)] = con.execute("SELECT text_en, text_fr FROM marts.milestones "
                                       "WHERE milestone_id = 'awareness-a4'").fetchall()
    assert "violence familiale" in text_fr and "family violence" in text_en


def test_court_series_are_not_called_police_reported(con: duckdb.DuckDBPyConnection) -> None:
    rows = con.execute("SELECT indicator_id, definition_en, definition_fr FROM marts.indicators "
                       "WHERE topic = 'courts' OR definition_en ILIKE '%court%'").fetchall()
    assert {r[0] for r in rows} >= {"ca_ht_court_cases_completed",
                                    "ca_ht_court_cases_completed_cum"}
    for indicator_id, definition_en, definition_fr in rows:
        assert "police-reported" not in definition_en.lower(), indicator_id
        assert "déclarées par la police" not in definition_fr, indicator_id
        assert "déclarés par la police" not in definition_fr, indicator_id
