"""Every public page of the page registry, with the ids its path takes.

One list for everything that must reach every page: the warm-up that renders the default view
of each page after a write (:mod:`dashboard.warm`), the tests that read every page without
script, and the Lighthouse benchmark. A page joins it by registering with
``dash.register_page``; a path with an id (``/indicator/<indicator_id>``) takes every id the
database knows, from :data:`ID_SOURCES` (a new kind of id needs one entry there, and a test
fails until it has one).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Final

import dash

from dashboard.database import Database
from dashboard.routing import normalise_path
from pipelines.read import strategy

NOT_FOUND_MODULE: Final = "not_found_404"
# Pages behind sign-in are not public (the staff area is Flask views today; a Dash page
# under /staff would be excluded too).
PRIVATE_PREFIX: Final = "/staff"
# Where each kind of id in a path comes from.
ID_SOURCES: Final[Mapping[str, Callable[[Database], list[str]]]] = {
    "indicator_id": lambda db: [i.indicator_id for i in strategy.indicators(db)],
    "pillar_id": lambda db: [p.pillar_id for p in strategy.pillars(db)],
}
# The id a test or a benchmark visits when it visits one page of a kind: the strategy's
# one numeric target (a chart with a target, a trajectory and quarterly figures) and the
# first pillar. Any other known id is used when these are not in the database.
SAMPLE_IDS: Final[Mapping[str, str]] = {"indicator_id": "frontline_workers_trained",
                                        "pillar_id": "awareness"}
# Example paths of the two error pages, which no registry path names: an unknown path (404)
# and a malformed parameter (400).
NOT_FOUND_EXAMPLE: Final = "/no-such-page"
BAD_REQUEST_EXAMPLE: Final = "/review/quarterly?quarter=not-a-quarter"


@dataclass(frozen=True)
class PublicPage:
    """One page of the registry at one concrete path (its default view)."""

    module: str
    path: str
    template: str


def _template(page: Mapping[str, Any]) -> str:
    return normalise_path(str(page.get("path_template") or page.get("path") or "/"))


def _variables(template: str) -> list[str]:
    return [part[1:-1] for part in template.split("/") if part.startswith("<")]


def public_templates() -> list[tuple[str, str]]:
    """(module, path template) of every public page in the registry, in its order."""
    found = []
    for module, page in dash.page_registry.items():
        template = _template(page)
        if module.endswith(NOT_FOUND_MODULE) or template.startswith(PRIVATE_PREFIX):
            continue
        found.append((module, template))
    return found


def unknown_id_kinds() -> list[str]:
    """Ids in registered paths that :data:`ID_SOURCES` cannot enumerate (should be none)."""
    return sorted({v for _, template in public_templates() for v in _variables(template)
                   if v not in ID_SOURCES})


def _fill(template: str, values: Mapping[str, str]) -> str:
    for name, value in values.items():
        template = template.replace(f"<{name}>", value)
    return template


def _choices(db: Database, names: list[str], sample: bool) -> Iterator[dict[str, str]]:
    if not names:
        yield {}
        return
    # Every registered path has at most one id today; more would take every combination.
    name = names[0]
    ids = ID_SOURCES[name](db)
    if sample:
        wanted = SAMPLE_IDS.get(name)
        ids = [wanted] if wanted in ids else ids[:1]
    for value in ids:
        for rest in _choices(db, names[1:], sample):
            yield {name: value, **rest}


def public_pages(db: Database, *, sample: bool = False) -> list[PublicPage]:
    """Every public page at every id the database knows; ``sample``: one id per page."""
    pages = []
    for module, template in public_templates():
        for values in _choices(db, _variables(template), sample):
            pages.append(PublicPage(module, _fill(template, values), template))
    return pages
