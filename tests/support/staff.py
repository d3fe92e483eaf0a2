"""The staff area's test accounts and how a test signs in. argon2 is slow on purpose, so the
accounts are hashed once per test process, into a template state database that each test
copies (:func:`with_accounts`)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from flask.testing import FlaskClient

from dashboard.staff.accounts import add_user
from dashboard.staff.state import STATE_FILE
from pipelines.settings import REPO_ROOT, Settings, load_settings

PASSWORD = "correct horse battery staple"
USERS = {"submitter": "sub@example.org", "reviewer": "rev@example.org",
         "admin": "admin@example.org"}
# data/ without what a run leaves there (a build, the staff state, refused files, exports).
RUN_OUTPUT = shutil.ignore_patterns("build", "state", "rejected", "exports")


def csrf_token(response: object) -> str:
    text = response.get_data(as_text=True)  # type: ignore[attr-defined]
    found = re.search(r'name="csrf_token" value="([^"]+)"', text)
    assert found, "the page has no CSRF token"
    return found.group(1)


def sign_in(client: FlaskClient, email: str, password: str = PASSWORD) -> object:
    token = csrf_token(client.get("/staff/sign-in"))
    return client.post("/staff/sign-in",
                       data={"email": email, "password": password, "csrf_token": token})


def copy_data(target: Path) -> Path:
    """A private copy of the repository's data/ (inputs only) at ``target``."""
    if not target.exists():
        shutil.copytree(REPO_ROOT / "data", target, ignore=RUN_OUTPUT)
    return target


def staff_settings(tmp: Path, db: Path, **overrides: object) -> Settings:
    """Settings on private copies, in ``tmp``, of the data folder and of ``db``, with the
    staff state in ``tmp/state``."""
    data = copy_data(tmp / "data")
    copy = tmp / "strategy.duckdb"
    if not copy.exists():
        shutil.copyfile(db, copy)
    return load_settings(env={}, db_path=copy, data_dir=data, state_dir=tmp / "state",
                         **overrides)


def make_accounts(state_dir: Path, users: dict[str, str] | None = None,
                  password: str = PASSWORD) -> Path:
    """A state folder holding one account per role in ``users`` (role -> e-mail), made by the
    product's own ``add_user``: the template :func:`with_accounts` copies."""
    settings = load_settings(env={}, state_dir=state_dir)
    for role, email in (users or USERS).items():
        add_user(settings, email, role, password)
    return state_dir


def with_accounts(settings: Settings, template: Path) -> Settings:
    """Put the template's accounts into ``settings.state_dir`` (a copy of its database; the
    connection that made it is closed, so its write-ahead log is empty)."""
    settings.state_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    shutil.copyfile(template / STATE_FILE, settings.state_dir / STATE_FILE)
    return settings
