"""The page shell every page shares: skip link, help bar with the quick exit, header with
language toggle, navigation, demonstration banner, ``<main id="main">`` and footer."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Final

import dash
from dash import dcc, html
from dash.development.base_component import Component

from dashboard.components.links import href
from dashboard.components.typeset import typeset_french
from pipelines.language.formatting import format_timestamp
from pipelines.language.i18n import Lang, other_lang, t
from pipelines.read.rows import SiteStatus

EMERGENCY_NUMBER: Final[str] = "911"
HOTLINE_DISPLAY: Final[str] = "1 833 900-1010"
HOTLINE_TEL: Final[str] = "tel:+18339001010"
# Where Quick exit goes: a page anyone might have open, in the reader's language.
QUICK_EXIT_URL: Final[dict[str, str]] = {"en": "https://www.google.ca/",
                                         "fr": "https://www.google.ca/?hl=fr"}


def language_toggle(lang: Lang, path: str, query: Mapping[str, object]) -> Component:
    target = other_lang(lang)
    return dcc.Link(
        html.Span(t("site.language_toggle", lang), lang=target),
        href=href(path, target, query),
        id="shell-language-toggle",
        className="language-toggle",
        title=t("site.language_toggle_label", lang),
    )


def site_header(lang: Lang, path: str, query: Mapping[str, object]) -> Component:
    return html.Header(
        html.Div(
            [
                dcc.Link(t("site.title", lang), href=href("/", lang), className="site-title"),
                language_toggle(lang, path, query),
            ],
            className="header-inner",
        ),
        className="site-header",
    )


def nav_items() -> list[tuple[str, str]]:
    """(path, catalogue key) of every page registered with ``nav=``, in the pages' order: a
    new page joins the navigation from its own ``dash.register_page`` call."""
    pages = [page for page in dash.page_registry.values() if page.get("nav")]
    pages.sort(key=lambda page: (page.get("order") or 0, page["path"]))
    return [(str(page["path"]), str(page["nav"])) for page in pages]


def site_nav(lang: Lang, path: str) -> Component:
    items = [
        html.Li(
            dcc.Link(
                t(key, lang),
                href=href(item_path, lang),
                className="nav-link nav-link-current" if item_path == path else "nav-link",
            )
        )
        for item_path, key in nav_items()
    ]
    return html.Nav(
        html.Ul(items), className="site-nav", **{"aria-label": t("site.nav_label", lang)}
    )


def quick_exit(lang: Lang) -> Component:
    """A link to a neutral site. ``assets/quick_exit.js`` follows it with
    ``location.replace`` (so Back does not return) and on Escape pressed twice; without the
    script it is still an ordinary link away. ``rel=noreferrer`` keeps this site's address
    from the neutral site."""
    return html.A(
        t("help.quick_exit", lang),
        href=QUICK_EXIT_URL[lang],
        id="shell-quick-exit",
        className="quick-exit",
        rel="noreferrer",
        **{"data-quick-exit": "", "aria-describedby": "shell-quick-exit-hint"},
    )


def help_banner(lang: Lang) -> Component:
    """911, the hotline and the quick exit on every page, kept in view while the page scrolls
    (numbers from Ontario's human trafficking help page)."""
    return html.Section(
        html.Div(
            [
                # First in the document (shown at the end of the bar): after the skip link,
                # the next Tab reaches it.
                quick_exit(lang),
                html.P(
                    [
                        t("help.in_danger", lang),
                        " ",
                        html.A(EMERGENCY_NUMBER, href=f"tel:{EMERGENCY_NUMBER}", className="tel"),
                        ". ",
                        t("help.hotline", lang),
                        " ",
                        html.A(HOTLINE_DISPLAY, href=HOTLINE_TEL, className="tel"),
                        " ",
                        html.Span(t("help.hotline_terms", lang), className="help-terms"),
                    ],
                    className="help-text",
                ),
                # Read as Quick exit's description only (aria-describedby reads hidden text).
                html.Span(t("help.quick_exit_hint", lang), id="shell-quick-exit-hint",
                          hidden=True),
            ],
            className="help-inner",
        ),
        id="shell-help",
        className="help-banner",
        **{"aria-label": t("help.label", lang)},
    )


def demo_banner(lang: Lang) -> Component:
    return html.Div(html.P(t("demo.banner", lang)), className="demo-banner", role="status")


def site_footer(lang: Lang, status: SiteStatus) -> Component:
    built = (
        t("footer.built_at", lang, date=format_timestamp(status.built_at, lang))
        if status.built_at
        else t("footer.not_built", lang)
    )
    return html.Footer(
        html.Div(
            [
                html.P(built),
                html.P(
                    [
                        dcc.Link(t("footer.sources", lang), href=href("/about", lang) + "#sources"),
                        " · ",
                        t("footer.sources_note", lang),
                    ]
                ),
            ],
            className="footer-inner",
        ),
        className="site-footer",
    )


def page_shell(
    *,
    lang: Lang,
    path: str,
    query: Mapping[str, object],
    status: SiteStatus,
    children: Sequence[Component],
) -> Component:
    """Wrap a page's content. ``path`` and ``query`` let the language toggle keep the page.
    A French page is set in French typography, whatever the source of each text."""
    page = html.Div(
        [
            html.A(t("site.skip_link", lang), href="#main", className="skip-link"),
            # Before the header, so the bar is the first thing read and stays at the top.
            help_banner(lang),
            site_header(lang, path, query),
            site_nav(lang, path),
            demo_banner(lang) if status.has_demo else None,
            html.Main(list(children), id="main", tabIndex="-1", className="page-main"),
            site_footer(lang, status),
        ],
        className="page",
        lang=lang,
    )
    return typeset_french(page) if lang == "fr" else page
