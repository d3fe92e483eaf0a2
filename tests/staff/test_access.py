"""Who may reach the staff area and how: sign-in, roles, CSRF, the rate limit, idle sessions,
cookies, and the public site left as it was."""

from __future__ import annotations

import re
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

import flask
import pytest
from flask.testing import FlaskClient

from dashboard.staff import state
from pipelines.settings import Settings
from tests.support.staff import PASSWORD, USERS, csrf_token, sign_in, staff_settings, with_accounts

STAFF_PAGES = ["/staff/", "/staff/upload", "/staff/deliverables", "/staff/snapshot",
               "/staff/users", "/staff/history"]


@pytest.mark.parametrize("path", STAFF_PAGES)
def test_anonymous_requests_are_sent_to_sign_in(app: flask.Flask, path: str) -> None:
    response = app.test_client().get(path + "?lang=fr")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/staff/sign-in?lang=fr&next=")


def test_an_anonymous_post_changes_nothing(app: flask.Flask, settings: Settings) -> None:
    client = app.test_client()
    token = csrf_token(client.get("/staff/sign-in"))
    response = client.post("/staff/snapshot", data={"label": "x", "confirm": "yes",
                                                    "csrf_token": token})
    assert response.status_code == 302
    assert not settings.snapshots_dir.exists() or not any(settings.snapshots_dir.iterdir())


def test_a_submitter_cannot_freeze_a_snapshot_or_manage_users(
        signed_in: Callable[[str], FlaskClient], settings: Settings) -> None:
    client = signed_in("submitter")
    token = csrf_token(client.get("/staff/upload"))
    assert client.get("/staff/snapshot").status_code == 403
    response = client.post("/staff/snapshot", data={"label": "Q2 review", "confirm": "yes",
                                                    "csrf_token": token})
    assert response.status_code == 403
    assert not (settings.snapshots_dir / "q2-review").exists()
    assert client.get("/staff/users").status_code == 403
    refused = [r for r in state.recent_audit(settings) if r.outcome == "refused"]
    assert refused and refused[0].actor == USERS["submitter"]


def test_a_reviewer_may_snapshot_but_not_manage_users(
        signed_in: Callable[[str], FlaskClient]) -> None:
    client = signed_in("reviewer")
    assert client.get("/staff/snapshot").status_code == 200
    assert client.get("/staff/users").status_code == 403


def test_forms_without_a_csrf_token_are_refused(
        app: flask.Flask, signed_in: Callable[[str], FlaskClient], settings: Settings) -> None:
    anonymous = app.test_client()
    response = anonymous.post("/staff/sign-in", data={"email": USERS["admin"],
                                                      "password": PASSWORD})
    assert response.status_code == 400
    assert "jeton" in anonymous.post("/staff/sign-in?lang=fr", data={}).get_data(as_text=True)
    reviewer = signed_in("reviewer")
    response = reviewer.post("/staff/snapshot", data={"label": "Q2", "confirm": "yes",
                                                      "csrf_token": "forged"})
    assert response.status_code == 400
    assert not (settings.snapshots_dir / "q2").exists()


def test_the_eleventh_wrong_password_in_a_minute_is_refused(app: flask.Flask) -> None:
    client = app.test_client()
    statuses = [sign_in(client, USERS["admin"], "wrong password").status_code  # type: ignore[attr-defined]
                for _ in range(11)]
    assert statuses == [401] * 10 + [429]
    # The right password is refused too until the minute is over: it is the address that
    # is limited, not the guess.
    assert sign_in(client, USERS["admin"]).status_code == 429  # type: ignore[attr-defined]


def test_a_wrong_password_and_an_unknown_email_read_the_same(app: flask.Flask) -> None:
    client = app.test_client()
    unknown = sign_in(client, "nobody@example.org").get_data(as_text=True)  # type: ignore[attr-defined]
    wrong = sign_in(client, USERS["admin"], "not it at all").get_data(as_text=True)  # type: ignore[attr-defined]
    assert "The e-mail address or the password is wrong." in unknown
    def page(text: str, email: str) -> str:
        return re.sub(r'name="csrf_token" value="[^"]+"', "", text.replace(email, ""))

    assert page(unknown, "nobody@example.org") == page(wrong, USERS["admin"])


