from __future__ import annotations

import json

import dash
import pytest
from flask.testing import FlaskClient

from dashboard.routing import Route, path_status
from tests.support.dash_json import NBSP, link_targets, render, text_of


@pytest.mark.parametrize(("url", "lang"), [("/", "en"), ("/?lang=fr", "fr"), ("/?lang=xx", "en")])
def test_index_has_html_lang(client: FlaskClient, url: str, lang: str) -> None:
    response = client.get(url)
    assert response.status_code == 200
    assert f'<html lang="{lang}">' in response.text


def test_index_title_is_translated(client: FlaskClient) -> None:
    assert "<title>Aperçu – Suivi de la stratégie" in client.get("/?lang=fr").text
    assert "<title>Overview – Ontario anti-human" in client.get("/").text


@pytest.mark.parametrize("url", ["/no-such-page", "/pillar/no-such-pillar", "/indicator/nope"])
def test_unknown_paths_and_ids_are_404(client: FlaskClient, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 404
    assert "Page not found" in response.text


def test_dash_internals_are_not_404(client: FlaskClient) -> None:
    assert client.get("/_dash-layout").status_code == 200
    assert client.get("/_dash-dependencies").status_code == 200


def test_layout_holds_the_page_container(client: FlaskClient) -> None:
    layout = client.get("/_dash-layout").get_json()
    assert "_pages_content" in json.dumps(layout)


def test_overview_in_english(client: FlaskClient) -> None:
    payload = render(client, "/", "?lang=en")
    text = text_of(payload)
    for expected in [
        "Skip to main content",
        "29,000+",
        "more than $345M",
        "2021-22 to 2023-24",
        "Raise awareness",
        "1 833 900-1010",
        "tel:+18339001010",
        "tel:911",
        "Français",
        "lang=fr",
        "can mean the strategy is working",
    ]:
        assert expected in text, expected
    assert payload["_pages_store"]["data"]["title"].startswith("Overview")
    # The explanation appears once per pillar, not once per reported-activity figure.
    assert text.count("Why a rise is not bad news") == 1


def test_overview_in_french(client: FlaskClient) -> None:
    text = text_of(render(client, "/", "?lang=fr"))
    for expected in [
        f"plus de 29{NBSP}000",
        f"plus de 345{NBSP}M$",
        "de 2021-2022 à 2023-2024",
        "Sensibiliser au problème",
        "Passer au contenu principal",
        "Ligne d’urgence contre la traite des personnes",
        "English",
        "jusqu’en février 2023",
    ]:
        assert expected in text, expected
    assert "29,000" not in text


def test_every_internal_link_keeps_lang(client: FlaskClient) -> None:
    text = text_of(render(client, "/", "?lang=fr"))
    hrefs = [h for h in link_targets(json.loads(text)) if h.startswith("/")]
    toggles = [h for h in hrefs if "lang=en" in h]
    assert toggles == ["/?lang=en"]  # only the language toggle leaves French
    for href in hrefs:
        assert href in toggles or "lang=fr" in href, href


def test_unknown_path_renders_the_not_found_page(client: FlaskClient) -> None:
    text = text_of(render(client, "/nowhere", "?lang=fr"))
    assert "Nous n’avons pas trouvé cette page" in text
    assert "/nowhere?lang=en" in text  # the toggle keeps the path


def test_status_routes_are_extensible(app: dash.Dash) -> None:
    db = app.server.config["TRACKER_DATABASE"]
    extra = (Route(r"/thing/(?P<thing_id>[^/]+)", lambda _db, ids: ids["thing_id"] == "a"),)
    with app.server.test_request_context("/"):
        assert path_status(db, "/thing/b", extra) == 404
        # A valid id with no Dash page registered yet is still "not found".
        assert path_status(db, "/thing/a", extra) == 404
        assert path_status(db, "/", extra) == 200

