"""Rendered pages, cached per data version: installed once by the app factory around every
registered Dash page's ``layout`` function, so page modules need no change.

A layout is a function of the page, its path and query arguments, the language and what it
reads: the database (its data version, :meth:`Database.version`), the list of snapshots (the
statutory review's picker) and today's date (periods "to date"). All of them are in the key,
so a rebuild, a new snapshot or a new day renders afresh, and nothing older is ever served.
The page renders with the database pinned to the version in its key.

The entry is the page's JSON, as Dash sends it: a hit parses it (a fresh copy for each
request, quicker than unpickling a component tree with its figures) and returns the plain
structure, which Dash serialises exactly like the components it came from.

Pages that depend on who is asking are never cached: anything under ``/staff``, and any page
registered with ``cache_layout=False`` (``dash.register_page(..., cache_layout=False)``).
"""

from __future__ import annotations

import functools
import json
import os
from collections.abc import Callable, MutableMapping
from datetime import date
from pathlib import Path
from typing import Any, Final

import flask
from plotly.io.json import to_json_plotly

from dashboard.cache import ResultCache, cache_key
from dashboard.context import SETTINGS_CONFIG_KEY, current_db, request_lang, request_path

PAGE_CACHE_CONFIG_KEY: Final = "TRACKER_PAGE_CACHE"
_ORIGINAL: Final = "_tracker_uncached_layout"
Layout = Callable[..., Any]


def _snapshots_stamp(folder: Path) -> int:
    # Taking or removing a snapshot adds or removes an entry: the folder's mtime changes.
    try:
        return os.stat(folder).st_mtime_ns
    except FileNotFoundError:
        return 0


def _cacheable(page: MutableMapping[str, Any]) -> bool:
    path = str(page.get("path_template") or page.get("path") or "")
    return bool(page.get("cache_layout", True)) and not path.startswith("/staff")


def _render(module: str, layout: Layout, kwargs: dict[str, Any]) -> Any:
    app = flask.current_app
    cache: ResultCache | None = app.config.get(PAGE_CACHE_CONFIG_KEY)
    if cache is None or cache.max_entries <= 0:
        return layout(**kwargs)
    snapshots = _snapshots_stamp(app.config[SETTINGS_CONFIG_KEY].snapshots_dir)
    with current_db().pinned() as version:
        key = cache_key("page", module, request_path(), kwargs, request_lang(), version,
                        snapshots, date.today().isoformat())
        found = cache.get(key)
        if found is None and key is not None:
            # One thread renders; the others (a burst after a rebuild) wait for its result.
            with cache.computing.hold(key):
                found = cache.peek(key)
                if found is None:
                    rendered = layout(**kwargs)
                    cache.put(key, to_json_plotly(rendered))
                    return rendered
        return layout(**kwargs) if found is None else json.loads(found)


def cached_layout(module: str, layout: Layout) -> Layout:
    """``layout`` served from the page cache of the running app (when it has one)."""

    @functools.wraps(layout)
    def render(**kwargs: Any) -> Any:
        if not flask.has_request_context():
            return layout(**kwargs)
        return _render(module, layout, kwargs)

    setattr(render, _ORIGINAL, layout)
    return render


def install_page_cache(server: flask.Flask, registry: MutableMapping[str, Any],
                       max_entries: int) -> None:
    """Give ``server`` a page cache and wrap every cacheable page of ``registry`` (Dash's
    page registry, shared by every app in the process: wrapping is idempotent)."""
    server.config[PAGE_CACHE_CONFIG_KEY] = ResultCache(max_entries)
    for module, page in registry.items():
        layout = page.get("layout")
        if not callable(layout) or not _cacheable(page):
            continue
        original = getattr(layout, _ORIGINAL, layout)
        page["layout"] = cached_layout(module, original)
