"""``python -m dashboard users …``: staff accounts from the command line (the first admin
cannot be made in the browser). A password is read from a prompt, or from standard input
when it is not a terminal; never from the command line, where other users could see it."""

from __future__ import annotations

import sys
from collections.abc import Callable

import click

from dashboard.staff import accounts, state
from dashboard.staff.accounts import AccountError, add_user
from pipelines import logs
from pipelines.settings import Settings, load_settings


def _password(oidc: bool) -> str | None:
    if oidc:
        return None
    if sys.stdin.isatty():
        value: str = click.prompt("Password", hide_input=True, confirmation_prompt=True)
        return value
    return sys.stdin.readline().rstrip("\r\n")


@click.group("users")
def users() -> None:
    """Staff accounts of the /staff area (stored under STRATEGY_STATE_DIR, default data/state)."""


@users.command("add")
@click.argument("email")
@click.option("--role", required=True, type=click.Choice(state.ROLES),
              help="submitter: uploads and deliverables; reviewer: also snapshots; "
                   "admin: also users.")
@click.option("--oidc", is_flag=True,
              help="No password: the account signs in with the ministry's identity provider.")
def add(email: str, role: str, oidc: bool) -> None:
    """Create a staff account (an existing one is left as it is: see role, password,
    enable).

    \b
    Examples:
      python -m dashboard users add analyst@ontario.ca --role submitter
      printf '%s\\n' "$PASSWORD" | python -m dashboard users add lead@ontario.ca --role admin
    """
    settings = load_settings()
    email = _run(settings, "add", lambda: add_user(settings, email, role, _password(oidc)),
                 detail=role)
    click.echo(f"{email} can sign in at /staff as {role}")


def _run(settings: Settings, action: str, change: Callable[[], str],
         detail: str | None = None) -> str:
    """One account change from the shell: done, audited and logged, or exit 1 with why."""
    with logs.logged(f"user {action}", "command line") as write:
        try:
            email = change()
        except AccountError as error:
            write.outcome, write.detail = "rejected", str(error)
            raise click.ClickException(str(error)) from None
        write.detail = email
    state.audit(settings, "command line", f"user_{action}", "ok", subject=email, detail=detail)
    return email


@users.command("role")
@click.argument("email")
@click.option("--role", required=True, type=click.Choice(state.ROLES))
def role(email: str, role: str) -> None:
    """Change an account's role (its password stays; its sessions end). The last active
    administrator keeps the role."""
    settings = load_settings()
    email = _run(settings, "role", lambda: accounts.change_role(settings, email, role), role)
    click.echo(f"{email} is now {role}")


@users.command("password")
@click.argument("email")
def password(email: str) -> None:
    """Set a new password (from a prompt or standard input; the sessions end)."""
    settings = load_settings()
    new = _password(False) or ""
    email = _run(settings, "password", lambda: accounts.change_password(settings, email, new))
    click.echo(f"{email} has a new password")


@users.command("enable")
@click.argument("email")
def enable(email: str) -> None:
    """Let a disabled account sign in again."""
    settings = load_settings()
    email = _run(settings, "enable", lambda: accounts.set_active(settings, email, True))
    click.echo(f"{email} is enabled")


@users.command("list")
def list_users() -> None:
    """Every account: e-mail, role, how it signs in, and whether it is disabled."""
    with state.connect(load_settings()) as con:
        for account in state.list_accounts(con):
            how = "password" if account.password_hash else "oidc"
            flag = "disabled" if account.disabled else "active"
            click.echo(f"{account.email}\t{account.role}\t{how}\t{flag}")


@users.command("disable")
@click.argument("email")
def disable(email: str) -> None:
    """Stop an account from signing in, ending its sessions (its history stays). The last
    active administrator cannot be disabled."""
    settings = load_settings()
    email = _run(settings, "disable", lambda: accounts.set_active(settings, email, False))
    click.echo(f"{email} is disabled; their sessions have ended")
