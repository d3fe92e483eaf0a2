"""Sign-in with OpenID Connect, end to end: a real provider (oidc-provider-mock, served over
HTTP in a thread), the tracker served by ``python -m dashboard`` in a subprocess, and a
``requests`` session as the browser. Nothing in the sign-in path is replaced by a stub."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import oidc_provider_mock
import pytest
import requests

from dashboard.staff import state
from dashboard.staff.accounts import add_user
from dashboard.staff.oidc import CALLBACK_PATH, tracker_role, verified_email
from pipelines.settings import load_settings
from tests.support.server import dashboard, free_port, in_thread

# The provider calls Authlib's older server API; that is its business, not the tracker's.
pytestmark = pytest.mark.filterwarnings("ignore:get_jwt_config:DeprecationWarning")

TIMEOUT_S = 15  # every HTTP call of the test; the whole flow takes well under a second


@dataclass(frozen=True)
class Tracker:
    url: str
    provider: str
    state_dir: Path

    def audit(self) -> list[state.AuditRecord]:
        return state.recent_audit(load_settings(env={}, state_dir=self.state_dir))


@pytest.fixture(scope="module")
def provider() -> Iterator[str]:
    """The provider on 127.0.0.1 and a port of the system's choosing. Clients must register
    and send a nonce, as the ministry's provider would require."""
    app = oidc_provider_mock.app(require_client_registration=True, require_nonce=True)
    with in_thread(app) as url:
        yield url


@pytest.fixture(scope="module")
def tracker(provider: str, dashboard_db: Path,
            tmp_path_factory: pytest.TempPathFactory) -> Iterator[Tracker]:
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    registered = requests.post(f"{provider}/oauth2/clients", timeout=TIMEOUT_S,
                               json={"redirect_uris": [url + CALLBACK_PATH]})
    assert registered.status_code == 201, registered.text
    client = registered.json()
    state_dir = tmp_path_factory.mktemp("staff-state")
    env = {
        "STRATEGY_OIDC_METADATA_URL": f"{provider}/.well-known/openid-configuration",
        "STRATEGY_OIDC_CLIENT_ID": client["client_id"],
        "STRATEGY_OIDC_CLIENT_SECRET": client["client_secret"],
        "STRATEGY_PUBLIC_URL": url,
    }
    with dashboard(dashboard_db, state_dir=state_dir, env=env, ready="/staff/sign-in",
                   port=port):
        yield Tracker(url, provider, state_dir)


def _browser() -> requests.Session:
    session = requests.Session()
    session.trust_env = False  # loopback only: no proxy from the environment in between
    return session


def _go_to_provider(browser: requests.Session, tracker: Tracker,
                    **query: str) -> str:
    """Press "Sign in with your ministry account"; the provider's authorize URL."""
    answer = browser.get(f"{tracker.url}/staff/sign-in/oidc", params=query,
                         allow_redirects=False, timeout=TIMEOUT_S)
    assert answer.status_code == 302, answer.text
    location = answer.headers["Location"]
    assert location.startswith(f"{tracker.provider}/oauth2/authorize?")
    asked = parse_qs(urlsplit(location).query)
    assert asked["redirect_uri"] == [tracker.url + CALLBACK_PATH]
    assert asked["scope"] == ["openid email profile"]
    assert asked["code_challenge_method"] == ["S256"] and asked["code_challenge"]
    assert asked["nonce"] and asked["state"]
    form = browser.get(location, timeout=TIMEOUT_S)
    assert form.status_code == 200 and 'name="sub"' in form.text
    return location


def _sign_in(browser: requests.Session, tracker: Tracker, sub: str,
             claims: dict[str, Any], **query: str) -> requests.Response:
    """The provider knows ``sub`` with ``claims``; the user authorizes; the tracker's answer
    to the provider's redirect back (not followed)."""
    known = requests.put(f"{tracker.provider}/users/{sub}", json=claims, timeout=TIMEOUT_S)
    assert known.status_code == 204, known.text
    authorize = _go_to_provider(browser, tracker, **query)
    back = browser.post(authorize, data={"sub": sub}, allow_redirects=False,
                        timeout=TIMEOUT_S)
    assert back.status_code == 302, back.text
    assert back.headers["Location"].startswith(tracker.url + CALLBACK_PATH + "?")
    return browser.get(back.headers["Location"], allow_redirects=False, timeout=TIMEOUT_S)


