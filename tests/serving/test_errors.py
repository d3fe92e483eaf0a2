"""A failure on the server gives the browser a plain bilingual page, never a traceback."""

from __future__ import annotations

import dash
import pytest
from flask.testing import FlaskClient

from pipelines.read import strategy
from tests.support.dash_json import page_payload

SECRET = "secret-detail-from-the-database-layer"


@pytest.fixture()
def failing_queries(monkeypatch: pytest.MonkeyPatch, serving_app: dash.Dash) -> None:
    def explode(*_: object, **__: object) -> None:
        raise RuntimeError(SECRET)

    # An earlier test may have cached the page: it has to be rendered for the failure to show.
    serving_app.server.config["TRACKER_PAGE_CACHE"].clear()

    monkeypatch.setattr(strategy, "latest_figures", explode)
    monkeypatch.setattr(strategy, "pillars", explode)


@pytest.mark.usefixtures("failing_queries")
def test_a_failing_callback_shows_no_stack_trace(serving_client: FlaskClient) -> None:
    response = serving_client.post("/_dash-update-component", json=page_payload("/"))
    assert response.status_code == 500
    assert SECRET not in response.text
    assert "Traceback" not in response.text
    assert "Something went wrong" in response.text
    assert "Une erreur est survenue" in response.text
    assert response.headers["Content-Security-Policy"]


def test_a_failing_page_request_shows_no_stack_trace(
    serving_client: FlaskClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    import dashboard.routing as routing

    def explode(*_: object, **__: object) -> int:
        raise RuntimeError(SECRET)

    monkeypatch.setattr(routing, "path_status", explode)
    response = serving_client.get("/pillar/support")
    assert response.status_code == 500
    assert SECRET not in response.text and "Traceback" not in response.text
    assert "1 833 900-1010" in response.text
