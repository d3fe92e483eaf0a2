from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import dash
import pytest
from flask.testing import FlaskClient

from dashboard.app import create_app
from dashboard.database import Database
from pipelines.settings import load_settings


@pytest.fixture(scope="session")
def app(dashboard_db: Path) -> dash.Dash:
    return create_app(load_settings(db_path=dashboard_db))


@pytest.fixture()
def client(app: dash.Dash) -> FlaskClient:
    return app.server.test_client()


@pytest.fixture()
def db(dashboard_db: Path) -> Iterator[Database]:
    database = Database(load_settings(db_path=dashboard_db))
    yield database
    database.close()
