"""Security headers on every kind of response, and the CSP's script hashes."""

from __future__ import annotations

import sys

import dash
import pytest
from flask.testing import FlaskClient

from dashboard.web.security import STATIC_HEADERS, content_security_policy
from tests.support.dash_json import page_payload


def _directives(policy: str) -> dict[str, list[str]]:
    parts = (d.strip().split() for d in policy.split(";") if d.strip())
    return {p[0]: p[1:] for p in parts}


@pytest.mark.parametrize("url", ["/", "/?lang=fr", "/no-such-page", "/_dash-layout",
                                 "/assets/style.css"])
def test_every_response_has_the_headers(serving_client: FlaskClient, url: str) -> None:
    response = serving_client.get(url)
    for name, value in STATIC_HEADERS.items():
        assert response.headers[name] == value
    assert "Content-Security-Policy" in response.headers


def test_callback_responses_have_the_headers(serving_client: FlaskClient) -> None:
    response = serving_client.post("/_dash-update-component", json=page_payload("/"))
    assert response.status_code == 200
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_policy_allows_only_own_and_hashed_scripts(
    serving_app: dash.Dash, serving_client: FlaskClient
) -> None:
    policy = _directives(serving_client.get("/").headers["Content-Security-Policy"])
    assert policy["script-src"] == ["'self'", *serving_app.csp_hashes()]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["default-src"] == ["'self'"]
    every_value = [v for values in policy.values() for v in values]
    assert "'unsafe-eval'" not in every_value
    assert "'unsafe-inline'" not in policy["script-src"]


def test_each_inline_script_of_the_index_is_hashed(
    serving_app: dash.Dash, serving_client: FlaskClient
) -> None:
    import base64
    import hashlib
    import re

    # Scripts inside HTML comments (Dash's Internet Explorer notice) never run.
    page = re.sub(r"<!--.*?-->", "", serving_client.get("/").text, flags=re.S)
    scripts = re.findall(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>(.*?)</script>",
                         page, flags=re.S)
    assert scripts, "the index has Dash's inline bootstrap script"
    hashes = set(serving_app.csp_hashes())
    for script in scripts:
        digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in hashes


def test_policy_text_is_stable() -> None:
    policy = content_security_policy(["'sha256-abc'"])
    assert policy.endswith("script-src 'self' 'sha256-abc'")


def test_pages_do_not_name_the_servers_python_build(serving_client: FlaskClient) -> None:
    page = serving_client.get("/?lang=fr").get_data(as_text=True)
    assert sys.version not in page and "python_version" not in page
    assert '"dash_version"' in page  # the renderer's own configuration is still there