def test_an_idle_session_ends(signed_in: Callable[[str], FlaskClient],
                              settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    client = signed_in("submitter")
    assert client.get("/staff/").status_code == 200
    later = time.time() + settings.staff_idle_minutes * 60 + 5
    monkeypatch.setattr(time, "time", lambda: later)
    response = client.get("/staff/")
    assert response.status_code == 302 and "/staff/sign-in" in response.headers["Location"]


def test_a_disabled_account_is_signed_out_at_its_next_request(
        signed_in: Callable[[str], FlaskClient], settings: Settings) -> None:
    client = signed_in("submitter")
    with state.connect(settings) as con:
        state.set_disabled(con, USERS["submitter"], True)
    assert client.get("/staff/").status_code == 302


def test_the_session_cookie_is_http_only_same_site_and_kept_to_the_staff_area(
        app: flask.Flask) -> None:
    client = app.test_client()
    response = sign_in(client, USERS["reviewer"])
    cookie = response.headers["Set-Cookie"]  # type: ignore[attr-defined]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Path=/staff" in cookie
    assert "Secure" not in cookie  # served over http://127.0.0.1 by make run


def test_the_session_cookie_is_secure_when_the_site_is_served_over_https(
        tmp_path: Path, dashboard_db: Path, staff_accounts: Path) -> None:
    from dashboard.app import create_app

    made = with_accounts(staff_settings(tmp_path, dashboard_db,
                                        public_url="https://tracker.example.org"),
                         staff_accounts)
    client = create_app(made).server.test_client()
    cookie = sign_in(client, USERS["admin"]).headers["Set-Cookie"]  # type: ignore[attr-defined]
    assert "Secure" in cookie


def test_public_pages_set_no_cookie_and_stay_open(app: flask.Flask) -> None:
    client = app.test_client()
    for path in ["/", "/deliverables", "/data", "/api/v1/openapi.json"]:
        response = client.get(path)
        assert response.status_code == 200, path
        assert "Set-Cookie" not in response.headers, path


def test_sign_out_ends_the_session(signed_in: Callable[[str], FlaskClient]) -> None:
    client = signed_in("admin")
    token = csrf_token(client.get("/staff/"))
    assert client.post("/staff/sign-out", data={"csrf_token": token}).status_code == 302
    assert client.get("/staff/").status_code == 302


def test_the_audit_table_is_append_only(signed_in: Callable[[str], FlaskClient],
                                        settings: Settings) -> None:
    signed_in("admin")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"), \
            state.connect(settings) as con:
        con.execute("UPDATE meta.audit SET outcome = 'ok'")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"), \
            state.connect(settings) as con:
        con.execute("DELETE FROM meta.audit")
    assert [r.action for r in state.recent_audit(settings)] == ["sign_in"]


def test_a_redirect_after_sign_in_stays_in_the_staff_area(app: flask.Flask) -> None:
    for target in ["https://evil.example/", "//evil.example/staff/", "/staff/..//evil"]:
        client = app.test_client()
        token = csrf_token(client.get("/staff/sign-in"))
        response = client.post("/staff/sign-in", data={
            "email": USERS["admin"], "password": PASSWORD, "csrf_token": token,
            "next": target})
        assert response.headers["Location"].startswith("/staff/?lang="), target


def test_the_public_site_serves_when_the_staff_state_cannot_be_written(
        tmp_path: object, dashboard_db: object) -> None:
    from dashboard.app import create_app
    from pipelines.settings import load_settings

    blocked = Path(str(tmp_path)) / "not-a-folder"
    blocked.write_text("a file where the state folder should be")
    app = create_app(load_settings(env={}, db_path=dashboard_db, state_dir=blocked))
    assert app.server.test_client().get("/").status_code == 200
