"""Who is signed in to the staff area, and what they may do.

* Sessions live on the server (:mod:`.sessions`); Flask's signed cookie (key from the state
  database, shared by every worker) carries the session's id and the CSRF token: http-only,
  SameSite=Lax (Strict would drop the cookie on the identity provider's redirect back),
  Secure whenever the site is served over https. Sign-out, an idle or absolute timeout, and
  an administrator's change to the account end the session on the server, for every worker.
* Every POST to ``/staff/…`` needs the form's CSRF token (Flask-WTF); the public Dash
  callbacks, which change nothing, are not checked.
* Passwords checked are limited per account and per address (:mod:`.throttle`): past the
  limit, 429.
* Roles are ranked: a reviewer may do what a submitter may, an admin what a reviewer may.
"""

from __future__ import annotations

import logging
import secrets
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from functools import wraps
from typing import Any, Final, TypeVar
from urllib.parse import urlencode

import flask
from flask_wtf.csrf import CSRFProtect

from dashboard.staff import sessions, state, throttle
from pipelines.language.i18n import normalise_lang
from pipelines.settings import Settings

SESSION_COOKIE: Final = "tracker_staff"
PREFIX: Final = "/staff"
SIGN_IN: Final = "/staff/sign-in"
csrf = CSRFProtect()
F = TypeVar("F", bound=Callable[..., Any])


@dataclass(frozen=True)
class StaffUser:
    email: str
    role: str
    via: str  # 'password' or 'oidc'

    def may(self, role: str) -> bool:
        return state.ROLE_RANK[self.role] >= state.ROLE_RANK[role]


def settings() -> Settings:
    from dashboard.context import SETTINGS_CONFIG_KEY

    value: Settings = flask.current_app.config[SETTINGS_CONFIG_KEY]
    return value


def lang() -> str:
    """The page's language, from the query string only: every staff form posts to a URL that
    carries it, and reading the body here would parse it again inside the handler of a body
    too large to parse (a 500 instead of the 413 page)."""
    return normalise_lang(flask.request.args.get("lang", "en"))


def configure(server: flask.Flask, config: Settings) -> None:
    """Session cookie and CSRF for ``server``."""
    throttle.parse_limit(config.staff_sign_in_limit)  # a malformed limit fails at start-up
    server.config.update(
        SECRET_KEY=_session_key(config),
        SESSION_COOKIE_NAME=SESSION_COOKIE,
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_SECURE=config.staff_cookie_secure,
        SESSION_COOKIE_PATH=PREFIX,
        # The browser drops the cookie at the absolute end; the server ends it sooner.
        PERMANENT_SESSION_LIFETIME=timedelta(hours=config.staff_session_hours),
        # The token is tied to the session; its own age limit is the session's.
        WTF_CSRF_TIME_LIMIT=None,
        WTF_CSRF_CHECK_DEFAULT=False,
        MAX_CONTENT_LENGTH=config.staff_max_upload_bytes + 64 * 1024,
    )
    csrf.init_app(server)


def _session_key(config: Settings) -> str:
    """The shared key, or, when the state folder cannot be written, a key of this process
    alone: the staff area then fails loudly, but the public site still serves."""
    try:
        return state.session_key(config)
    except (OSError, sqlite3.Error) as error:
        logging.getLogger(__name__).error(
            "staff area unavailable: cannot open its state database under %s (%s)",
            config.state_dir, error)
        return secrets.token_hex(32)


def start_session(email: str, role: str, via: str) -> None:
    """Sign ``email`` in (after a password or an identity provider vouched for it)."""
    old = flask.session.get("sid")
    if isinstance(old, str):
        sessions.end(settings(), old)
    flask.session.clear()  # a fresh session at sign-in: no fixation
    flask.session.permanent = True
    flask.session["sid"] = sessions.start(settings(), email, role, via)


def end_session() -> None:
    session_id = flask.session.get("sid")
    if isinstance(session_id, str):
        sessions.end(settings(), session_id)
    flask.session.clear()


def current_user() -> StaffUser | None:
    """The signed-in user, or None: never signed in, signed out, idle or too long ago, or
    ended by an administrator (disabled account, new role or password)."""
    if "staff_user" in flask.g:
        user: StaffUser | None = flask.g.staff_user
        return user
    session_id = flask.session.get("sid")
    found = sessions.find(settings(), session_id) if isinstance(session_id, str) else None
    if found is None or found.role not in state.ROLE_RANK:
        if flask.session:
            flask.session.clear()
        flask.g.staff_user = None
        return None
    flask.g.staff_user = StaffUser(found.email, found.role, found.via)
    return flask.g.staff_user  # type: ignore[no-any-return]


def sign_in_url(next_path: str | None = None) -> str:
    query = {"lang": lang()}
    if next_path:
        query["next"] = next_path
    return f"{SIGN_IN}?{urlencode(query)}"


def safe_next(value: str | None) -> str:
    """Only a path inside the staff area: never an open redirect. A control character (a
    line break would split the Location header) is a malformed request: 400."""
    if value and any(ord(c) < 32 or ord(c) == 127 for c in value):
        flask.abort(400)
    if value and value.startswith(PREFIX + "/") and "//" not in value and "\\" not in value:
        return value
    return f"{PREFIX}/?lang={lang()}"


def require(role: str) -> Callable[[F], F]:
    """Anonymous: redirect to sign-in. Signed in without ``role``: 403. The one declaration of
    a page's role: the navigation reads it from the view (:func:`role_of`)."""

    def decorate(view: F) -> F:
        @wraps(view)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            user = current_user()
            if user is None:
                return flask.redirect(sign_in_url(flask.request.full_path.rstrip("?")))
            if not user.may(role):
                state.audit(settings(), user.email, flask.request.endpoint or "?", "refused",
                            detail=f"needs role {role}")
                flask.abort(403)
            return view(*args, **kwargs)

        wrapper.staff_role = role  # type: ignore[attr-defined]  # read by the navigation
        return wrapper  # type: ignore[return-value]

    return decorate


def protect_posts() -> None:
    """``before_request`` of the staff blueprint: a POST without a valid token is a 400."""
    if flask.request.method == "POST":
        csrf.protect()


def role_of(endpoint: str) -> str:
    """The role a staff page requires, as its view declared it with :func:`require`; a view
    that declared none is shown to administrators only."""
    view = flask.current_app.view_functions.get(endpoint)
    return str(getattr(view, "staff_role", "admin"))
