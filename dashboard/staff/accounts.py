"""Local staff accounts: argon2id password hashes (argon2-cffi) in the staff state database."""

from __future__ import annotations

from functools import cache
from typing import Final

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from dashboard.staff import state
from pipelines.language.messages import Message
from pipelines.problem_codes import Code
from pipelines.settings import Settings

MIN_PASSWORD_LENGTH: Final = 12


class AccountError(ValueError):
    """An account that cannot be created or changed as asked (bad e-mail, role or password).
    ``str()`` is the English message (the command line, the log, the audit); :meth:`text`
    the message in a page's language."""

    def __init__(self, code: Code, /, **values: object) -> None:
        self.what = Message.of(code.key, code.params, **values)
        super().__init__(self.what.text("en"))

    def text(self, lang: str) -> str:
        return self.what.text(lang)


@cache
def _hasher() -> PasswordHasher:
    return PasswordHasher()  # argon2id with the library's current recommended parameters


@cache
def _dummy_hash() -> str:
    return _hasher().hash("not a password anyone has")


def check_new_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError(Code.PASSWORD_TOO_SHORT, minimum=MIN_PASSWORD_LENGTH)


def check_email(email: str) -> str:
    email = state.normalise_email(email)
    local, at, domain = email.partition("@")
    if not (local and at and "." in domain) or any(c.isspace() for c in email):
        raise AccountError(Code.NOT_AN_EMAIL, value=email)
    return email


def _check_role(role: str) -> None:
    if role not in state.ROLES:
        raise AccountError(Code.ROLE_NOT_ALLOWED, value=role, allowed=state.ROLES)


def add_user(settings: Settings, email: str, role: str, password: str | None) -> str:
    """Create an account; ``password`` None makes an OpenID Connect-only account. An existing
    account is never changed here (its role, password and state each have their own action:
    re-adding a disabled account must not enable it silently). Returns the normalised e-mail."""
    email = check_email(email)
    _check_role(role)
    hashed = None
    if password is not None:
        check_new_password(password)
        hashed = _hasher().hash(password)
    with state.connect(settings) as con:
        if not state.insert_account(con, email, role, hashed):
            raise AccountError(Code.ACCOUNT_EXISTS, email=email)
    return email


def _changed(settings: Settings, change: str, email: str, *args: object) -> str:
    """Run ``state.<change>`` on ``email``: the normalised e-mail, or AccountError."""
    email = state.normalise_email(email)
    try:
        with state.connect(settings) as con:
            found = getattr(state, change)(con, email, *args)
    except state.LastAdmin:
        raise AccountError(Code.LAST_ADMINISTRATOR, email=email) from None
    if not found:
        raise AccountError(Code.NO_ACCOUNT, email=email)
    return email


def change_role(settings: Settings, email: str, role: str) -> str:
    """A new role, the password untouched; the account's sessions end."""
    _check_role(role)
    return _changed(settings, "set_role", email, role)


def change_password(settings: Settings, email: str, password: str) -> str:
    """A new password; the account's sessions end."""
    check_new_password(password)
    return _changed(settings, "set_password", email, _hasher().hash(password))


def set_active(settings: Settings, email: str, active: bool) -> str:
    """Enable or disable an account (disabling ends its sessions; never the last admin)."""
    return _changed(settings, "set_disabled", email, not active)


def verify_password(settings: Settings, email: str, password: str) -> state.Account | None:
    """The active account whose password this is, or None. An unknown e-mail costs as much
    time as a wrong password, so timing does not tell which e-mails have accounts."""
    with state.connect(settings) as con:
        account = state.get_account(con, email)
    stored = account.password_hash if account and not account.disabled else None
    try:
        _hasher().verify(stored or _dummy_hash(), password)
    except (VerificationError, InvalidHashError):
        return None
    return account if stored else None


def active_account(settings: Settings, email: str) -> state.Account | None:
    with state.connect(settings) as con:
        account = state.get_account(con, email)
    return account if account and not account.disabled else None