def _is_signed_out(browser: requests.Session, tracker: Tracker) -> bool:
    home = browser.get(f"{tracker.url}/staff/", allow_redirects=False, timeout=TIMEOUT_S)
    return home.status_code == 302 and "/staff/sign-in" in home.headers["Location"]


def _sign_ins(tracker: Tracker, actor: str) -> list[state.AuditRecord]:
    return [r for r in tracker.audit() if r.action == "sign_in" and r.actor == actor]


def test_a_reviewer_signs_in_works_and_signs_out(tracker: Tracker) -> None:
    browser = _browser()
    email = "Reviewer@Ontario.example"
    done = _sign_in(browser, tracker, "reviewer-1",
                    {"email": email, "email_verified": True, "tracker_role": "reviewer"},
                    next="/staff/snapshot?lang=en", lang="en")
    assert done.status_code == 302
    assert done.headers["Location"] == "/staff/snapshot?lang=en"

    snapshot = browser.get(tracker.url + done.headers["Location"], allow_redirects=False,
                           timeout=TIMEOUT_S)
    assert snapshot.status_code == 200
    home = browser.get(f"{tracker.url}/staff/?lang=en", allow_redirects=False,
                       timeout=TIMEOUT_S)
    assert home.status_code == 200
    assert "reviewer@ontario.example" in home.text
    [record] = _sign_ins(tracker, "reviewer@ontario.example")
    assert (record.outcome, record.detail) == ("ok", "oidc")

    token = re.search(r'name="csrf_token" value="([^"]+)"', home.text)
    assert token is not None
    out = browser.post(f"{tracker.url}/staff/sign-out?lang=en",
                       data={"csrf_token": token.group(1)}, allow_redirects=False,
                       timeout=TIMEOUT_S)
    assert out.status_code == 302
    # Signed out of the tracker at once; the signed-out page links to the provider's
    # end-session address (a link: the CSP's form-action 'self' forbids a POST from
    # redirecting to another origin).
    assert _is_signed_out(browser, tracker)
    assert out.headers["Location"] == "/staff/sign-in?lang=en&signed_out=1&provider=1"
    page = browser.get(f"{tracker.url}{out.headers['Location']}", timeout=TIMEOUT_S).text
    link = re.search(r'<a href="([^"]+)">Also sign out of your ministry account</a>', page)
    assert link, page
    location = html.unescape(link.group(1))
    end_session = urlsplit(location)
    assert location.startswith(f"{tracker.provider}/oauth2/end_session?")
    assert parse_qs(end_session.query)["post_logout_redirect_uri"] == [
        f"{tracker.url}/staff/sign-in?signed_out=1"]
    confirm = browser.post(f"{tracker.provider}/oauth2/end_session/confirm",
                           data={"redirect_uri": f"{tracker.url}/staff/sign-in?signed_out=1"},
                           allow_redirects=False, timeout=TIMEOUT_S)
    assert confirm.headers["Location"] == f"{tracker.url}/staff/sign-in?signed_out=1"
    assert _is_signed_out(browser, tracker)


@pytest.mark.parametrize(("sub", "claims"), [
    ("janitor-1", {"email": "janitor@ontario.example", "tracker_role": "janitor"}),
    ("unverified-1", {"email": "unverified@ontario.example", "email_verified": False,
                      "tracker_role": "admin"}),
    ("no-role-1", {"email": "norole@ontario.example"}),
    ("no-email-1", {"tracker_role": "admin"}),
])
def test_no_role_or_no_verified_email_signs_nobody_in(tracker: Tracker, sub: str,
                                                      claims: dict[str, object]) -> None:
    browser = _browser()
    refused = _sign_in(browser, tracker, sub, claims, next="/staff/", lang="fr")
    assert refused.status_code == 403
    assert "no role in the strategy tracker" in refused.text
    assert "aucun rôle dans le suivi" in refused.text
    assert "Traceback" not in refused.text
    assert _is_signed_out(browser, tracker)
    actor = str(claims.get("email", f"sub {sub}"))
    assert [r.outcome for r in _sign_ins(tracker, actor)] == ["refused"]


