"""HTTP status for page requests.

Dash serves its single-page index with 200 for every path; a crawler or a link checker then
cannot tell a missing page from a real one. This hook runs after Flask has built the index
response and turns it into a 404 when the path names no page, or names an id the database
does not know. A page registers its own ``validate(db, ids)`` with ``dash.register_page``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import dash
import flask

from dashboard.context import current_db
from dashboard.database import Database

# True: the ids exist; False: 404; an int: that status (e.g. 400 for a malformed parameter).
Validator = Callable[[Database, Mapping[str, str]], bool | int]


@dataclass(frozen=True)
class Route:
    """A path pattern (named groups are ids) and how to check its ids exist."""

    pattern: str
    validate: Validator | None = None

    def match(self, path: str) -> Mapping[str, str] | None:
        found = re.fullmatch(self.pattern, path)
        return None if found is None else found.groupdict()


def routes() -> tuple[Route, ...]:
    """One route per registered page: its path (ids become named groups) and the ``validate``
    function the page module registered with ``dash.register_page`` (none: always found).
    A new page needs no change here."""
    found = []
    for module, page in dash.page_registry.items():
        if module.endswith("not_found_404"):
            continue
        template = page.get("path_template") or page.get("path", "")
        found.append(Route(_template_regex(normalise_path(str(template))), page.get("validate")))
    return tuple(found)


def normalise_path(path: str) -> str:
    return "/" + path.strip("/") if path.strip("/") else "/"


def _template_regex(template: str) -> str:
    return re.sub(r"<([^>]+)>", r"(?P<\1>[^/]+)", template)


def page_registered(path: str) -> bool:
    """Whether a Dash page (other than the 404 page) serves ``path``."""
    for module, page in dash.page_registry.items():
        if module.endswith("not_found_404"):
            continue
        template = page.get("path_template")
        if template and re.fullmatch(_template_regex(normalise_path(template)), path):
            return True
        if normalise_path(str(page.get("path", ""))) == path:
            return True
    return False


def path_status(db: Database, path: str, extra: tuple[Route, ...] = ()) -> int:
    """200 when a route matches ``path``, its ids exist and a page serves it; else 404."""
    path = normalise_path(path)
    for route in (*routes(), *extra):
        ids = route.match(path)
        if ids is None:
            continue
        verdict = True if route.validate is None else route.validate(db, ids)
        if verdict is False:
            return 404
        if verdict is not True and verdict != 200:
            return int(verdict)
        return 200 if page_registered(path) else 404
    return 404


def install_status_hook(server: flask.Flask, index_prefix: str = "/") -> None:
    """Set the status of initial page loads (Dash's index responses) from ``path_status``."""

    @server.after_request
    def _page_status(response: flask.Response) -> flask.Response:
        request = flask.request
        internal = request.path.startswith((f"{index_prefix}_", f"{index_prefix}assets/"))
        # Only Dash's index view ("/" and its catch-all "/<path:path>") answers for a page of
        # the registry; Flask views (the staff area) set their own status.
        dash_index = request.endpoint in (f"{index_prefix}", f"{index_prefix}<path:path>")
        if request.method != "GET" or internal or response.status_code != 200 or not dash_index:
            return response
        # Downloads (the quarterly briefing is HTML too) are not pages.
        attachment = "Content-Disposition" in response.headers
        if response.mimetype == "text/html" and not attachment:
            response.status_code = path_status(current_db(), request.path)
        return response


def page_request(path: str, search: str = "", changed: str = "pathname") -> dict[str, object]:
    """The body dash-renderer posts to ``/_dash-update-component`` to render the page at
    ``path`` (tests and benchmarks render pages the way the browser does)."""
    return {
        "output": ".._pages_content.children..._pages_store.data..",
        "outputs": [
            {"id": "_pages_content", "property": "children"},
            {"id": "_pages_store", "property": "data"},
        ],
        "inputs": [
            {"id": "_pages_location", "property": "pathname", "value": path},
            {"id": "_pages_location", "property": "search", "value": search},
        ],
        "changedPropIds": [f"_pages_location.{changed}"],
        "state": [],
    }
