"""French pages are French: every page (every indicator, every pillar) is rendered the way the
browser asks for it, and its French text (parts marked in another language, code and
addresses aside) is scanned for words that only the English catalogue uses, for straight
apostrophes and for the spaces French typography puts before : ; ! ? % » and after «."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import dash
import duckdb
import pytest
from flask.testing import FlaskClient

from dashboard.app import create_app
from pipelines.language.i18n import load_catalogue
from pipelines.release.public_fields import FIELDS
from pipelines.settings import load_settings
from pipelines.vocabulary import PILLARS
from tests.support.dash_json import render

READ_ATTRIBUTES = ("title", "alt", "aria-label", "data-label", "placeholder")
CODE = {"Code", "Pre"}
ADDRESS = re.compile(r"\S*://\S*|(?<!\S)/\S*")
WORD = re.compile(r"[\w’'-]+")
# A high sign with an ordinary space, or glued to a word, before it; « without a no-break
# space after it. "dimension:valeur" (no space either side) is a code and is allowed.
BAD_SPACING = re.compile(r"[ \t][:;!?%»]|\w[;!?»](?=\s|$)|\w:(?=\s|$)|\d%|«(?![\u00a0\u202f])")


# The database's French text of record (demonstration rows are generated, not of record).
FRENCH_OF_RECORD = """
SELECT name_fr FROM marts.indicators UNION ALL SELECT definition_fr FROM marts.indicators
UNION ALL SELECT text_fr FROM marts.milestones UNION ALL SELECT name_fr FROM marts.geographies
UNION ALL SELECT edition_fr FROM meta.sources WHERE kind <> 'demo'
UNION ALL SELECT publisher_fr FROM meta.sources WHERE kind <> 'demo'
UNION ALL SELECT title FROM meta.sources WHERE language = 'fr'
UNION ALL SELECT note_fr FROM marts.observations WHERE status <> 'demo'
UNION ALL SELECT note_fr FROM marts.targets
UNION ALL SELECT rationale_fr FROM marts.milestone_indicators
UNION ALL SELECT o.locator FROM marts.observations o JOIN meta.sources s USING (source_id)
          WHERE s.language = 'fr'
"""
# A quarter code outside « » (a quoted code, as the data dictionary shows one, is allowed).
ENGLISH_QUARTER = re.compile(r"(?<!«\u00a0)(?<!« )\b\d{4}-\d{2}Q[1-4]\b")


@pytest.fixture(scope="module")
def french_app(demo_db: Path) -> dash.Dash:
    # The demonstration build: its labels (banner, sources, legends) are on the pages too.
    return create_app(load_settings(env={}, db_path=demo_db))


@pytest.fixture(scope="module")
def client(french_app: dash.Dash) -> FlaskClient:
    return french_app.server.test_client()


@pytest.fixture(scope="module")
def ids(demo_db: Path) -> tuple[list[str], set[str]]:
    """Every indicator id, and every word of the database's French text (names, definitions,
    notes, quotations of French sources): that text is the French of record, and it keeps
    proper names such as a funded project's English title."""
    with duckdb.connect(str(demo_db), read_only=True) as con:
        indicators = [r[0] for r in con.execute(
            "SELECT indicator_id FROM marts.indicators ORDER BY indicator_id").fetchall()]
        texts = [str(v) for (v,) in con.execute(FRENCH_OF_RECORD).fetchall() if v]
    return indicators, _words(" ".join(texts))


def _words(text: str) -> set[str]:
    return {w.lower() for w in WORD.findall(ADDRESS.sub(" ", text))}


def english_only_words(database_french: set[str]) -> set[str]:
    """Words the English catalogue uses and no French text of record does; column names and
    allowed values of the downloads are codes, not words."""
    catalogue = load_catalogue()
    english = set().union(*(_words(re.sub(r"\{\w+\}", " ", v["en"])) for v in catalogue.values()))
    french = set().union(*(_words(v["fr"]) for v in catalogue.values()))
    codes = {part for fields in FIELDS.values() for f in fields
             for text in (f.name, f.name_fr, *f.allowed) for part in _words(text)}
    return {w for w in english - french - database_french - codes
            if len(w) >= 3 and not re.search(r"[\d_]", w)}


def french_texts(tree: Any, lang: str = "fr") -> Iterator[str]:
    """The texts a person reads or hears, in French parts of the page."""
    if isinstance(tree, str):
        if lang.startswith("fr"):
            yield tree
    elif isinstance(tree, list):
        for item in tree:
            yield from french_texts(item, lang)
    elif isinstance(tree, dict) and "props" in tree:
        props = tree["props"]
        lang = str(props.get("lang") or lang)
        if tree.get("type") in CODE or not lang.startswith("fr"):
            return
        yield from (str(props[a]) for a in READ_ATTRIBUTES if isinstance(props.get(a), str))
        yield from french_texts(props.get("children"), lang)
    elif isinstance(tree, dict):
        for value in tree.values():
            yield from french_texts(value, lang)


def pages(indicators: list[str]) -> list[str]:
    return ["/", "/deliverables", "/review/quarterly", "/review/quarterly?quarter=2025-26Q2",
            "/review/statutory", "/data", "/data?indicator=frontline_workers_trained",
            "/about", "/no-such-page", *[f"/pillar/{p}" for p in sorted(PILLARS)],
            *[f"/indicator/{i}" for i in indicators],
            "/embed/indicator/frontline_workers_trained"]


def problems(client: FlaskClient, url: str, english: set[str]) -> list[str]:
    path, _, query = url.partition("?")
    payload = render(client, path, "?" + "&".join(filter(None, [query, "lang=fr"])))
    found = []
    for text in french_texts(payload["_pages_content"]):
        plain = ADDRESS.sub(" ", text)
        found += [f"English word {w!r} in {text[:80]!r}" for w in WORD.findall(plain)
                  if w.lower() in english]
        if "'" in plain:
            found.append(f"straight apostrophe in {text[:80]!r}")
        found += [f"spacing {m.group(0)!r} in {text[:80]!r}" for m in BAD_SPACING.finditer(plain)]
        # French writes a quarter with T for trimestre (2026-27 T2), never the code 2026-27Q2.
        found += [f"quarter code {m.group(0)!r} in {text[:80]!r}"
                  for m in ENGLISH_QUARTER.finditer(plain)]
    return found


def test_french_pages_have_no_english_no_straight_apostrophe_and_french_spacing(
        client: FlaskClient, ids: tuple[list[str], set[str]]) -> None:
    indicators, database_french = ids
    english = english_only_words(database_french)
    assert {"demonstration", "not", "real"} <= english  # the scan can find something
    found = {url: problems(client, url, english) for url in pages(indicators)}
    assert {url: found[url] for url in found if found[url]} == {}


def test_the_scan_catches_english_and_straight_apostrophes() -> None:
    payload = {"props": {"lang": "fr", "children": [
        "Données de l'indicateur", {"props": {"children": "Demonstration data"}},
        {"props": {"lang": "en", "children": "An English quotation is fine"}},
        {"type": "Code", "props": {"children": "it's code"}}]}}
    texts = list(french_texts(payload))
    assert texts == ["Données de l'indicateur", "Demonstration data"]
    assert BAD_SPACING.search("Sommes-nous en bonne voie?")
    assert not BAD_SPACING.search("Sommes-nous en bonne voie\u00a0? dimension:valeur")
