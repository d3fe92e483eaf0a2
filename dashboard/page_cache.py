"""Rendered pages, cached per data version: installed once by the app factory around every
registered Dash page's ``layout`` function, so page modules need no change.

A layout is a function of the page, its path and query arguments, the language and what it
reads: the database (its data version, :meth:`Database.version`), the list of snapshots (the
statutory review's picker), today's date (periods "to date") and the site's public address
(links and citations are absolute). All of them are in the key, so a rebuild, a new snapshot or a
new day renders afresh, and nothing older is ever served. The page renders with the database
pinned to the version in its key.

An entry holds the page's JSON, as Dash sends it, its HTML (:mod:`dashboard.html_first`),
written from that JSON when the first response needs it, and the data version it was
rendered from. A callback hit parses the JSON (a
fresh copy for each request) and returns the plain structure, which Dash serialises exactly
like the components it came from. Entries live in this process's memory and, for the pages
the warm-up renders after a write, in the store on disk that every worker shares
(:mod:`dashboard.html_first.store`); a page found in neither is rendered by the request.

Pages that depend on who is asking are never cached: anything under ``/staff``, and any page
registered with ``cache_layout=False`` (``dash.register_page(..., cache_layout=False)``).
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
from collections.abc import Callable, MutableMapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Final

import flask
from plotly.io.json import to_json_plotly

from dashboard.cache import ResultCache, cache_key
from dashboard.context import SETTINGS_CONFIG_KEY, current_db, request_lang, request_path
from dashboard.html_first.store import Entry, PageStore
from pipelines.settings import REPO_ROOT, Settings

CODE_ROOTS: Final = (Path(__file__).resolve().parent, REPO_ROOT / "pipelines")
CODE_SUFFIXES: Final = frozenset({".py", ".sql", ".toml", ".css"})
PAGE_CACHE_CONFIG_KEY: Final = "TRACKER_PAGE_CACHE"
PAGE_STORE_CONFIG_KEY: Final = "TRACKER_PAGE_STORE"
_ORIGINAL: Final = "_tracker_uncached_layout"
Layout = Callable[..., Any]
HtmlWriter = Callable[[str], str]  # a layout's JSON -> its HTML


@dataclass(frozen=True)
class Rendered:
    """One page's render: where it came from ("memory", "store", "render") and its entry."""

    source: str
    entry: Entry


def _snapshots_stamp(folder: Path) -> int:
    # Taking or removing a snapshot adds or removes an entry: the folder's mtime changes.
    try:
        return os.stat(folder).st_mtime_ns
    except FileNotFoundError:
        return 0


def _cacheable(page: MutableMapping[str, Any]) -> bool:
    path = str(page.get("path_template") or page.get("path") or "")
    return bool(page.get("cache_layout", True)) and not path.startswith("/staff")


