"""The pillar, deliverables and about pages through the Flask test client, in both languages."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from flask.testing import FlaskClient

from dashboard.components.deliverables import parse_filters
from pipelines.language.i18n import t
from pipelines.read import progress, strategy
from pipelines.settings import REPO_ROOT
from tests.support.dash_json import components, find, link_targets, props_of, render, text_of

PILLARS = ["awareness", "protection", "support", "accountability"]
STRATEGY_SENTENCE = (
    "Si, en conséquence des actions mises en œuvre dans le cadre de cette stratégie, un plus "
    "grand nombre de victimes se sentent soutenues et prêtes à se faire connaître et si les "
    "forces de l’ordre sont mieux à même de cibler et de trouver les auteurs, une augmentation "
    "des cas signalés sera au contraire un indicateur de son efficacité."
)
FAILING = ["limited_progress", "needs_acceleration"]


def _headings(payload: dict[str, Any], level: int) -> list[dict[str, Any]]:
    return [n for n in components(payload) if n["type"] == f"H{level}"]


@pytest.mark.parametrize("pillar", PILLARS)
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_pillar_page_lists_every_indicator_and_milestone(
    client: FlaskClient, db: Any, pillar: str, lang: str
) -> None:
    assert client.get(f"/pillar/{pillar}?lang={lang}").status_code == 200
    payload = render(client, f"/pillar/{pillar}", f"?lang={lang}")
    assert len(_headings(payload, 1)) == 1
    for indicator in strategy.indicators(db, pillar):
        row = find(payload, id=f"pillar-indicator-{indicator.indicator_id}")
        assert row, indicator.indicator_id
        assert f"/indicator/{indicator.indicator_id}?lang={lang}" in link_targets(row[0])
    for milestone in strategy.milestones(db, pillar):
        assert find(payload, id=f"milestone-{milestone.milestone_id}"), milestone.milestone_id
    hrefs = [h for h in link_targets(payload) if h.startswith("/")]
    other = "en" if lang == "fr" else "fr"
    assert [h for h in hrefs if f"lang={other}" in h] == [f"/pillar/{pillar}?lang={other}"]


def test_pillar_page_in_english_quotes_the_outcome_in_french(client: FlaskClient) -> None:
    payload = render(client, "/pillar/support", "?lang=en")
    text = text_of(payload)
    assert "Survivors receive appropriate supports" in text
    quote = find(payload, lang="fr", className="source-quote")
    assert quote and "les survivantes et les survivants bénéficient" in text_of(quote[0])
    assert "29,000+" in text and "2021-22 to 2023-24" in text
    assert "No numeric target published" in text


def test_pillar_page_in_french(client: FlaskClient) -> None:
    text = text_of(render(client, "/pillar/support", "?lang=fr"))
    assert "Soutenir les survivantes et les survivants" in text
    assert "plus de 29\u00a0000" in text
    assert "Aucune cible chiffrée publiée" in text
    assert "29,000" not in text


def test_training_target_is_shown_and_not_assessed_without_data(client: FlaskClient) -> None:
    text = text_of(render(client, "/pillar/awareness", "?lang=en"))
    assert "Not assessed yet: no figure reported" in text


@pytest.mark.parametrize("pillar", PILLARS)
def test_no_reported_activity_indicator_is_labelled_failing(
    client: FlaskClient, db: Any, pillar: str
) -> None:
    payload = render(client, f"/pillar/{pillar}", "?lang=en")
    for indicator in strategy.indicators(db, pillar):
        if indicator.interpretation != "reported_activity":
            continue
        row = text_of(find(payload, id=f"pillar-indicator-{indicator.indicator_id}")[0])
        assert "Reported activity: not judged good or bad" in row
        for status in [*FAILING, "on_track", "achieved"]:
            assert t(f"status.{status}", "en") not in row
            assert f"status-{status.replace('_', '-')}" not in row


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_accountability_page_carries_the_strategy_sentence(client: FlaskClient, lang: str) -> None:
    payload = render(client, "/pillar/accountability", f"?lang={lang}")
    french = [n for n in find(payload, lang="fr") if STRATEGY_SENTENCE in text_of(n)]
    assert french, "the strategy's sentence is quoted and marked lang=fr"
    text = text_of(payload)
    if lang == "en":
        assert "an increase in reported cases will instead be an indicator" in text
    raw = (REPO_ROOT / "data/raw/ontario-strategy-2025-2030.fr.txt").read_text(encoding="utf-8")
    assert STRATEGY_SENTENCE in raw


def test_other_pillars_have_no_accountability_note(client: FlaskClient) -> None:
    assert STRATEGY_SENTENCE not in text_of(render(client, "/pillar/support", "?lang=en"))


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_unknown_pillar_is_404_with_links_to_the_four_pillars(
    client: FlaskClient, lang: str
) -> None:
    assert client.get(f"/pillar/nope?lang={lang}").status_code == 404
    payload = render(client, "/pillar/nope", f"?lang={lang}")
    assert t("not_found.heading", lang) in text_of(payload)
    hrefs = link_targets(payload)
    for pillar in PILLARS:
        assert f"/pillar/{pillar}?lang={lang}" in hrefs


def test_deliverables_and_about_are_200(client: FlaskClient) -> None:
    for url in ["/deliverables", "/deliverables?pillar=support&status=done&lang=fr", "/about"]:
        assert client.get(url).status_code == 200, url


def test_deliverables_lists_every_milestone_and_says_none_reported(client: FlaskClient) -> None:
    payload = render(client, "/deliverables", "?lang=en")
    rows = [p for p in props_of(payload) if str(p.get("id", "")).startswith("milestone-")]
    assert len(rows) == 29
    text = text_of(payload)
    assert "No progress has been reported yet on any of the 29 commitments" in text
    assert "Showing 29 of 29 commitments." in text


def test_deliverables_filters_come_from_the_url(client: FlaskClient) -> None:
    payload = render(client, "/deliverables", "?pillar=support&status=not_reported&lang=fr")
    rows = [p for p in props_of(payload) if str(p.get("id", "")).startswith("milestone-")]
    assert len(rows) == 9
    assert all(str(r["id"]).startswith("milestone-support-") for r in rows)
    selected = [n["props"]["id"] for n in find(payload, className="chip chip-selected")]
    assert sorted(selected) == ["deliverables-pillar-support", "deliverables-status-not_reported"]
    # Each chip keeps the other filter and the language.
    chip = find(payload, id="deliverables-status-done")[0]
    assert chip["props"]["href"] == "/deliverables?pillar=support&status=done&lang=fr"
    # The language toggle keeps the filters.
    toggle = find(payload, id="shell-language-toggle")[0]
    assert toggle["props"]["href"] == "/deliverables?pillar=support&status=not_reported&lang=en"


def test_deliverables_with_no_match_says_so(client: FlaskClient) -> None:
    text = text_of(render(client, "/deliverables", "?status=done"))
    assert "No commitment matches these filters." in text
    assert "Showing 0 of 29 commitments." in text


def test_deliverables_ignores_values_not_on_the_allow_lists(client: FlaskClient) -> None:
    payload = render(client, "/deliverables", "?pillar=x%27%3B--&status=finished")
    text = text_of(payload)
    assert "An unknown filter value in the address was ignored" in text
    assert "Showing 29 of 29 commitments." in text


def test_parse_filters() -> None:
    pillars = ["support"]
    assert parse_filters("support", "done", pillars).query() == {
        "pillar": "support",
        "status": "done",
    }
    assert parse_filters(None, "", pillars).ignored == ()
    repeated = parse_filters(["support", "awareness"], "DONE", pillars)
    assert (repeated.pillar, repeated.status, len(repeated.ignored)) == (None, None, 2)


def test_milestone_statuses_have_a_word_and_a_distinct_shape() -> None:
    from dashboard.components.milestones import STATUS_ICONS
    from pipelines.vocabulary import MILESTONE_STATUSES

    assert len(set(STATUS_ICONS.values())) == len(MILESTONE_STATUSES)
    for status in MILESTONE_STATUSES:
        assert t(f"milestone.{status}", "en") != t(f"milestone.{status}", "fr")


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_about_has_every_section(client: FlaskClient, lang: str) -> None:
    payload = render(client, "/about", f"?lang={lang}")
    ids = {n["props"].get("id") for n in _headings(payload, 2)}
    assert {
        "method",
        "worked-example",
        "sources",
        "period",
        "suppression",
        "cite",
        "glossary",
        "help",
    } <= ids
    assert len(_headings(payload, 1)) == 1


def test_about_worked_example_uses_the_method(client: FlaskClient, db: Any) -> None:
    method = progress.method(db)
    assert method is not None
    text = text_of(render(client, "/about", "?lang=en"))
    assert "Hypothetical" in text
    assert f"{method.example_days_elapsed} of {method.example_days_in_period:,}" in text
    assert "whole number of workers: 330." in text and "= 0.91." in text
    assert "Status: Needs acceleration." in text
    assert "ratio of 0.95 or more" in text and "below 0.6" in text


def test_about_in_french_formats_numbers_the_french_way(client: FlaskClient) -> None:
    text = text_of(render(client, "/about", "?lang=fr"))
    assert "entier de travailleurs\u00a0: 330." in text and "= 0,91." in text
    assert "de 2025-2026 à 2029-2030" in text
    assert "vers 2014" in text


def test_about_lists_every_source(client: FlaskClient, db: Any) -> None:
    payload = render(client, "/about", "?lang=en")
    text = text_of(payload)
    for row in strategy.sources(db):
        assert row.sha256[:12] in text
        assert json.dumps(row.title, ensure_ascii=False) in text
    assert "about 2014" in text


def test_about_suppression_and_citation(client: FlaskClient, db: Any) -> None:
    text = text_of(render(client, "/about", "?lang=en"))
    assert "counts of people from 1 to 9" in text
    version = strategy.build_info(db)["inputs_sha256"][:12]
    assert f"version {version}" in text


def test_about_quotes_are_verbatim_from_their_documents() -> None:
    deck = (REPO_ROOT / "data/raw/hanley-ricard-guay-ten-years-of-action.fr.txt").read_text("utf-8")
    collapsed = re.sub(r"\s+", " ", deck.replace("\u00a0", " "))
    for key in ["irpa_118", "cc_27901", "cc_27904"]:
        assert t(f"about_quotes.{key}", "fr") in collapsed, key


def test_nav_links_to_the_new_pages(client: FlaskClient) -> None:
    hrefs = link_targets(render(client, "/", "?lang=fr"))
    assert "/deliverables?lang=fr" in hrefs and "/about?lang=fr" in hrefs


def test_french_pillar_table_has_no_english_source_words(client: FlaskClient) -> None:
    payload = render(client, "/pillar/accountability", "?lang=fr")
    table = text_of(find(payload, className="data-table indicator-table")[0])
    assert "Stratégie ontarienne 2025–2030" in table
    assert "Government of Ontario" not in table


@pytest.mark.parametrize(
    ("path", "search", "title"),
    [
        ("/pillar/support", "?lang=fr", "Soutenir les survivantes et les survivants – Suivi"),
        ("/deliverables", "?lang=en", "Deliverables – Ontario"),
        ("/about", "?lang=fr", "À propos des données – Suivi"),
    ],
)
def test_page_titles_are_translated(
    client: FlaskClient, path: str, search: str, title: str
) -> None:
    assert render(client, path, search)["_pages_store"]["data"]["title"].startswith(title)
