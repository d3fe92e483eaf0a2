"""Debug (Werkzeug's debugger, Dash dev tools, tracebacks in the browser) is off unless it is
switched on explicitly."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from pipelines.settings import REPO_ROOT, load_settings


@pytest.mark.parametrize("value", [None, "", "0", "false", "no", "off", "anything"])
def test_debug_is_off_unless_asked(value: str | None) -> None:
    env = {} if value is None else {"DASH_DEBUG": value}
    assert load_settings(env).debug is False


@pytest.mark.parametrize("value", ["1", "true", "on", "yes"])
def test_debug_is_on_only_when_asked(value: str) -> None:
    assert load_settings({"DASH_DEBUG": value}).debug is True


def test_production_entry_point_has_debug_off(dashboard_db: Path) -> None:
    # What gunicorn imports, in a clean environment (no DASH_DEBUG at all).
    probe = (
        "from dashboard.wsgi import server;"
        "print(server.debug, server.config['DEBUG'], server.config['PROPAGATE_EXCEPTIONS'])"
    )
    env = {"STRATEGY_DB": str(dashboard_db), "PATH": "/usr/bin:/bin"}
    result = subprocess.run([sys.executable, "-c", probe], cwd=REPO_ROOT, env=env,
                            capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["False", "False", "None"]


def test_cli_has_debug_off_by_default() -> None:
    from dashboard.__main__ import main

    option = next(p for p in main.params if p.name == "debug")
    assert option.default is None  # None defers to settings, which default to False


def test_dispatch_is_synchronous_whatever_else_is_installed(tmp_path) -> None:
    """With asgiref importable Dash would serve callbacks through asyncio; the app must not
    change behaviour with the packages that happen to be installed beside it."""
    from dashboard.app import create_app
    from pipelines.settings import load_settings

    app = create_app(load_settings(env={}, db_path=tmp_path / "unused.duckdb"))
    assert app._use_async is False
