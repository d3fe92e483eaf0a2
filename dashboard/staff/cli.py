"""``python -m dashboard users …``: staff accounts from the command line (the first admin
cannot be made in the browser). A password is read from a prompt, or from standard input
when it is not a terminal; never from the command line, where other users could see it."""

from __future__ import annotations

import sys

import click

from dashboard.staff import state
from dashboard.staff.accounts import AccountError, add_user
from pipelines.settings import load_settings


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
    """Create a staff account, or reset its role and password.

    \b
    Examples:
      python -m dashboard users add analyst@ontario.ca --role submitter
      printf '%s\\n' "$PASSWORD" | python -m dashboard users add lead@ontario.ca --role admin
    """
    settings = load_settings()
    try:
        email = add_user(settings, email, role, _password(oidc))
    except AccountError as error:
        raise click.ClickException(str(error)) from None
    state.audit(settings, "command line", "user_add", "ok", subject=email, detail=role)
    click.echo(f"{email} can sign in at /staff as {role}")


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
    """Stop an account from signing in (its history stays)."""
    settings = load_settings()
    with state.connect(settings) as con:
        if not state.set_disabled(con, email, True):
            raise click.ClickException(f"no account {email}")
    state.audit(settings, "command line", "user_disable", "ok", subject=email)
    click.echo(f"{email} is disabled")
