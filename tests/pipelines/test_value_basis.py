"""A value the project worked out is marked ``derived`` and never becomes a headline figure.

``care_teams = 2`` counts the teams the strategy names (Toronto and Durham); the document
never prints the number, which the first test checks against the document itself.
"""

from __future__ import annotations

import re
from pathlib import Path

import duckdb

from pipelines.release.export import observations_frame
from pipelines.release.public_fields import headers
from pipelines.settings import REPO_ROOT

STRATEGY = REPO_ROOT / "data/raw/ontario-strategy-2025-2030.fr.txt"


def _care_teams_bullet() -> str:
    text = STRATEGY.read_text(encoding="utf-8")
    [bullet] = [line for line in text.splitlines() if "Une troisième équipe" in line]
    return bullet


def test_the_strategy_names_the_teams_but_prints_no_count() -> None:
    bullet = _care_teams_bullet()
    assert "Toronto et Durham" in bullet and "Kenora" in bullet
    assert not re.search(r"\d|\bdeux\b", bullet, flags=re.IGNORECASE)


def test_care_teams_is_derived_with_notes_saying_how(con: duckdb.DuckDBPyConnection) -> None:
    rows = con.execute("SELECT value, value_basis, locator, note_en, note_fr "
                       "FROM marts.observations WHERE indicator_id = 'care_teams'").fetchall()
    [(value, basis, locator, note_en, note_fr)] = rows
    assert (value, basis) == (2.0, "derived")
    assert locator in _care_teams_bullet()
    assert "Derived, not printed" in note_en and "Valeur déduite, non imprimée" in note_fr


def test_every_other_document_figure_is_printed(con: duckdb.DuckDBPyConnection) -> None:
    derived = con.execute("SELECT indicator_id FROM marts.observations "
                          "WHERE value_basis = 'derived'").fetchall()
    assert derived == [("care_teams",)]


def test_a_derived_value_is_never_a_latest_figure(con: duckdb.DuckDBPyConnection) -> None:
    latest = con.execute("SELECT count(*) FROM marts.latest_figures "
                         "WHERE value_basis = 'derived' OR indicator_id = 'care_teams'").fetchone()
    assert latest == (0,)


def test_submitted_values_are_printed_and_can_be_headlines(demo_db: Path) -> None:
    with duckdb.connect(str(demo_db), read_only=True) as con:
        bases = con.execute("SELECT DISTINCT value_basis FROM marts.observations "
                            "WHERE status IN ('demo', 'revised', 'submitted')").fetchall()
        latest = con.execute("SELECT status, value_basis FROM marts.latest_figures "
                             "WHERE indicator_id = 'care_teams'").fetchall()
    assert bases == [("printed",)]
    assert latest == [("demo", "printed")]


def test_downloads_carry_the_value_basis(con: duckdb.DuckDBPyConnection) -> None:
    frame = observations_frame(con)
    care = frame[frame["indicator_id"] == "care_teams"]
    assert list(care["value_basis"]) == ["derived"]
    assert set(frame["value_basis"]) == {"printed", "derived"}
    # Added after the original columns (no column a reader's script relies on moves); the
    # label columns that came later follow them.
    french = headers("observations", "fr")
    assert french.index("base_valeur") == french.index("valeur_haute") + 1
    labels = [i for i, header in enumerate(french) if header.endswith("_libelle")]
    assert french.index("valeur_haute") < min(labels)
