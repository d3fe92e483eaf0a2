"""A staff area on its own copy of the database, data folder and state folder, and a signed-in
test client per role."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import flask
import pytest
from flask.testing import FlaskClient

from dashboard.app import create_app
from dashboard.staff.accounts import add_user
from pipelines.settings import REPO_ROOT, Settings, load_settings

PASSWORD = "correct horse battery staple"
USERS = {"submitter": "sub@example.org", "reviewer": "rev@example.org",
         "admin": "admin@example.org"}


def csrf_token(response: object) -> str:
    text = response.get_data(as_text=True)  # type: ignore[attr-defined]
    found = re.search(r'name="csrf_token" value="([^"]+)"', text)
    assert found, "the page has no CSRF token"
    return found.group(1)


def staff_settings(tmp: Path, db: Path, **overrides: object) -> Settings:
    data = tmp / "data"
    if not data.exists():
        shutil.copytree(REPO_ROOT / "data", data, ignore=shutil.ignore_patterns(
            "build", "state", "rejected", "exports"))
    copy = tmp / "strategy.duckdb"
    if not copy.exists():
        shutil.copyfile(db, copy)
    return load_settings(env={}, db_path=copy, data_dir=data, state_dir=tmp / "state",
                         **overrides)


@pytest.fixture()
def settings(tmp_path: Path, dashboard_db: Path) -> Settings:
    made = staff_settings(tmp_path, dashboard_db)
    for role, email in USERS.items():
        add_user(made, email, role, PASSWORD)
    return made


@pytest.fixture()
def app(settings: Settings) -> flask.Flask:
    server: flask.Flask = create_app(settings).server
    server.config["TESTING"] = True
    return server


def sign_in(client: FlaskClient, email: str, password: str = PASSWORD) -> object:
    token = csrf_token(client.get("/staff/sign-in"))
    return client.post("/staff/sign-in",
                       data={"email": email, "password": password, "csrf_token": token})


@pytest.fixture()
def signed_in(app: flask.Flask) -> Callable[[str], FlaskClient]:
    """``signed_in("reviewer")``: a test client signed in with that role."""

    def make(role: str) -> FlaskClient:
        client = app.test_client()
        response = sign_in(client, USERS[role])
        assert response.status_code == 302, response.get_data(as_text=True)[:500]
        return client

    return make
