"""With quarterly submissions, a cumulative headline is the total to date its status uses."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import duckdb
from plotly.utils import PlotlyJSONEncoder

from dashboard import indicator_queries, queries
from dashboard.components.figures import figure_quote
from dashboard.components.overview_cards import total_to_date
from dashboard.database import Database
from pipelines.settings import load_settings

INDICATOR = "frontline_workers_trained"


def _database(path: Path) -> Database:
    return Database(load_settings(env={}, db_path=path))


def test_cumulative_headline_is_the_sum_of_quarters_within_the_strategy(demo_db: Path) -> None:
    db = _database(demo_db)
    figure = {f.indicator_id: f for f in queries.headline_figures(db)}[INDICATOR]
    data = indicator_queries.indicator_data(db, INDICATOR)
    assert data is not None
    to_date = total_to_date(figure, data)
    with duckdb.connect(str(demo_db), read_only=True) as con:
        expected = con.execute(
            "SELECT sum(value), min(period_start), max(period_end) FROM marts.observations "
            "WHERE indicator_id = ? AND geography = 'ontario' AND breakdown = 'total'",
            [INDICATOR]).fetchone()
    assert to_date is not None
    assert (to_date.value, to_date.period_start, to_date.period_end) == expected
    assert to_date.period_start == date(2025, 4, 1) and to_date.value > figure.value


def test_published_total_is_left_as_it_is(dashboard_db: Path) -> None:
    db = _database(dashboard_db)
    figure = {f.indicator_id: f for f in queries.headline_figures(db)}["people_served_funded_orgs"]
    data = indicator_queries.indicator_data(db, "people_served_funded_orgs")
    assert data is not None and total_to_date(figure, data) is None


def test_submission_provenance_is_not_called_a_french_quote(demo_db: Path) -> None:
    db = _database(demo_db)
    figure = {f.indicator_id: f for f in queries.headline_figures(db)}[INDICATOR]
    text = json.dumps(figure_quote(figure, "en"), cls=PlotlyJSONEncoder)
    assert "Where this figure comes from" in text and "in French" not in text


def test_quarterly_count_of_an_annual_average_indicator_is_not_called_an_average(
    demo_db: Path,
) -> None:
    from dashboard.components.figures import figure_value

    db = _database(demo_db)
    figure = {f.indicator_id: f for f in queries.headline_figures(db)}["care_children_youth_served"]
    assert figure.status == "demo"
    assert "on average" not in json.dumps(figure_value(figure, "en"), cls=PlotlyJSONEncoder)
