"""``/staff/users``: administrators add accounts, change a role, set a password, disable and
enable accounts. Each is its own action, audited and logged:

* adding never touches an existing account (re-adding a disabled one does not enable it);
* a role change never touches the password, and a password change never the role;
* enabling is explicit; disabling, a role change and a new password end the account's
  sessions at once, on every worker;
* the last active administrator can be neither demoted nor disabled, by anyone.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

import flask

from dashboard.staff import accounts, auth, render, state
from dashboard.staff.accounts import AccountError
from pipelines import logs
from pipelines.language.i18n import t
from pipelines.settings import Settings

ACTIONS: Final = ("add", "role", "password", "disable", "enable")


def users_page() -> flask.Response:
    settings, lang = auth.settings(), auth.lang()
    user: auth.StaffUser = flask.g.staff_user
    messages: list[tuple[str, str]] = []
    status = 200
    if flask.request.method == "POST":
        status, message = _change(settings, user, lang)
        messages.append(("ok" if status == 200 else "error", message))
    with state.connect(settings) as con:
        listed = state.list_accounts(con)
    return render.page("users.html", "staff_users.heading", status, messages=messages,
                       accounts=listed, roles=state.ROLES)


def _change(settings: Settings, user: auth.StaffUser, lang: str) -> tuple[int, str]:
    """Do the form's one action: (HTTP status, message)."""
    form = flask.request.form
    action = form.get("action", "")
    email = form.get("email", "").strip()[:254]
    if action not in ACTIONS:
        return 400, t("staff.bad_request", lang)
    if action == "disable" and state.normalise_email(email) == user.email:
        return 422, t("staff_users.not_self", lang)
    with logs.logged(f"user {action}", user.email) as write:
        try:
            email = _run(settings, action, email, form.get)
        except AccountError as error:
            write.outcome, write.detail = "rejected", str(error)
            state.audit(settings, user.email, f"user_{action}", "rejected", subject=email,
                        detail=str(error))
            return 422, error.text(lang)
        write.detail = email
    detail = form.get("role") if action in ("add", "role") else None
    state.audit(settings, user.email, f"user_{action}", "ok", subject=email, detail=detail)
    return 200, _done_message(action, email, form.get("role", ""), lang)


def _run(settings: Settings, action: str, email: str,
         value: Callable[[str], str | None]) -> str:
    if action == "add":
        return accounts.add_user(settings, email, value("role") or "",
                                 value("password") or None)
    if action == "role":
        return accounts.change_role(settings, email, value("role") or "")
    if action == "password":
        return accounts.change_password(settings, email, value("password") or "")
    return accounts.set_active(settings, email, action == "enable")


def _done_message(action: str, email: str, role: str, lang: str) -> str:
    if action in ("add", "role"):
        return t("staff_users.added" if action == "add" else "staff_users.role_changed", lang,
                 email=email, role=t(f"staff.role_{role}", lang))
    if action == "password":
        return t("staff_users.password_changed", lang, email=email)
    word = t("staff_users.disabled" if action == "disable" else "staff_users.active", lang)
    return t("staff_users.changed", lang, email=email, state=word)
