"""The API on the demonstration build (published, submitted, suppressed, revised and
demonstration rows), through the Flask test client and through a real server."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import dash
import pytest
from flask.testing import FlaskClient

from dashboard.app import create_app
from pipelines.settings import load_settings
from tests.support.server import in_thread


@pytest.fixture(scope="module")
def api_app(demo_db: Path) -> dash.Dash:
    return create_app(load_settings(env={}, db_path=demo_db))


@pytest.fixture()
def api_client(api_app: dash.Dash) -> FlaskClient:
    return api_app.server.test_client()


@pytest.fixture(scope="module")
def real_app(dashboard_db: Path) -> dash.Dash:
    """The app on the plain build (no demonstration data): progress rows without asking."""
    return create_app(load_settings(env={}, db_path=dashboard_db))


@pytest.fixture(scope="module")
def live_url(demo_db: Path) -> Iterator[str]:
    """The app served over HTTP on 127.0.0.1 (a free port), in a thread of this process, with
    that address as its public one (the API's absolute links are built from it)."""
    holder: dict[str, Any] = {}
    with in_thread(lambda env, start: holder["app"](env, start)) as url:
        holder["app"] = create_app(load_settings(env={"STRATEGY_PUBLIC_URL": url},
                                                 db_path=demo_db)).server
        yield url
