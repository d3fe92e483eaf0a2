"""The page's HTTP statuses and the briefing route, on the Flask test client."""

from __future__ import annotations

from pathlib import Path

import dash
import pytest
from flask.testing import FlaskClient

from dashboard.app import create_app
from pipelines.settings import load_settings


@pytest.fixture(scope="module")
def client(demo_db: Path) -> FlaskClient:
    app: dash.Dash = create_app(load_settings(db_path=demo_db))
    return app.server.test_client()


@pytest.mark.parametrize(("query", "status"), [
    ("", 200), ("?quarter=2025-26Q2", 200), ("?quarter=2025-26Q2&lang=fr", 200),
    ("?quarter=2021-22Q1", 404), ("?quarter=2026Q2", 400), ("?quarter=2026-28Q2", 400),
])
def test_page_status(client: FlaskClient, query: str, status: int) -> None:
    assert client.get("/review/quarterly" + query).status_code == status


def test_briefing_is_an_attachment_named_after_the_quarter(client: FlaskClient) -> None:
    response = client.get("/review/quarterly/briefing.html?quarter=2025-26Q2&lang=fr")
    assert response.status_code == 200
    assert response.mimetype == "text/html"
    assert response.headers["Content-Disposition"] == (
        'attachment; filename="briefing-2025-26Q2-fr.html"')
    body = response.get_data(as_text=True)
    assert body.startswith('<!DOCTYPE html><html lang="fr">')
    assert "DONNÉES DE DÉMONSTRATION" in body


def test_briefing_defaults_to_the_latest_quarter(client: FlaskClient) -> None:
    response = client.get("/review/quarterly/briefing.html")
    assert response.status_code == 200
    assert 'filename="briefing-' in response.headers["Content-Disposition"]


@pytest.mark.parametrize(("query", "status"), [
    ("?quarter=2021-22Q1", 404), ("?quarter=Q2", 400), ("?lang=de", 400),
    ("?quarter=2025-26Q2&format=pdf", 400),
])
def test_briefing_rejects_bad_parameters(client: FlaskClient, query: str, status: int) -> None:
    response = client.get("/review/quarterly/briefing.html" + query)
    assert response.status_code == status
    assert response.mimetype == "text/plain"


def test_no_data_page_says_so(dashboard_db: Path) -> None:
    plain = create_app(load_settings(db_path=dashboard_db)).server.test_client()
    assert plain.get("/review/quarterly").status_code == 200
    assert plain.get("/review/quarterly?quarter=2025-26Q1").status_code == 404
    assert plain.get("/review/quarterly/briefing.html").status_code == 404
