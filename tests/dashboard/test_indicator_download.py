"""The "download this data" link under an indicator chart gives exactly the charted rows."""

from __future__ import annotations

import io
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pandas as pd
import pytest

from dashboard.app import create_app
from dashboard.components.download import download_href
from dashboard.components.indicator_view import chart_filters
from dashboard.database import Database
from dashboard.figures.series import ALL, charted_points, default_geography
from pipelines.read.indicator import indicator_page
from pipelines.settings import load_settings

CASES = [
    ("frontline_workers_trained", None),      # quarterly demo counts (totals to date apart)
    ("frontline_workers_trained", ALL),       # every geography with a total
    ("care_children_youth_served", "ontario"),  # age breakdowns exist but are not charted
    ("ca_ht_incidents", None),                # two Juristat editions
]


@pytest.mark.parametrize(("indicator_id", "geography"), CASES)
def test_download_link_returns_the_charted_observations(demo_db: Path, indicator_id: str,
                                                        geography: str | None) -> None:
    db = Database(load_settings(env={}, db_path=demo_db))
    page = indicator_page(db, indicator_id)
    assert page is not None
    chosen = geography or default_geography(page.observations)
    # Totals to date come from marts.progress (their own download), not from observations.
    charted = {p.observation_id for p in charted_points(page, chosen) if p.observation_id}
    link = urlsplit(download_href(chart_filters(page, chosen), "en"))
    client = create_app(load_settings(env={}, db_path=demo_db)).server.test_client()
    response = client.get(f"{link.path}?{link.query}")
    assert response.status_code == 200, response.get_data(as_text=True)
    downloaded = pd.read_csv(io.BytesIO(response.data))
    assert charted and set(downloaded["observation_id"]) == charted
    assert parse_qs(link.query)["indicator"] == [indicator_id]


def test_indicator_page_says_how_to_cite(client) -> None:
    from tests.support.dash_json import render, text_of

    english = text_of(render(client, "/indicator/people_served_funded_orgs", "?lang=en"))
    french = text_of(render(client, "/indicator/people_served_funded_orgs", "?lang=fr"))
    assert "indicator-cite" in english and "version" in english
    assert "indicator-cite" in french
