"""/about and the indicator page say how the 1,100 target is read, that it is an assumption,
and quote the July 2025 release as the context figures hold it."""

from __future__ import annotations

import csv

import pytest
from flask.testing import FlaskClient

from pipelines.language.i18n import t
from pipelines.settings import REPO_ROOT
from tests.support.dash_json import render, text_of


def test_the_quote_is_the_context_figures_own_words() -> None:
    with (REPO_ROOT / "data/raw/context-figures.csv").open(encoding="utf-8") as handle:
        quotes = [r["quote"] for r in csv.DictReader(handle)
                  if r["series_id"] == "ON_AWARE_FRONTLINE_TRAINED_CUM"]
    for lang in ("en", "fr"):
        assert t("about_period.trained_quote", lang) in quotes[0]


@pytest.mark.parametrize(("lang", "start", "assumption"), [
    ("en", "April 1, 2025", "This reading is an assumption"),
    ("fr", "1er avril 2025", "Cette lecture est une hypothèse"),
])
def test_about_states_the_target_reading(client: FlaskClient, lang: str, start: str,
                                         assumption: str) -> None:
    page = text_of(render(client, "/about", f"?lang={lang}"))
    assert f"counted from {start}" in page or f"à partir du {start}" in page
    assert assumption in page
    assert t("about_period.trained_quote", lang) in page


@pytest.mark.parametrize(("lang", "words"), [
    ("en", "new trainees counted from 1 April 2025"),
    ("fr", "comptées à partir du 1er avril 2025"),
])
def test_the_indicator_page_shows_the_target_note(client: FlaskClient, lang: str,
                                                  words: str) -> None:
    page = text_of(render(client, "/indicator/frontline_workers_trained", f"?lang={lang}"))
    assert words in page
