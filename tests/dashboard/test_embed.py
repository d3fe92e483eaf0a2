"""/embed/indicator/<id>: one indicator for another site's iframe, the only route another
site may frame; the indicator page offers the snippet."""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient

from tests.support.dash_json import components, render, text_of


def _directives(policy: str) -> dict[str, list[str]]:
    parts = (d.strip().split() for d in policy.split(";") if d.strip())
    return {p[0]: p[1:] for p in parts}


def test_only_the_embed_route_may_be_framed(client: FlaskClient) -> None:
    embed = client.get("/embed/indicator/frontline_workers_trained?lang=fr")
    assert embed.status_code == 200
    assert _directives(embed.headers["Content-Security-Policy"])["frame-ancestors"] == ["*"]
    assert "X-Frame-Options" not in embed.headers
    for url in ["/", "/indicator/frontline_workers_trained", "/data", "/no-such-page"]:
        response = client.get(url)
        policy = _directives(response.headers["Content-Security-Policy"])
        assert policy["frame-ancestors"] == ["'none'"], url
        assert response.headers["X-Frame-Options"] == "DENY", url


def test_an_unknown_indicator_is_404_in_the_embed_too(client: FlaskClient) -> None:
    assert client.get("/embed/indicator/nope").status_code == 404


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_embed_shows_status_chart_source_and_permalink_only(client: FlaskClient,
                                                             lang: str) -> None:
    payload = render(client, "/embed/indicator/joint_forces_investigations", f"?lang={lang}")
    text = text_of(payload)
    assert "indicator-chart" in text and "status-box" in text
    assert "shell-help" not in text and "site-nav" not in text  # the host page has its own
    assert f"/indicator/joint_forces_investigations?lang={lang}" in text
    links = [n for n in components(payload) if n.get("type") in {"A", "Link"}]
    # Every link leaves the frame: the rest of the site refuses to be framed.
    outside = [n["props"] for n in links if not n["props"].get("href", "").startswith("#")]
    assert outside and all(p.get("target") == "_blank" for p in outside)
    assert not [n for n in links if n["type"] == "Link"]


def test_indicator_page_offers_the_iframe_snippet(client: FlaskClient) -> None:
    text = text_of(render(client, "/indicator/care_teams", "?lang=fr"))
    assert "Intégrer cet indicateur" in text
    # The site's public address (STRATEGY_PUBLIC_URL; its default here), not the Host asked.
    assert ('<iframe src=\\"http://127.0.0.1:8050/embed/indicator/care_teams?lang=fr\\"'
            in text)



