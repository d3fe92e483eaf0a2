"""Pages rendered the way the browser asks for them, and one reader of the JSON Dash answers
with: a tree of components, each ``{"type", "namespace", "props"}``, whose props hold
strings, lists and more components."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from flask.testing import FlaskClient

from dashboard.routing import page_request

NBSP = "\u00a0"


def render(client: FlaskClient, path: str, search: str = "") -> dict[str, Any]:
    """Ask the page-routing callback for a page, the way the browser does."""
    client.get("/")  # Dash registers the routing callback on the first request
    response = client.post("/_dash-update-component", json=page_request(path, search))
    assert response.status_code == 200, response.text
    return response.get_json()["response"]  # type: ignore[no-any-return]


def page_payload(path: str, search: str = "") -> dict[str, Any]:
    """The page-routing callback's request for ``path``, as dash-renderer posts it."""
    return page_request(path, search)


def text_of(payload: Any) -> str:
    """The whole answer as one string (non-ASCII kept), to look for words in."""
    return json.dumps(payload, ensure_ascii=False)


def components(tree: Any) -> Iterator[dict[str, Any]]:
    """Every component in ``tree``, outermost first, in document order."""
    if isinstance(tree, dict):
        if "type" in tree and isinstance(tree.get("props"), dict):
            yield tree
        for value in tree.values():
            yield from components(value)
    elif isinstance(tree, list):
        for item in tree:
            yield from components(item)


def props_of(tree: Any) -> Iterator[dict[str, Any]]:
    """The props of every component in ``tree``."""
    return (component["props"] for component in components(tree))


def find(tree: Any, **wanted: object) -> list[dict[str, Any]]:
    """The components whose props have every ``wanted`` value."""
    return [c for c in components(tree)
            if all(c["props"].get(k) == v for k, v in wanted.items())]


def of_type(tree: Any, kind: str) -> list[dict[str, Any]]:
    """The components of one type (``"H1"``, ``"Link"``, ``"Tr"``...)."""
    return [c for c in components(tree) if c["type"] == kind]


def link_targets(tree: Any) -> list[str]:
    """Every link target in ``tree``: any ``href`` string, in a component's props or deeper
    (a figure's layout, a store's data)."""
    found: list[str] = []
    if isinstance(tree, dict):
        if isinstance(tree.get("href"), str):
            found.append(tree["href"])
        for value in tree.values():
            found += link_targets(value)
    elif isinstance(tree, list):
        for item in tree:
            found += link_targets(item)
    return found
