"""Indicator pages through the Flask test client: every indicator in both languages."""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient

from dashboard.database import Database
from pipelines.read import strategy
from pipelines.read.rows import Indicator
from tests.support.dash_json import render, text_of

VERDICTS = {
    "en": ["Limited progress", "Needs acceleration", "On track", "Target achieved"],
    "fr": ["Progrès limités", "Doit s’accélérer", "En bonne voie", "Cible atteinte"],
}
VERDICT_CLASSES = ["status-limited-progress", "status-needs-acceleration", "status-on-track"]


def _neutral(info: Indicator) -> bool:
    return info.interpretation in {"reported_activity", "context"} or info.reporting_note


@pytest.mark.parametrize("shard", range(4))  # spread over the parallel run's workers
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_indicator_renders_and_neutral_ones_are_never_judged(
    client: FlaskClient, db: Database, lang: str, shard: int
) -> None:
    for info in strategy.indicators(db)[shard::4]:
        indicator_id = info.indicator_id
        page = text_of(render(client, f"/indicator/{indicator_id}", f"?lang={lang}"))
        name = info.name_fr if lang == "fr" else info.name_en
        assert name.replace('"', '\\"') in page, indicator_id
        if _neutral(info):
            for word in VERDICTS[lang]:
                # The thresholds sentence is only shown with a target; no verdict elsewhere.
                assert word not in page, (indicator_id, word)
            for css in VERDICT_CLASSES:
                assert css not in page, (indicator_id, css)


def test_reported_activity_page_cites_the_strategy_in_french(client: FlaskClient) -> None:
    page = text_of(render(client, "/indicator/joint_forces_investigations", "?lang=en"))
    assert "une augmentation des cas signalés sera au contraire un indicateur" in page
    assert '"lang": "fr"' in page
    assert "Reported activity: not judged good or bad" in page


def test_target_indicator_shows_the_numbers(client: FlaskClient) -> None:
    page = text_of(render(client, "/indicator/frontline_workers_trained", "?lang=en"))
    for expected in [
        "Expected to date",
        "Achieved ÷ expected",
        "Not assessed yet: no figure reported",
        "1,100 by March 31, 2030",
        "/about?lang=en#method",
        "Mettre en place 1 100 travailleurs",
    ]:
        assert expected in page, expected


def test_no_target_indicator_says_so(client: FlaskClient) -> None:
    page = text_of(render(client, "/indicator/people_served_funded_orgs", "?lang=fr"))
    assert "Aucune cible chiffrée publiée" in page
    assert "plus de 29\u00a0000" in page


def test_context_chart_keeps_editions_apart(client: FlaskClient) -> None:
    page = text_of(render(client, "/indicator/ca_ht_incidents", "?geography=canada&lang=fr"))
    assert "Juristat, données de 2022 (publié le 2023-12-04)" in page
    assert "Juristat, données de 2023 (publié le 2024-11-01)" in page
    # The link carries the chart's own filters, so the CSV holds exactly the charted rows.
    assert ("/download/observations.csv?indicator=ca_ht_incidents&geography=canada"
            "&breakdown=total&lang=fr") in page
    assert "Chaque édition forme sa propre série" in page


def test_unknown_geography_falls_back_and_links_keep_lang(client: FlaskClient) -> None:
    page = text_of(render(client, "/indicator/ca_ht_incidents", "?geography=mars&lang=fr"))
    assert "geography=mars" not in page
    # The language toggle keeps the (validated) view.
    assert "/indicator/ca_ht_incidents?geography=all&lang=en" in page


def test_unknown_indicator_is_a_helpful_404(client: FlaskClient) -> None:
    assert client.get("/indicator/nope?lang=fr").status_code == 404
    page = text_of(render(client, "/indicator/nope", "?lang=fr"))
    assert "Nous n’avons pas trouvé cette page" in page


@pytest.mark.parametrize(("indicator_id", "english", "french"), [
    ("ps_empowerment_projects_funding", "$3.45M", "3,45\u00a0M$"),
    ("ps_youth_pilots_funding", "$1.48M", "1,48\u00a0M$"),
    ("ps_serious_crime_funding", "$5.12M", "5,12\u00a0M$"),
    ("ps_project_salvation_army_propel", "$848,407", "848\u00a0407\u00a0$"),
])
def test_money_keeps_every_digit_the_source_printed(client: FlaskClient, indicator_id: str,
                                                    english: str, french: str) -> None:
    assert english in text_of(render(client, f"/indicator/{indicator_id}", "?lang=en"))
    assert french in text_of(render(client, f"/indicator/{indicator_id}", "?lang=fr"))