@functools.cache
def code_fingerprint(roots: tuple[Path, ...] = CODE_ROOTS) -> str:
    """The code and words pages are made from (every Python, SQL, TOML and CSS file of the
    dashboard and the pipelines): a deployment of new code never serves pages the old code
    rendered from the store."""
    digest = hashlib.sha256()
    for root in roots:
        for path in sorted(root.rglob("*")):
            if path.suffix in CODE_SUFFIXES and "__pycache__" not in path.parts:
                digest.update(str(path.relative_to(root)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def generation(settings: Settings, version: str, day: date | None = None) -> str:
    """Everything besides a page's own arguments that its render reads, as one name: the
    data version, the snapshots, the day, the site's public address (every absolute link is
    written from it, never from the request) and the code (the store's folder)."""
    stamp = _snapshots_stamp(settings.snapshots_dir)
    day = day or date.today()
    parts = (version, stamp, settings.public_url, code_fingerprint())
    return f"{day.isoformat()}-{hashlib.sha256(repr(parts).encode()).hexdigest()[:20]}"


def _key(module: str, kwargs: dict[str, Any]) -> str | None:
    # The language is in the key once: ``/`` and ``/?lang=en`` are one page.
    arguments = {k: v for k, v in kwargs.items() if k != "lang"}
    return cache_key("page", module, request_path(), arguments, request_lang())


def _stored(cache: ResultCache, store: PageStore | None, gen: str, key: str) -> Rendered | None:
    found = cache.get(f"{gen}:{key}")
    if found is not None:
        return Rendered("memory", found)
    entry = store.get(gen, key) if store is not None else None
    return None if entry is None else Rendered("store", entry)


def render(module: str, layout: Layout, kwargs: dict[str, Any],
           html: HtmlWriter | None = None, persist: bool = False) -> tuple[Rendered, Any]:
    """The page's entry (with its HTML when ``html`` is given) and, when this call rendered
    it, the rendered component tree (else None). ``persist``: keep the entry in the shared
    store too (the warm-up; a request never writes there, so the store stays bounded)."""
    app = flask.current_app
    cache: ResultCache | None = app.config.get(PAGE_CACHE_CONFIG_KEY)
    store: PageStore | None = app.config.get(PAGE_STORE_CONFIG_KEY)
    with current_db().pinned() as version:
        key = _key(module, kwargs)
        if cache is None or cache.max_entries <= 0 or key is None:
            tree = layout(**kwargs)
            entry = {"json": to_json_plotly(tree), "version": version}
            return Rendered("render", _with_html(entry, html)), tree
        gen = generation(app.config[SETTINGS_CONFIG_KEY], version)
        found = _stored(cache, store, gen, key)
        tree = None
        if found is None:
            # One thread renders; the others (a burst after a rebuild) wait for its result.
            with cache.computing.hold(key):
                found = _stored(cache, store, gen, key)
                if found is None:
                    tree = layout(**kwargs)
                    found = Rendered("render", {"json": to_json_plotly(tree),
                                                "version": version})
                    # Kept before the lock is let go: a thread that waited for it must find
                    # the page, not render it again.
                    cache.put(f"{gen}:{key}", found.entry)
        changed = found.source != "memory"
        if html is not None and "html" not in found.entry:
            found, changed = Rendered(found.source, _with_html(found.entry, html)), True
        if changed:
            cache.put(f"{gen}:{key}", found.entry)
        if persist and store is not None and found.source != "store":
            store.put(gen, key, found.entry)
        return found, tree


def _with_html(entry: Entry, html: HtmlWriter | None) -> Entry:
    if html is None or "html" in entry:
        return entry
    return {**entry, "html": html(entry["json"])}


def cached_layout(module: str, layout: Layout) -> Layout:
    """``layout`` served from the page cache of the running app (when it has one)."""

    @functools.wraps(layout)
    def cached(**kwargs: Any) -> Any:
        if not flask.has_request_context():
            return layout(**kwargs)
        found, tree = render(module, layout, kwargs)
        return tree if tree is not None else json.loads(found.entry["json"])

    setattr(cached, _ORIGINAL, layout)
    return cached


def is_cached(layout: object) -> bool:
    """Whether ``layout`` is a page's layout under the cache's wrapper."""
    return hasattr(layout, _ORIGINAL)


def uncached(layout: Layout) -> Layout:
    """The page's own layout function under the cache's wrapper."""
    found: Layout = getattr(layout, _ORIGINAL, layout)
    return found


def install_page_cache(server: flask.Flask, registry: MutableMapping[str, Any],
                       max_entries: int, store: PageStore | None = None) -> None:
    """Give ``server`` a page cache (and the shared ``store``) and wrap every cacheable
    page of ``registry`` (Dash's page registry, shared by every app in the process: wrapping
    is idempotent)."""
    server.config[PAGE_CACHE_CONFIG_KEY] = ResultCache(max_entries)
    server.config[PAGE_STORE_CONFIG_KEY] = store
    for module, page in registry.items():
        layout = page.get("layout")
        if not callable(layout) or not _cacheable(page):
            continue
        page["layout"] = cached_layout(module, uncached(layout))
