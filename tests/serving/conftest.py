"""Fixtures for the serving tests: an app on the session database, and payloads the way the
browser sends them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import dash
import pytest
from flask.testing import FlaskClient

from dashboard.app import create_app
from dashboard.routing import page_request
from pipelines.settings import load_settings


def page_payload(path: str, search: str = "") -> dict[str, Any]:
    """The page-routing callback's request for ``path``, as dash-renderer posts it."""
    return page_request(path, search)


@pytest.fixture(scope="session")
def serving_app(dashboard_db: Path) -> dash.Dash:
    return create_app(load_settings(env={}, db_path=dashboard_db))


@pytest.fixture()
def serving_client(serving_app: dash.Dash) -> FlaskClient:
    client = serving_app.server.test_client()
    client.get("/")  # Dash registers its routes and callbacks on the first request
    return client
