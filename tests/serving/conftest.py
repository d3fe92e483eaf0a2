"""Fixtures for the serving tests: an app on the session database, and payloads the way the
browser sends them."""

from __future__ import annotations

from pathlib import Path

import dash
import pytest
from flask.testing import FlaskClient

from dashboard.app import create_app
from pipelines.settings import load_settings
from tests.support.dash_json import page_payload

# A name tests imported from here before tests/support existed; import it from
# tests.support.dash_json instead (tests/test_architecture.py).
__all__ = ["page_payload"]


@pytest.fixture(scope="session")
def serving_app(dashboard_db: Path) -> dash.Dash:
    return create_app(load_settings(env={}, db_path=dashboard_db))


@pytest.fixture()
def serving_client(serving_app: dash.Dash) -> FlaskClient:
    client = serving_app.server.test_client()
    client.get("/")  # Dash registers its routes and callbacks on the first request
    return client
