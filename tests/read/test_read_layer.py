"""The read layer: named queries, typed rows, parameters bound, never spliced."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest

from dashboard.database import Database
from pipelines.errors import DatabaseNotBuilt
from pipelines.read import ConnectionReader, QueryError, fetch, progress, strategy
from pipelines.read.core import QUERY_DIR, query_text
from pipelines.read.indicator import indicator_page
from pipelines.settings import load_settings


def test_pillars_in_strategy_order(reader: ConnectionReader) -> None:
    pillars = strategy.pillars(reader)
    assert [p.pillar_id for p in pillars] == ["awareness", "protection", "support",
                                              "accountability"]
    assert pillars[0].name_fr == "Sensibiliser au problème"


def test_latest_figure_keeps_qualifier_period_and_source(reader: ConnectionReader) -> None:
    served = strategy.latest_figure(reader, "people_served_funded_orgs")
    assert served is not None
    assert (served.value, served.qualifier, served.pillar_id) == (29000, "more_than", "support")
    assert str(served.period_start) == "2021-04-01" and str(served.period_end) == "2024-03-31"
    assert "29 000" in served.locator.replace("\u00a0", " ")
    assert (served.publisher_en, served.publisher_fr) == ("Government of Ontario",
                                                          "Gouvernement de l’Ontario")


def test_headline_figures_include_an_area_only_figure_and_skip_regions(
        reader: ConnectionReader) -> None:
    figures = {f.indicator_id: f for f in strategy.latest_figures(reader, headline=True)}
    served = figures["care_children_youth_served"]
    assert (served.value, served.qualifier, served.geography) == (200, "more_than",
                                                                  "toronto_durham")
    regions = {g.geography_id for g in strategy.geographies(reader) if g.level == "region"}
    assert figures and not {f.geography for f in figures.values()} & regions


def test_ids_are_checked_with_parameters_not_text(reader: ConnectionReader) -> None:
    assert strategy.pillar_exists(reader, "support")
    assert not strategy.pillar_exists(reader, "support' OR '1'='1")
    assert strategy.indicator_exists(reader, "people_served_funded_orgs")
    assert not strategy.indicator_exists(reader, "nope")


def test_site_status(reader: ConnectionReader, demo: ConnectionReader) -> None:
    assert strategy.site_status(reader).built_at
    assert strategy.site_status(reader).has_demo is False
    assert strategy.site_status(demo).has_demo is True


def test_every_deliverable_status_is_counted(reader: ConnectionReader) -> None:
    counts = strategy.milestone_counts(reader)
    assert sum(counts.values()) == len(strategy.milestones(reader)) == 29
    assert set(counts) == {"not_reported", "planned", "in_progress", "done", "at_risk"}


def test_progress_reads_one_latest_row_per_pillar_indicator(demo: ConnectionReader) -> None:
    rows = progress.current(demo)
    assert len(rows) == len({r.indicator_id for r in rows}) == 10
    assert all(r.is_latest for r in rows)
    target = progress.of_indicator(demo, "frontline_workers_trained")
    assert target is not None and target.target_value == 1100
    history = progress.history(demo, "frontline_workers_trained")
    assert history[-1] == target and [r.as_of_quarter for r in history] == sorted(
        r.as_of_quarter for r in history)


def test_indicator_page_reads_everything_once(demo: ConnectionReader) -> None:
    page = indicator_page(demo, "frontline_workers_trained")
    assert page is not None and page.current is not None
    assert page.target is not None and page.target.target_value == 1100
    assert {s.series_source for s in page.submissions} == {"submissions:demo"}
    # Submission breakdowns are counted in the summary, never fetched row by row.
    assert all(o.breakdown == "total" for o in page.observations
               if o.series_source.startswith("submissions:"))
    assert indicator_page(demo, "nope") is None


def test_every_query_file_is_named_and_documented() -> None:
    for path in QUERY_DIR.glob("*.sql"):
        text = query_text(path.stem)
        assert text.startswith("--"), f"{path.name} has no comment saying what it returns"


def test_an_unknown_query_or_a_row_type_that_does_not_fit_is_a_clear_error(
        reader: ConnectionReader) -> None:
    @dataclass(frozen=True)
    class Wrong:
        pillar_id: str

    with pytest.raises(QueryError, match="no query named 'nope'"):
        fetch(reader, "nope", Wrong)
    with pytest.raises(QueryError, match="'pillars' does not fit Wrong"):
        fetch(reader, "pillars", Wrong, pillar_id=None)


def test_the_dashboard_reads_through_a_cached_read_only_database(dashboard_db: Path) -> None:
    database = Database(load_settings(db_path=dashboard_db))
    assert strategy.pillars(database)[0].pillar_id == "awareness"
    with pytest.raises(duckdb.Error):
        database.cursor().execute("CREATE TABLE marts.x (a INTEGER)")
    database.close()


def test_missing_database_is_a_clear_error(tmp_path: Path) -> None:
    database = Database(load_settings(db_path=tmp_path / "absent.duckdb"))
    with pytest.raises(DatabaseNotBuilt, match="python -m pipelines build"):
        strategy.pillars(database)


def test_replaced_file_is_picked_up(dashboard_db: Path, tmp_path: Path) -> None:
    path = tmp_path / "strategy.duckdb"
    shutil.copy(dashboard_db, path)
    database = Database(load_settings(db_path=path))
    assert strategy.pillar_exists(database, "support")
    replacement = tmp_path / "next.duckdb"
    shutil.copy(dashboard_db, replacement)
    with duckdb.connect(str(replacement)) as con:
        con.execute("DELETE FROM marts.pillars WHERE pillar_id = 'support'")
        # Every write stores a new data version, which the caches are keyed by.
        con.execute("UPDATE meta.build_info SET value = 'changed' WHERE key = 'data_version'")
    os.replace(replacement, path)  # the way the writer swaps in a new version
    assert not strategy.pillar_exists(database, "support")
    database.close()
