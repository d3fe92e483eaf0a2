"""/data rendered from its address (as the first response and the page callback both do):
the list of indicators grouped by strategy and pillar and sorted by name in the page's
language, the words box and the fiscal periods as plain form fields, the count and the first
rows of exactly what the download gives, and a refused address answered 400 in the page's
language with the rest of the page unchanged."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from flask.testing import FlaskClient

from dashboard.app import create_app
from pipelines.language.collation import sort_key
from pipelines.release.public_fields import read_csv_kwargs
from pipelines.settings import load_settings
from tests.support.dash_json import components as nodes
from tests.support.dash_json import find, render

FY_2025_26 = {"fiscal_from": "2025-26", "fiscal_to": "2025-26",
              "indicator": "frontline_workers_trained", "include_demo": "true"}


@pytest.fixture(scope="module")
def client(demo_db: Path) -> FlaskClient:
    return create_app(load_settings(env={}, db_path=demo_db)).server.test_client()


def _search(query: dict[str, str], lang: str) -> str:
    from urllib.parse import urlencode

    return "?" + urlencode({**query, "lang": lang})


def groups(payload: Any) -> list[tuple[str, list[dict[str, Any]]]]:
    select = find(payload, id="data-filter-indicator")[0]
    return [(g["props"]["label"], [o["props"] for o in nodes(g) if o["type"] == "Option"])
            for g in nodes(select) if g["type"] == "Optgroup"]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_indicators_are_grouped_by_strategy_and_pillar_and_sorted_by_name(client, lang):
    found = groups(render(client, "/data", f"?lang={lang}"))
    labels = [label for label, _ in found]
    pillars = (["Raise awareness", "Protect victims", "Support survivors", "Hold offenders"]
               if lang == "en" else ["Sensibiliser", "Protéger", "Soutenir", "Tenir"])
    for index, words in enumerate(pillars):  # the 2025–2030 strategy's pillars come first
        assert "2025–2030" in labels[index] and words in labels[index], labels[:5]
    assert "2025–2030" in labels[4]  # then its strategy-wide figures
    assert all("2025–2030" not in label for label in labels[5:])
    for label, options in found:
        names = [o["children"] for o in options]
        assert names == sorted(names, key=sort_key), label
    everything = [o["value"] for _, options in found for o in options]
    assert len(everything) == len(set(everything)) == 96


def test_the_words_box_narrows_the_list_without_script(client):
    found = groups(render(client, "/data", "?q=equipe%20conjuguee&lang=fr"))
    shown = [o["value"] for _, options in found for o in options if not o.get("hidden")]
    assert shown and all(v.startswith("joint_forces") for v in shown)
    count = find(render(client, "/data", "?q=equipe%20conjuguee&lang=fr"),
                 id="data-series-count")[0]["props"]["children"]
    assert count == f"{len(shown)} indicateurs sur 96 dans la liste."
    chosen = groups(render(client, "/data", "?q=zzz&indicator=care_teams&lang=fr"))
    kept = [o["value"] for _, options in chosen for o in options if not o.get("hidden")]
    assert kept == ["care_teams"]  # the chosen one always stays


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_fiscal_2025_26_and_one_indicator_give_the_count_and_the_rows(client, lang):
    payload = render(client, "/data", _search(FY_2025_26, lang))
    count = find(payload, id="data-matching")[0]["props"]
    csv = client.get(f"/download/observations.csv?indicator=frontline_workers_trained"
                     f"&from=2025-04-01&to=2026-03-31&include_demo=true&lang={lang}").data
    rows = pd.read_csv(io.BytesIO(csv), **read_csv_kwargs("observations", lang))
    assert int(count["data-count"]) == len(rows) > 10
    first = find(payload, id="data-first-rows")[0]
    shown = [r["props"]["data-observation-id"] for r in nodes(first)
             if "data-observation-id" in r["props"]]
    column = "id_observation" if lang == "fr" else "observation_id"
    assert shown == list(rows[column][:10])
    links = [find(payload, id=f"data-result-{kind}")[0]["props"]["href"]
             for kind in ("csv", "xlsx")]
    assert all("from=2025-04-01&to=2026-03-31" in link for link in links)
    selects = {name: [o["props"]["value"] for o in nodes(find(payload, id=f"data-filter-{name}")[0])
                      if o["type"] == "Option" and o["props"].get("selected")]
               for name in ("fiscal_from", "fiscal_to", "indicator")}
    assert selects == {"fiscal_from": ["2025-26"], "fiscal_to": ["2025-26"],
                       "indicator": ["frontline_workers_trained"]}


def test_the_form_is_a_plain_get_form_that_lands_on_the_result(client):
    payload = render(client, "/data", "?lang=fr")
    form = find(payload, id="data-form")[0]["props"]
    assert (form["method"], form["action"]) == ("get", "/data#data-result")
    names = {n["props"].get("name") for n in nodes(form) if n["props"].get("name")}
    assert {"q", "indicator", "fiscal_from", "fiscal_to", "from", "to", "pillar",
            "include_demo", "lang"} <= names


@pytest.mark.parametrize(("query", "words"), [
    ({"indicator": "no_such_indicator"},
     "identifiant inconnu pour indicator : « no_such_indicator »"),
    ({"fiscal_from": "2025-27"}, "« 2025-27 » n’est ni un exercice ni un trimestre"),
    ({"fiscal_to": "2025-26Q5"}, "« 2025-26Q5 » n’est ni un exercice ni un trimestre"),
    ({"fiscal_from": "2025-26", "from": "2025-01-01"}, "pas les deux"),
])
def test_bad_input_answers_400_in_the_page_language_and_keeps_the_page(client, query, words):
    search = _search(query, "fr")
    assert client.get("/data" + search).status_code == 400
    payload = render(client, "/data", search)
    error = find(payload, id="data-filter-error")[0]["props"]["children"]
    assert words in error.replace("\u00a0", " ")
    # Nothing else changes: the page shows everything as without filters.
    assert find(payload, id="data-matching")[0]["props"]["data-count"] == \
        find(render(client, "/data", "?lang=fr"), id="data-matching")[0]["props"]["data-count"]


def test_a_good_address_answers_200(client):
    assert client.get("/data" + _search(FY_2025_26, "fr")).status_code == 200
