"""Figures printed as a range ("45-50 entrevues") or as "all" ("tous les conseils scolaires")
are recorded, kept in that form and never shown as one plain number."""

from __future__ import annotations

import duckdb

from pipelines.settings import REPO_ROOT
from pipelines.sources.raw import normalise_space

RAW = REPO_ROOT / "data/raw"
DECK = RAW / "hanley-ricard-guay-ten-years-of-action.fr.txt"
STRATEGY = RAW / "ontario-strategy-2025-2030.fr.txt"


def test_the_documents_print_a_range_and_an_all() -> None:
    deck = normalise_space(DECK.read_text(encoding="utf-8"))
    assert "45-50 entrevues individuelles dans plusieurs villes canadiennes" in deck
    assert "financé par Justice Canada 2012/14" in deck
    strategy = normalise_space(STRATEGY.read_text(encoding="utf-8"))
    assert "tous les conseils scolaires de l’Ontario ont établi des protocoles" in strategy


def test_the_interviews_are_a_range(con: duckdb.DuckDBPyConnection) -> None:
    rows = con.execute(
        "SELECT value, value_high, qualifier, value_basis, geography, period_basis, source_id "
        "FROM marts.observations WHERE indicator_id = 'hanley_study_interviews'").fetchall()
    assert rows == [(45.0, 50.0, "range", "printed", "canada", "inferred",
                     "hanley-ricard-guay-2014")]


def test_all_school_boards_is_all_of_them(con: duckdb.DuckDBPyConnection) -> None:
    rows = con.execute(
        "SELECT o.value, o.value_high, o.qualifier, u.kind, o.geography, o.period_basis "
        "FROM marts.observations o JOIN marts.units u USING (unit) "
        "WHERE o.indicator_id = 'school_boards_with_trafficking_protocols'").fetchall()
    assert rows == [(100.0, None, "all", "percent", "ontario", "not_stated")]


def test_only_a_range_has_a_high_end(con: duckdb.DuckDBPyConnection) -> None:
    rows = con.execute("SELECT indicator_id FROM marts.observations "
                       "WHERE (value_high IS NOT NULL) <> (qualifier = 'range')").fetchall()
    assert rows == []


def test_neither_form_is_listed_as_an_exclusion() -> None:
    readme = (REPO_ROOT / "data/README.md").read_text(encoding="utf-8")
    exclusions = readme.split("## Deliberate exclusions", 1)[1].split("\n## ", 1)[0]
    assert "45-50" not in exclusions and "conseils scolaires" not in exclusions
