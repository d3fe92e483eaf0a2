"""The pages HTML first is checked on, and their first response as a client without script
receives it (shared by the plain-client, browser, phone and no-script tests)."""

from __future__ import annotations

import urllib.error
import urllib.request
from pathlib import Path

from dashboard.app import create_app
from dashboard.context import DB_CONFIG_KEY
from dashboard.site_pages import BAD_REQUEST_EXAMPLE, NOT_FOUND_EXAMPLE, public_pages
from pipelines.settings import load_settings


def sample_paths(db: Path) -> list[str]:
    """Every public page of the registry (one id each) and the two error pages."""
    app = create_app(load_settings(env={}, db_path=db))
    with app.server.test_request_context("/"):
        pages = public_pages(app.server.config[DB_CONFIG_KEY], sample=True)
    return [p.path for p in pages] + [NOT_FOUND_EXAMPLE, BAD_REQUEST_EXAMPLE]


def with_lang(path: str, lang: str) -> str:
    return f"{path}{'&' if '?' in path else '?'}lang={lang}"


def first_response(url: str) -> str:
    """The page's first HTML response, whatever its status (the 404 and 400 pages too)."""
    try:
        with urllib.request.urlopen(url, timeout=120) as answer:
            return str(answer.read().decode("utf-8"))
    except urllib.error.HTTPError as error:
        return str(error.read().decode("utf-8"))
