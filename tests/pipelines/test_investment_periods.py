"""One period convention for the strategies and the money announced for them.

The strategy prints "pour la période 2025–2030 … plus de 345 M$ pour cette période"; the
English pages in the context figures say "from 2020 to 2025" ($307M) and "from 2025 to 2030"
($345M). Whatever the compiled table's dates, every copy of these amounts takes the period of
its strategy in marts.strategies (fiscal years, basis inferred).
"""

from __future__ import annotations

import csv
from datetime import date

import duckdb

from pipelines.settings import REPO_ROOT

RAW = REPO_ROOT / "data/raw"


def _funding_rows() -> list[dict[str, str]]:
    with (RAW / "context-figures.csv").open(encoding="utf-8") as handle:
        return [r for r in csv.DictReader(handle)
                if r["series_id"] == "ON_AHTS_FUNDING" and r["source_tier"] == "primary"]


def test_the_sources_give_years_without_months() -> None:
    quotes = {r["value"]: r["quote"] for r in _funding_rows()}
    assert "$307 million from 2020 to 2025" in quotes["307000000"]
    assert "from 2025 to 2030" in quotes["345000000"]
    assert "over the same period of time" in quotes["345000000"]
    strategy = (RAW / "ontario-strategy-2025-2030.fr.txt").read_text(encoding="utf-8")
    assert "pour la période 2025–2030, qui comprendra un investissement de plus de 345 M$ " \
           "pour cette période" in strategy
    # The compiled table reads the years as calendar years: the dates the tracker must not keep.
    assert {(r["period_start"], r["period_end"]) for r in _funding_rows()} == {
        ("2020-01-01", "2025-12-31"), ("2025-01-01", "2030-12-31")}


def test_every_investment_figure_takes_its_strategy_period(
        con: duckdb.DuckDBPyConnection) -> None:
    strategies = {value: (start, end, basis) for value, start, end, basis in con.execute(
        "SELECT CASE strategy_id WHEN '2020-2025' THEN 307e6 ELSE 345e6 END, period_start, "
        "period_end, period_basis FROM marts.strategies").fetchall()}
    rows = con.execute(
        "SELECT indicator_id, value, period_start, period_end, period_basis "
        "FROM marts.observations WHERE indicator_id IN ('strategy_investment', "
        "'on_ahts_funding') ORDER BY indicator_id, value").fetchall()
    assert [(i, v) for i, v, *_ in rows] == [
        ("on_ahts_funding", 307e6), ("on_ahts_funding", 345e6), ("strategy_investment", 345e6)]
    for _, value, start, end, basis in rows:
        assert (start, end, basis) == strategies[value]
    assert strategies[345e6] == (date(2025, 4, 1), date(2030, 3, 31), "inferred")


def test_the_notes_say_why_the_dates_differ_from_the_compiled_table(
        con: duckdb.DuckDBPyConnection) -> None:
    notes = con.execute("SELECT note_en, note_fr FROM marts.observations "
                        "WHERE indicator_id = 'on_ahts_funding'").fetchall()
    assert len(notes) == 2
    for note_en, note_fr in notes:
        assert "calendar years" in note_en and "fiscal years" in note_en
        assert "années civiles" in note_fr and "exercices" in note_fr
