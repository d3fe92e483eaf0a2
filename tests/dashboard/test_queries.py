from __future__ import annotations

import os
import shutil
from pathlib import Path

import duckdb
import pytest

from dashboard import queries
from dashboard.database import Database
from pipelines.errors import DatabaseNotBuilt
from pipelines.settings import load_settings


def test_pillars_in_strategy_order(db: Database) -> None:
    frame = queries.pillars(db)
    assert list(frame["pillar_id"]) == ["awareness", "protection", "support", "accountability"]
    assert frame.loc[0, "name_fr"] == "Sensibiliser au problème"


def test_headline_figure_keeps_qualifier_period_and_source(db: Database) -> None:
    figures = {f.indicator_id: f for f in queries.headline_figures(db)}
    served = figures["people_served_funded_orgs"]
    assert (served.value, served.qualifier, served.pillar_id) == (29000, "more_than", "support")
    assert str(served.period_start) == "2021-04-01" and str(served.period_end) == "2024-03-31"
    assert "29 000" in served.locator.replace("\u00a0", " ")
    assert served.publisher_en == "Government of Ontario"
    assert served.publisher_fr == "Gouvernement de l’Ontario"


def test_reported_activity_is_flagged(db: Database) -> None:
    figure = queries.indicator_figure(db, "joint_forces_investigations")
    assert figure is not None
    assert figure.interpretation == "reported_activity"
    assert (figure.value, figure.period_basis) == (65, "as_of")


def test_strategy_investment(db: Database) -> None:
    figure = queries.indicator_figure(db, "strategy_investment")
    assert figure is not None
    assert (figure.value, figure.qualifier, figure.unit_kind) == (345e6, "more_than", "money")


def test_ids_are_checked_with_parameters_not_text(db: Database) -> None:
    assert queries.pillar_exists(db, "support")
    assert not queries.pillar_exists(db, "support' OR '1'='1")
    assert queries.indicator_exists(db, "people_served_funded_orgs")
    assert not queries.indicator_exists(db, "nope")


def test_site_status(db: Database) -> None:
    status = queries.site_status(db)
    assert status.built_at
    assert status.has_demo is False


def test_missing_database_is_a_clear_error(tmp_path: Path) -> None:
    database = Database(load_settings(db_path=tmp_path / "absent.duckdb"))
    with pytest.raises(DatabaseNotBuilt, match="python -m pipelines build"):
        queries.pillars(database)


def test_connection_is_read_only(db: Database) -> None:
    with pytest.raises(duckdb.Error):
        db.cursor().execute("CREATE TABLE marts.x (a INTEGER)")


def test_replaced_file_is_picked_up(dashboard_db: Path, tmp_path: Path) -> None:
    path = tmp_path / "strategy.duckdb"
    shutil.copy(dashboard_db, path)
    database = Database(load_settings(db_path=path))
    assert queries.pillar_exists(database, "support")
    replacement = tmp_path / "next.duckdb"
    shutil.copy(dashboard_db, replacement)
    with duckdb.connect(str(replacement)) as con:
        con.execute("DELETE FROM marts.pillars WHERE pillar_id = 'support'")
    os.replace(replacement, path)  # the way the pipeline swaps in a new build
    assert not queries.pillar_exists(database, "support")
    database.close()


def test_headline_figures_include_those_published_for_an_area_only(db: Database) -> None:
    """The protection pillar's baseline is published for the Toronto and Durham teams only."""
    figures = {f.indicator_id: f for f in queries.headline_figures(db)}
    served = figures["care_children_youth_served"]
    assert (served.value, served.qualifier, served.measure) == (200, "more_than", "annual_average")
    assert (served.geography, served.geography_fr) == ("toronto_durham", "Toronto et Durham")


def test_headline_figures_skip_regional_breakdowns(db: Database) -> None:
    regions = db.frame("SELECT geography_id FROM marts.geographies WHERE level = 'region'")
    figures = queries.headline_figures(db)
    assert figures and not {f.geography for f in figures} & set(regions["geography_id"])
