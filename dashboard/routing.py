"""HTTP status for page requests.

Dash serves its single-page index with 200 for every path; a crawler or a link checker then
cannot tell a missing page from a real one. This hook runs after Flask has built the index
response and turns it into a 404 when the path names no page, or names an id the database
does not know. To add a page with ids, append a ``Route`` to ``ROUTES``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Final

import dash
import flask

from dashboard.context import current_db
from dashboard.database import Database
from pipelines.read import strategy

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


def _quarterly_status(_db: Database, _ids: Mapping[str, str]) -> int:
    from dashboard.pages.review_quarterly import quarter_status

    return quarter_status(flask.request.args.get("quarter"))


def _statutory_snapshot_known(_db: Database, _ids: Mapping[str, str]) -> bool:
    from dashboard.pages.review_statutory import snapshot_known

    return snapshot_known(flask.request.args.get("snapshot"))


ROUTES: Final[tuple[Route, ...]] = (
    Route(r"/"),
    Route(r"/data"),
    Route(r"/review/statutory", _statutory_snapshot_known),
    Route(r"/review/quarterly", _quarterly_status),
    Route(
        r"/pillar/(?P<pillar_id>[^/]+)",
        lambda db, ids: strategy.pillar_exists(db, ids["pillar_id"]),
    ),
    Route(
        r"/indicator/(?P<indicator_id>[^/]+)",
        lambda db, ids: strategy.indicator_exists(db, ids["indicator_id"]),
    ),
    Route(r"/deliverables"),
    Route(r"/about"),
)


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


def path_status(db: Database, path: str, routes: tuple[Route, ...] = ROUTES) -> int:
    """200 when a route matches ``path``, its ids exist and a page serves it; else 404."""
    path = normalise_path(path)
    for route in routes:
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
        if request.method != "GET" or internal or response.status_code != 200:
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
