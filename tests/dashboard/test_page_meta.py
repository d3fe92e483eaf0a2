"""The first HTML response of every page (what a link preview or a search engine reads, before
any script runs) has the page's own title, a description and Open Graph tags, in its
language."""

from __future__ import annotations

import re
from html import unescape

import pytest
from flask.testing import FlaskClient

from dashboard.database import Database
from pipelines.read import strategy
from pipelines.vocabulary import CORE_INDICATORS

PATHS = ["/", "/pillar/support", "/indicator/frontline_workers_trained", "/deliverables",
         "/review/quarterly", "/review/statutory", "/data", "/about",
         "/embed/indicator/frontline_workers_trained", "/no-such-page"]


def head(client: FlaskClient, url: str) -> dict[str, str]:
    page = client.get(url).get_data(as_text=True)
    found = {"title": unescape(re.search(r"<title>(.*?)</title>", page, re.S).group(1))}
    for _kind, name, content in re.findall(
            r'<meta (name|property)="([^"]+)" content="([^"]*)"', page):
        found.setdefault(name, unescape(content))
    found["lang"] = re.search(r'<html lang="(\w+)"', page).group(1)
    return found


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_page_has_its_own_title_and_a_description(client: FlaskClient, lang: str) -> None:
    titles = set()
    for path in PATHS:
        tags = head(client, f"{path}?lang={lang}")
        assert tags["lang"] == lang
        assert tags["description"].strip(), path
        assert tags["og:title"] == tags["title"], path
        assert tags["og:description"] == tags["description"], path
        assert tags["og:locale"] == {"en": "en_CA", "fr": "fr_CA"}[lang]
        titles.add(tags["title"])
    assert len(titles) == len(PATHS)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_an_indicator_page_names_its_indicator(client: FlaskClient, db: Database,
                                               lang: str) -> None:
    seen = set()
    for indicator_id in CORE_INDICATORS:
        info = strategy.indicator(db, indicator_id)
        assert info is not None
        name = info.name_fr if lang == "fr" else info.name_en
        tags = head(client, f"/indicator/{indicator_id}?lang={lang}")
        # French pages are set in French typography: compare the words, not the spaces.
        assert tags["title"].replace("\u00a0", " ").startswith(name.replace("\u00a0", " "))
        assert name.split()[0] in tags["description"]
        seen.add(tags["description"])
    assert len(seen) == len(CORE_INDICATORS)


def test_french_titles_and_descriptions_are_in_french(client: FlaskClient) -> None:
    tags = head(client, "/indicator/frontline_workers_trained?lang=fr")
    assert "l’Ontario est-il en bonne voie\u00a0?" in tags["description"]
    assert tags["title"].endswith("Suivi de la stratégie ontarienne de lutte contre la traite "
                                  "des personnes")


def test_an_unknown_indicator_says_not_found_in_its_title(client: FlaskClient) -> None:
    response = client.get("/indicator/nope?lang=fr")
    assert response.status_code == 404
    assert "<title>Page introuvable" in response.get_data(as_text=True)
