"""Sessions that end, a sign-in limit per account and per address that spares a known
browser, and account actions that cannot lock the ministry out (issue 21, items 3 to 5).
Each of these failed before: a cookie saved before sign-out still opened every page; the
add-user form demoted the only admin, wiped a password and re-enabled a disabled account."""

from __future__ import annotations

import re
from collections.abc import Callable

import flask
import pytest
from flask.testing import FlaskClient

from dashboard.staff import state
from dashboard.staff.accounts import verify_password
from pipelines.settings import Settings
from tests.support.staff import PASSWORD, USERS, csrf_token, sign_in

PAGES = ["/staff/", "/staff/upload", "/staff/deliverables", "/staff/snapshot", "/staff/users",
         "/staff/history"]
POSTS = ["/staff/upload", "/staff/load", "/staff/deliverables", "/staff/snapshot",
         "/staff/users", "/staff/sign-out"]


def _cookie(client: FlaskClient) -> str:
    found = client.get_cookie("tracker_staff", path="/staff")
    assert found is not None
    return found.value


def _replayed(app: flask.Flask, cookie: str) -> FlaskClient:
    thief = app.test_client()
    thief.set_cookie("tracker_staff", cookie, path="/staff")
    return thief


def test_a_cookie_saved_before_sign_out_is_refused_everywhere(
        app: flask.Flask, signed_in: Callable[[str], FlaskClient], settings: Settings) -> None:
    client = signed_in("admin")
    saved = _cookie(client)
    token = csrf_token(client.get("/staff/users"))
    assert client.post("/staff/sign-out", data={"csrf_token": token}).status_code == 302
    thief = _replayed(app, saved)
    for path in PAGES:
        response = thief.get(path)
        assert response.status_code == 302, path
        assert response.headers["Location"].startswith("/staff/sign-in")
    for path in POSTS:
        response = thief.post(path, data={"csrf_token": token, "label": "x", "confirm": "yes",
                                          "action": "add", "email": "x@example.org",
                                          "role": "admin", "password": "p" * 20})
        assert response.status_code in (302, 400), path
        if response.status_code == 302:
            assert response.headers["Location"].startswith("/staff/sign-in")
    with state.connect(settings) as con:
        assert state.get_account(con, "x@example.org") is None


@pytest.mark.parametrize("action", ["disable", "role", "password"])
def test_an_administrators_change_ends_the_accounts_sessions_at_once(
        signed_in: Callable[[str], FlaskClient], action: str) -> None:
    submitter = signed_in("submitter")
    assert submitter.get("/staff/upload").status_code == 200
    admin = signed_in("admin")
    admin.post("/staff/users", data={
        "csrf_token": csrf_token(admin.get("/staff/users")), "action": action,
        "email": USERS["submitter"], "role": "reviewer", "password": "a new long password"})
    response = submitter.get("/staff/upload")
    assert response.status_code == 302 and "/staff/sign-in" in response.headers["Location"]


def test_a_role_change_keeps_the_password(
        signed_in: Callable[[str], FlaskClient], settings: Settings) -> None:
    admin = signed_in("admin")
    response = admin.post("/staff/users", data={
        "csrf_token": csrf_token(admin.get("/staff/users")), "action": "role",
        "email": USERS["submitter"], "role": "reviewer", "password": ""})
    assert response.status_code == 200
    account = verify_password(settings, USERS["submitter"], PASSWORD)
    assert account is not None and account.role == "reviewer"


def test_adding_an_existing_or_disabled_account_changes_nothing(
        signed_in: Callable[[str], FlaskClient], settings: Settings) -> None:
    admin = signed_in("admin")
    token = csrf_token(admin.get("/staff/users"))
    admin.post("/staff/users", data={"csrf_token": token, "action": "disable",
                                     "email": USERS["reviewer"]})
    again = admin.post("/staff/users?lang=fr", data={
        "csrf_token": token, "action": "add", "email": USERS["reviewer"], "role": "admin",
        "password": "another long password"})
    assert again.status_code == 422
    assert "a déjà un compte" in again.get_data(as_text=True)
    with state.connect(settings) as con:
        account = state.get_account(con, USERS["reviewer"])
    assert account is not None and account.disabled and account.role == "reviewer"
    assert verify_password(settings, USERS["reviewer"], PASSWORD) is None  # still disabled
    enabled = admin.post("/staff/users", data={"csrf_token": token, "action": "enable",
                                                "email": USERS["reviewer"]})
    assert enabled.status_code == 200
    assert verify_password(settings, USERS["reviewer"], PASSWORD) is not None
    actions = [(r.action, r.outcome) for r in state.recent_audit(settings)][:3]
    assert actions == [("user_enable", "ok"), ("user_add", "rejected"), ("user_disable", "ok")]


