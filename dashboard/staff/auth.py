"""Who is signed in to the staff area, and what they may do.

* Sessions are Flask's signed cookie (key from the state database, shared by every worker):
  http-only, SameSite=Lax (Strict would drop the cookie on the identity provider's redirect
  back), Secure whenever the site is served over https, and dropped after
  ``settings.staff_idle_minutes`` without a request.
* Every POST to ``/staff/…`` needs the form's CSRF token (Flask-WTF); the public Dash
  callbacks, which change nothing, are not checked.
* Wrong passwords are rate-limited per address (Flask-Limiter): past the limit, 429.
* Roles are ranked: a reviewer may do what a submitter may, an admin what a reviewer may.
"""

from __future__ import annotations

import logging
import secrets
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from functools import wraps
from typing import Any, Final, TypeVar
from urllib.parse import urlencode

import flask
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_wtf.csrf import CSRFProtect

from dashboard.staff import state
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


def configure(server: flask.Flask, config: Settings) -> Limiter:
    """Session cookie, CSRF and the sign-in limiter for ``server``."""
    server.config.update(
        SECRET_KEY=_session_key(config),
        SESSION_COOKIE_NAME=SESSION_COOKIE,
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_SECURE=config.staff_cookie_secure,
        SESSION_COOKIE_PATH=PREFIX,
        PERMANENT_SESSION_LIFETIME=timedelta(minutes=config.staff_idle_minutes),
        # The token is tied to the session; its own age limit is the session's.
        WTF_CSRF_TIME_LIMIT=None,
        WTF_CSRF_CHECK_DEFAULT=False,
        MAX_CONTENT_LENGTH=config.staff_max_upload_bytes + 64 * 1024,
    )
    csrf.init_app(server)
    limiter = Limiter(get_remote_address, app=server, storage_uri=config.staff_limiter_storage,
                      default_limits=[], headers_enabled=True)
    return limiter


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
    flask.session.clear()  # a fresh session at sign-in: no fixation
    flask.session.permanent = True
    flask.session.update(email=email, role=role, via=via, seen=time.time())


def end_session() -> None:
    flask.session.clear()


def current_user() -> StaffUser | None:
    """The signed-in user, or None (never signed in, idle too long, or account disabled)."""
    data = flask.session
    if not data.get("email") or data.get("role") not in state.ROLE_RANK:
        return None
    idle_s = settings().staff_idle_minutes * 60
    if time.time() - float(data.get("seen", 0)) > idle_s:
        flask.session.clear()
        return None
    flask.session["seen"] = time.time()
    user = StaffUser(str(data["email"]), str(data["role"]), str(data.get("via", "password")))
    if user.via == "password":
        from dashboard.staff.accounts import active_account

        account = active_account(settings(), user.email)
        if account is None:
            flask.session.clear()
            return None
        user = StaffUser(account.email, account.role, user.via)  # a changed role applies now
    return user


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
    """Anonymous: redirect to sign-in. Signed in without ``role``: 403."""

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
            flask.g.staff_user = user
            return view(*args, **kwargs)

        return wrapper  # type: ignore[return-value]

    return decorate


def protect_posts() -> None:
    """``before_request`` of the staff blueprint: a POST without a valid token is a 400."""
    if flask.request.method == "POST":
        csrf.protect()