def test_an_account_disabled_in_the_tracker_stays_out(tracker: Tracker) -> None:
    settings = load_settings(env={}, state_dir=tracker.state_dir)
    add_user(settings, "gone@ontario.example", "admin", None)
    with state.connect(settings) as con:
        assert state.set_disabled(con, "gone@ontario.example", True)
    browser = _browser()
    refused = _sign_in(browser, tracker, "gone-1",
                       {"email": "gone@ontario.example", "tracker_role": "admin"})
    assert refused.status_code == 403
    assert _is_signed_out(browser, tracker)
    [record] = _sign_ins(tracker, "gone@ontario.example")
    assert (record.outcome, record.detail) == ("refused", "oidc: account disabled in the tracker")


def test_sign_in_returns_only_inside_the_staff_area(tracker: Tracker) -> None:
    browser = _browser()
    done = _sign_in(browser, tracker, "admin-1",
                    {"email": "admin@ontario.example", "tracker_role": ["staff", "admin"]},
                    next="https://elsewhere.example/staff/", lang="fr")
    assert done.status_code == 302
    assert done.headers["Location"] == "/staff/?lang=fr"
    home = browser.get(tracker.url + done.headers["Location"], timeout=TIMEOUT_S)
    assert home.status_code == 200 and "admin@ontario.example" in home.text


def test_a_denied_authorization_is_a_plain_400(tracker: Tracker) -> None:
    browser = _browser()
    authorize = _go_to_provider(browser, tracker, lang="en")
    back = browser.post(authorize, data={"action": "deny"}, allow_redirects=False,
                        timeout=TIMEOUT_S)
    assert "error=access_denied" in back.headers["Location"]
    answer = browser.get(back.headers["Location"], allow_redirects=False, timeout=TIMEOUT_S)
    assert answer.status_code == 400
    assert "Sign-in did not finish" in answer.text and "Traceback" not in answer.text
    assert _is_signed_out(browser, tracker)
    assert any(r.outcome == "failed" and "access_denied" in (r.detail or "")
               for r in _sign_ins(tracker, "(unknown)"))


def test_a_callback_the_tracker_did_not_start_is_refused(tracker: Tracker) -> None:
    browser = _browser()
    _go_to_provider(browser, tracker)  # a real request is pending, with its own state
    forged = browser.get(f"{tracker.url}{CALLBACK_PATH}",
                         params={"code": "stolen", "state": "not-the-one-sent"},
                         allow_redirects=False, timeout=TIMEOUT_S)
    assert forged.status_code == 400 and "Traceback" not in forged.text
    assert _is_signed_out(browser, tracker)
    assert any(r.outcome == "failed" and "mismatching_state" in (r.detail or "")
               for r in _sign_ins(tracker, "(unknown)"))


@pytest.mark.parametrize(("claims", "expected"), [
    ({"email": " Someone@Ontario.example "}, "someone@ontario.example"),
    ({"email": "a@ontario.example", "email_verified": True}, "a@ontario.example"),
    ({"email": "a@ontario.example", "email_verified": "true"}, "a@ontario.example"),
    ({"email": "a@ontario.example", "email_verified": False}, None),
    ({"email": "a@ontario.example", "email_verified": "false"}, None),
    ({"email": "not an address"}, None),
    ({"email": ["a@ontario.example"]}, None),
    ({}, None),
])
def test_verified_email(claims: dict[str, object], expected: str | None) -> None:
    assert verified_email(claims) == expected


@pytest.mark.parametrize(("value", "expected"), [
    ("submitter", "submitter"), ("admin", "admin"), ("Admin", None), ("janitor", None),
    ("", None), (None, None), (3, None), (["reviewer", "submitter"], "reviewer"),
    (["janitor"], None), ([], None),
])
def test_tracker_role(value: object, expected: str | None) -> None:
    assert tracker_role(value) == expected
