"""Dash finishes setting itself up on a server's first request, and marks that done before
it has registered the page router: two first requests at once in a threaded worker let the
second run a callback that does not exist yet (HTTP 500, seen once while every gunicorn
worker recycled). Every threaded server runs the set-up in one request before it listens."""

from __future__ import annotations

import runpy
from pathlib import Path

from dashboard.app import create_app, finish_setup
from dashboard.routing import page_request
from pipelines.settings import REPO_ROOT, load_settings

ROUTER = page_request("/")["output"]


def test_the_page_router_exists_once_finish_setup_has_run(dashboard_db: Path) -> None:
    app = create_app(load_settings(env={}, db_path=dashboard_db))
    assert ROUTER not in app.callback_map  # Dash defers it to the first request ...
    finish_setup(app.server)
    assert ROUTER in app.callback_map  # ... which finish_setup makes before any other
    response = app.server.test_client().post("/_dash-update-component",
                                             json=page_request("/"))
    assert response.status_code == 200


def test_every_gunicorn_worker_finishes_the_set_up_before_it_serves(
        dashboard_db: Path) -> None:
    config = runpy.run_path(str(REPO_ROOT / "gunicorn.conf.py"))
    app = create_app(load_settings(env={}, db_path=dashboard_db))

    class Worker:
        wsgi = app.server

    config["post_worker_init"](Worker())
    assert ROUTER in app.callback_map
