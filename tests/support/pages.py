"""The public pages under test, read from Dash's page registry (each page registers itself
with ``dash.register_page``), so a new page is tested without editing a list. A templated
path (``/indicator/<indicator_id>``) takes its example id from the database: the first row of
the table the id names (``indicator_id`` -> ``marts.indicators``)."""

from __future__ import annotations

import re
from pathlib import Path

import dash
import duckdb

NOT_FOUND = "dashboard.pages.not_found_404"
MISSING_PATH = "/no-such-page"  # what the 404 page is tested with
_VARIABLE = re.compile(r"<(\w+)>")


def registered() -> list[str]:
    """Every registered page's module, in the navigation's order, then the pages outside
    it by name, then the 404 page. Registering the pages needs an app: one is made (never
    served) if none was."""
    if not dash.page_registry:
        from dashboard.app import create_app
        from pipelines.settings import load_settings

        create_app(load_settings(env={}))
    def place(module: str) -> tuple[bool, bool, int, str]:
        order = dash.page_registry[module].get("order")
        return module == NOT_FOUND, order is None, order or 0, module

    return sorted(dash.page_registry, key=place)


def short_name(module: str) -> str:
    """``dashboard.pages.review_quarterly`` -> ``review_quarterly`` (test ids, screenshots)."""
    return module.rsplit(".", 1)[-1]


def template(module: str) -> str:
    page = dash.page_registry[module]
    return str(page.get("path_template") or page["path"])


def ids(db: Path, variable: str) -> list[str]:
    """Every value of ``variable`` (``indicator_id``) in its table (``marts.indicators``), in
    the table's own order."""
    table = f"marts.{variable.removesuffix('_id')}s"
    with duckdb.connect(str(db), read_only=True) as con:
        found = con.execute(
            "SELECT count(*) FROM information_schema.columns WHERE table_schema = 'marts' "
            "AND table_name = $t AND column_name = $c",
            {"t": table.removeprefix("marts."), "c": variable}).fetchone()
        if not found or not found[0]:
            raise LookupError(f"no table {table} with a column {variable} to take an example "
                              f"<{variable}> from (tests/support/pages.py)")
        return [str(r[0]) for r in con.execute(f"SELECT {variable} FROM {table} ORDER BY rowid")
                .fetchall()]


def paths(db: Path, module: str, *, every_id: bool = False) -> list[str]:
    """The paths that show ``module``'s page: its path; for a templated path, the first id of
    the database (or, with ``every_id``, every id); for the 404 page, a path no page has."""
    if module == NOT_FOUND:
        return [MISSING_PATH]
    path = template(module)
    variables = _VARIABLE.findall(path)
    if not variables:
        return [path]
    if len(variables) > 1:
        raise NotImplementedError(f"{path}: more than one id in a path")
    values = ids(db, variables[0])
    return [_VARIABLE.sub(value, path) for value in (values if every_id else values[:1])]


def example(db: Path, module: str) -> str:
    """One path that shows ``module``'s page."""
    return paths(db, module)[0]
