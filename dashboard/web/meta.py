"""What the first HTML response says about a page before any script runs: its ``<title>``, its
description and the Open Graph tags a shared link is previewed from, in the page's language.

The title is the page's own (the ``title`` it registered with ``dash.register_page``, given the
ids in its path); the description comes from the catalogue (``meta.<page module>``), naming the
indicator or pillar when the path has one.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import dash

from dashboard.database import Database
from dashboard.routing import Route, _template_regex, normalise_path
from pipelines.language.i18n import Lang, pick, t
from pipelines.language.typography import french
from pipelines.read import strategy

NOT_FOUND_MODULE = "not_found_404"
LOCALES = {"en": "en_CA", "fr": "fr_CA"}


@dataclass(frozen=True)
class PageMeta:
    title: str
    description: str


def match_page(path: str) -> tuple[Mapping[str, Any] | None, Mapping[str, str]]:
    """The registered page serving ``path`` and the ids in it (None: no page does)."""
    path = normalise_path(path)
    for module, page in dash.page_registry.items():
        if module.endswith(NOT_FOUND_MODULE):
            continue
        template = page.get("path_template") or page.get("path", "")
        ids = Route(_template_regex(normalise_path(str(template)))).match(path)
        if ids is not None:
            return page, ids
    return None, {}


def _names(db: Database, ids: Mapping[str, str], lang: Lang) -> dict[str, str]:
    names: dict[str, str] = {}
    if "indicator_id" in ids:
        indicator = strategy.indicator(db, ids["indicator_id"])
        names["name"] = pick(indicator, "name", lang) if indicator else ids["indicator_id"]
    if "pillar_id" in ids:
        pillar = strategy.pillar(db, ids["pillar_id"])
        names["name"] = pick(pillar, "name", lang) if pillar else ids["pillar_id"]
    return names


def page_meta(db: Database, path: str, status: int, lang: Lang) -> PageMeta:
    """Title and description of the page at ``path`` answering ``status``."""
    page, ids = match_page(path)
    if page is None or status == 404:
        title = t("site.page_title", lang, page=t("not_found.title", lang))
        description = t("meta.not_found", lang)
    else:
        found = page.get("title")
        title = str(found(**ids) if callable(found) else found or t("site.title", lang))
        module = str(page.get("module", "")).rsplit(".", 1)[-1]
        description = t(f"meta.{module}", lang, **_names(db, ids, lang))
    if lang == "fr":
        title, description = french(title), french(description)
    return PageMeta(title, description)


def meta_tags(meta: PageMeta, url: str, lang: Lang) -> str:
    """The description and Open Graph tags, escaped, one per line."""
    tags = [("name", "description", meta.description), ("property", "og:title", meta.title),
            ("property", "og:description", meta.description),
            ("property", "og:type", "website"), ("property", "og:url", url),
            ("property", "og:locale", LOCALES[lang]),
            ("property", "og:site_name", t("site.title", lang)),
            ("name", "twitter:card", "summary")]
    return "\n".join(f'<meta {kind}="{name}" content="{html.escape(value, quote=True)}">'
                     for kind, name, value in tags)