def test_the_last_admin_can_be_neither_demoted_nor_disabled(
        app: flask.Flask, signed_in: Callable[[str], FlaskClient], settings: Settings) -> None:
    admin = signed_in("admin")
    token = csrf_token(admin.get("/staff/users"))
    demoted = admin.post("/staff/users", data={"csrf_token": token, "action": "role",
                                               "email": USERS["admin"], "role": "submitter"})
    assert demoted.status_code == 422
    assert "last active administrator" in demoted.get_data(as_text=True)
    # A second admin may demote the first, who then may not disable the second.
    admin.post("/staff/users", data={"csrf_token": token, "action": "role",
                                     "email": USERS["reviewer"], "role": "admin"})
    other = signed_in("reviewer")
    response = other.post("/staff/users", data={
        "csrf_token": csrf_token(other.get("/staff/users")), "action": "role",
        "email": USERS["admin"], "role": "submitter"})
    assert response.status_code == 200
    response = other.post("/staff/users", data={
        "csrf_token": csrf_token(other.get("/staff/users")), "action": "disable",
        "email": USERS["reviewer"]})
    assert response.status_code == 422  # not self, and the last admin
    with state.connect(settings) as con:
        admins = [a.email for a in state.list_accounts(con)
                  if a.role == "admin" and not a.disabled]
    assert admins == [USERS["reviewer"]]


def test_wrong_passwords_are_limited_per_account_from_any_address(app: flask.Flask) -> None:
    statuses = []
    for n in range(12):
        client = app.test_client()
        client.environ_base["REMOTE_ADDR"] = f"10.0.0.{n}"
        statuses.append(sign_in(client, USERS["admin"], "wrong").status_code)  # type: ignore[attr-defined]
    assert statuses == [401] * 10 + [429] * 2


def test_wrong_passwords_are_limited_per_address_across_accounts(app: flask.Flask) -> None:
    client = app.test_client()
    statuses = [sign_in(client, f"guess{n}@example.org", "wrong").status_code  # type: ignore[attr-defined]
                for n in range(11)]
    assert statuses == [401] * 10 + [429]


def test_a_colleague_who_signed_in_before_still_signs_in_from_the_attackers_address(
        app: flask.Flask) -> None:
    colleague = app.test_client()
    assert sign_in(colleague, USERS["reviewer"]).status_code == 302  # type: ignore[attr-defined]
    colleague.post("/staff/sign-out", data={"csrf_token": csrf_token(colleague.get("/staff/"))})
    attacker = app.test_client()
    for account in (USERS["reviewer"], USERS["admin"]):
        for _ in range(12):
            sign_in(attacker, account, "wrong")
    assert sign_in(attacker, USERS["reviewer"]).status_code == 429  # type: ignore[attr-defined]
    response = sign_in(colleague, USERS["reviewer"])
    assert response.status_code == 302  # type: ignore[attr-defined]


def test_failed_sign_ins_are_kept_apart_from_staff_actions(
        app: flask.Flask, signed_in: Callable[[str], FlaskClient], settings: Settings) -> None:
    anonymous = app.test_client()
    for _ in range(3):
        sign_in(anonymous, "nobody@example.org", "wrong")
    assert not [r for r in state.recent_audit(settings) if r.outcome == "failed"]
    page = signed_in("admin").get("/staff/history?view=sign_ins").get_data(as_text=True)
    assert page.count("nobody@example.org") == 3


def test_the_history_pages_and_filters_actions(
        signed_in: Callable[[str], FlaskClient], settings: Settings) -> None:
    for n in range(60):
        state.audit(settings, USERS["submitter"], "deliverable", "ok", subject=f"item-{n}")
    state.audit(settings, USERS["reviewer"], "snapshot", "ok", subject="q2-review")
    client = signed_in("admin")
    first = client.get("/staff/history").get_data(as_text=True)
    assert first.count("<tr><td><time") == 50 and "q2-review" in first
    older = client.get("/staff/history?before=" + first.split("before=")[1].split('"')[0])
    assert older.get_data(as_text=True).count("<tr><td><time") >= 11
    only = client.get("/staff/history?action=snapshot").get_data(as_text=True)
    assert only.count("<tr><td><time") == 1 and "q2-review" in only


@pytest.mark.parametrize(("role", "links"), [
    ("submitter", ["/staff/", "/staff/upload", "/staff/deliverables", "/staff/history"]),
    ("reviewer", ["/staff/", "/staff/upload", "/staff/deliverables", "/staff/snapshot",
                  "/staff/history"]),
    ("admin", ["/staff/", "/staff/upload", "/staff/deliverables", "/staff/snapshot",
               "/staff/users", "/staff/history"])])
def test_the_navigation_shows_the_pages_each_role_may_open(
        app: flask.Flask, signed_in: Callable[[str], FlaskClient], role: str,
        links: list[str]) -> None:
    from dashboard.staff.auth import role_of

    client = signed_in(role)
    page = client.get("/staff/").get_data(as_text=True)
    nav = page.split('class="staff-nav"')[1].split("</ul>")[0]
    shown = [href.split("?")[0] for href in re.findall(r'href="([^"]+)"', nav)]
    assert shown == links
    for path in links:  # and every link shown opens: one declaration, two uses
        assert client.get(path).status_code == 200, path
    with app.test_request_context():
        assert role_of("staff.users") == "admin" and role_of("staff.snapshot") == "reviewer"
