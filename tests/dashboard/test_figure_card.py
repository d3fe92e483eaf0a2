"""A figure card writes what the figure is: value with qualifier, measure, where, when."""

from __future__ import annotations

import json

import pytest
from plotly.utils import PlotlyJSONEncoder

from dashboard.components.figures import figure_value
from dashboard.database import Database
from pipelines.read import strategy


def card_text(db: Database, indicator_id: str, lang: str) -> str:
    figure = {f.indicator_id: f for f in strategy.latest_figures(db, headline=True)}[indicator_id]
    text = json.dumps(figure_value(figure, lang), cls=PlotlyJSONEncoder, ensure_ascii=False)
    return text.replace("\u00a0", " ").replace("\u202f", " ")


@pytest.mark.parametrize(("lang", "expected"), [
    ("en", ["200+", "a year, on average", "Toronto and Durham · period not stated"]),
    ("fr", ["plus de 200", "par année, en moyenne", "Toronto et Durham · période non précisée"]),
])
def test_area_baseline_card_says_average_and_where(db: Database, lang: str, expected: list[str]):
    text = card_text(db, "care_children_youth_served", lang)
    assert all(part in text for part in expected), text


def test_provincial_card_does_not_repeat_ontario(db: Database):
    assert "Ontario ·" not in card_text(db, "people_served_funded_orgs", "en")


def test_no_english_publisher_name_on_french_pages(client) -> None:
    """Every page that lists sources names the publisher in French on the French page."""
    from tests.support.dash_json import render, text_of

    for path in ("/indicator/ca_ht_incidents", "/about", "/pillar/support",
                 "/indicator/frontline_workers_trained"):
        text = text_of(render(client, path, "?lang=fr"))
        assert "Statistics Canada" not in text and "Government of Ontario" not in text, path
