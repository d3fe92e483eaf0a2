"""Local staff accounts: argon2id password hashes (argon2-cffi) in the staff state database."""

from __future__ import annotations

from functools import cache
from typing import Final

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from dashboard.staff import state
from pipelines.settings import Settings

MIN_PASSWORD_LENGTH: Final = 12


class AccountError(ValueError):
    """An account that cannot be created as asked (bad e-mail, role or password)."""


@cache
def _hasher() -> PasswordHasher:
    return PasswordHasher()  # argon2id with the library's current recommended parameters


@cache
def _dummy_hash() -> str:
    return _hasher().hash("not a password anyone has")


def check_new_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError(f"the password must have at least {MIN_PASSWORD_LENGTH} characters")


def check_email(email: str) -> str:
    email = state.normalise_email(email)
    local, at, domain = email.partition("@")
    if not (local and at and "." in domain) or any(c.isspace() for c in email):
        raise AccountError(f"{email!r} is not an e-mail address")
    return email


def _check_role(role: str) -> None:
    if role not in state.ROLES:
        raise AccountError(f"role {role!r} is not one of {', '.join(state.ROLES)}")


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
            raise AccountError(f"{email} already has an account; change its role, password "
                               "or state instead")
    return email


def _changed(settings: Settings, change: str, email: str, *args: object) -> str:
    """Run ``state.<change>`` on ``email``: the normalised e-mail, or AccountError."""
    email = state.normalise_email(email)
    try:
        with state.connect(settings) as con:
            found = getattr(state, change)(con, email, *args)
    except state.LastAdmin as error:
        raise AccountError(str(error)) from None
    if not found:
        raise AccountError(f"no account {email}")
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
