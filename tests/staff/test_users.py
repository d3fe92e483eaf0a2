"""Staff accounts: the first one from the command line (password from stdin, never argv),
the rest by an administrator in the browser."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from flask.testing import FlaskClient

from dashboard.staff import state
from dashboard.staff.accounts import verify_password
from pipelines.settings import REPO_ROOT, Settings, load_settings
from tests.support.staff import csrf_token


def _users(args: list[str], state_dir: Path, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "dashboard", "users", *args], cwd=REPO_ROOT,
                          input=stdin, text=True, capture_output=True, timeout=120,
                          env={"PATH": "/usr/bin:/bin", "STRATEGY_STATE_DIR": str(state_dir)})


def test_the_first_user_is_added_on_the_command_line_with_the_password_on_stdin(
        tmp_path: Path) -> None:
    added = _users(["add", "Lead@Example.org", "--role", "admin"], tmp_path,
                   "a long enough password\n")
    assert added.returncode == 0, added.stderr
    settings = load_settings(env={}, state_dir=tmp_path)
    account = verify_password(settings, "lead@example.org", "a long enough password")
    assert account is not None and account.role == "admin"
    with state.connect(settings) as con:
        (stored,) = con.execute("SELECT password_hash FROM meta.accounts").fetchone()
    assert stored.startswith("$argon2id$") and "a long enough password" not in stored
    listed = _users(["list"], tmp_path)
    assert listed.stdout.split("\t")[:3] == ["lead@example.org", "admin", "password"]


def test_the_command_takes_no_password_argument_and_refuses_a_short_one(
        tmp_path: Path) -> None:
    on_argv = _users(["add", "a@example.org", "--role", "admin", "--password", "x" * 20],
                     tmp_path)
    assert on_argv.returncode == 2 and "No such option" in on_argv.stderr
    short = _users(["add", "a@example.org", "--role", "admin"], tmp_path, "short\n")
    assert short.returncode == 1 and "at least 12 characters" in short.stderr


def test_an_admin_adds_and_disables_a_user_in_the_browser(
        signed_in: Callable[[str], FlaskClient], settings: Settings) -> None:
    client = signed_in("admin")
    token = csrf_token(client.get("/staff/users"))
    response = client.post("/staff/users?lang=fr", data={
        "action": "add", "email": "new@example.org", "role": "reviewer",
        "password": "another long password", "csrf_token": token})
    assert response.status_code == 200
    assert "new@example.org est maintenant réviseur." in response.get_data(as_text=True)
    assert verify_password(settings, "new@example.org", "another long password")
    response = client.post("/staff/users", data={
        "action": "disable", "email": "new@example.org", "csrf_token": token})
    assert response.status_code == 200
    assert verify_password(settings, "new@example.org", "another long password") is None
    short = client.post("/staff/users?lang=fr", data={
        "action": "add", "email": "x@example.org", "role": "admin", "password": "short",
        "csrf_token": token})
    assert short.status_code == 422
    assert "au moins 12 caractères" in short.get_data(as_text=True)
    actions = [(r.action, r.outcome) for r in state.recent_audit(settings)][:3]
    assert actions == [("user_add", "rejected"), ("user_disable", "ok"), ("user_add", "ok")]


def test_an_admin_cannot_disable_their_own_account(
        signed_in: Callable[[str], FlaskClient]) -> None:
    client = signed_in("admin")
    token = csrf_token(client.get("/staff/users"))
    response = client.post("/staff/users", data={
        "action": "disable", "email": "admin@example.org", "csrf_token": token})
    assert response.status_code == 422
    assert client.get("/staff/").status_code == 200
