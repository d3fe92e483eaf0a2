"""A staff area on its own copy of the database, data folder and state folder (its accounts
copied from the ones hashed once per process), and a signed-in test client per role."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import flask
import pytest
from flask.testing import FlaskClient

from dashboard.app import create_app
from pipelines.settings import Settings
from tests.support.staff import (
    PASSWORD,
    USERS,
    csrf_token,
    sign_in,
    staff_settings,
    with_accounts,
)

# Names tests imported from here before tests/support existed; import them from
# tests.support.staff instead (tests/test_architecture.py).
__all__ = ["PASSWORD", "USERS", "csrf_token", "sign_in", "staff_settings"]


@pytest.fixture()
def settings(tmp_path: Path, dashboard_db: Path, staff_accounts: Path) -> Settings:
    """Private copies of the plain build, data/ and a state folder holding one account per
    role of ``USERS`` (password ``PASSWORD``)."""
    return with_accounts(staff_settings(tmp_path, dashboard_db), staff_accounts)


@pytest.fixture()
def app(settings: Settings) -> flask.Flask:
    server: flask.Flask = create_app(settings).server
    server.config["TESTING"] = True
    return server


@pytest.fixture()
def signed_in(app: flask.Flask) -> Callable[[str], FlaskClient]:
    """``signed_in("reviewer")``: a test client signed in with that role."""

    def make(role: str) -> FlaskClient:
        client = app.test_client()
        response = sign_in(client, USERS[role])
        assert response.status_code == 302, response.get_data(as_text=True)[:500]
        return client

    return make
