"""The page shell every page shares: skip link, help bar with the quick exit, header with
language toggle, navigation, demonstration banner, ``<main id="main">`` and footer.

It is written into every first response (docs/architecture.md › HTML first), so all of it
works without script: Quick exit is a link, the navigation folds on a phone into a
``<details>`` menu, and the help bar fits one line of a 390 px screen in English."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Final

import dash
from dash import dcc, html
from dash.development.base_component import Component

from dashboard.components.links import href
from dashboard.components.typeset import typeset_french
from dashboard.context import quick_exit_url
from pipelines.language.formatting import format_timestamp
from pipelines.language.i18n import Lang, other_lang, t
from pipelines.language.typography import french
from pipelines.read.rows import SiteStatus

EMERGENCY_NUMBER: Final[str] = "911"
HOTLINE_DISPLAY: Final[str] = "1 833 900-1010"
HOTLINE_TEL: Final[str] = "tel:+18339001010"
# The page that says what Quick exit can and cannot hide (dashboard/pages/safety.py).
SAFETY_PATH: Final[str] = "/safety"


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
    """The site's name (short on a phone, so the header is one row) and the language link."""
    title = [html.Span(t("site.title", lang), className="site-title-full"),
             html.Span(t("site.short_title", lang), className="site-title-short")]
    return html.Header(
        html.Div(
            [
                dcc.Link(title, href=href("/", lang), className="site-title"),
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


def _nav_links(lang: Lang, path: str, extra: Sequence[tuple[str, str]] = ()) -> Component:
    items = [
        html.Li(
            dcc.Link(
                t(key, lang),
                href=href(item_path, lang),
                className="nav-link nav-link-current" if item_path == path else "nav-link",
            )
        )
        for item_path, key in [*nav_items(), *extra]
    ]
    return html.Ul(items)


def site_nav(lang: Lang, path: str) -> Component:
    """The pages of the navigation: a bar on a wide screen; on a phone one "Menu" control
    (a ``<details>``, so it opens without script), which also lists the safety page. Only
    one of the two is displayed at any width (CSS), so each link is read once."""
    menu = html.Details([html.Summary(t("nav.menu", lang)),
                         _nav_links(lang, path, [(SAFETY_PATH, "help.safety_link")])],
                        className="nav-menu")
    bar = html.Div(_nav_links(lang, path), className="nav-bar")
    return html.Nav([menu, bar], className="site-nav",
                    **{"aria-label": t("site.nav_label", lang)})


def quick_exit(lang: Lang) -> Component:
    """A link to a neutral site (following GOV.UK's "Exit this page"). Without script it is
    an ordinary link away; ``assets/quick_exit.js`` follows it with ``location.replace``, so
    this page's entry in the history is replaced (earlier ones stay: the script never
    touches the history otherwise, so Back works as usual for everyone else), and on Escape
    pressed twice. ``rel=noreferrer`` keeps this site's address from the neutral site."""
    return html.A(
        t("help.quick_exit", lang),
        href=quick_exit_url(lang),
        id="shell-quick-exit",
        className="quick-exit",
        rel="noreferrer",
        **{"data-quick-exit": "", "aria-describedby": "shell-quick-exit-hint"},
    )


def _hint(lang: Lang) -> Component:
    """Quick exit's description, exact either way: the first response says what the plain
    link does; quick_exit.js, once it runs, puts the words for what it does instead
    (``data-script-hint``). Read only as the link's description (aria-describedby reads
    hidden text)."""
    scripted = t("help.quick_exit_hint_script", lang)
    return html.Span(t("help.quick_exit_hint_plain", lang), id="shell-quick-exit-hint",
                     hidden=True,
                     **{"data-script-hint": french(scripted) if lang == "fr" else scripted})


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
                        # On a phone the words around the numbers shorten (CSS): "911 ·
                        # Hotline 1 833 900-1010"; a screen reader still hears them whole.
                        html.Span([t("help.in_danger", lang), " "], className="help-long"),
                        html.A(EMERGENCY_NUMBER, href=f"tel:{EMERGENCY_NUMBER}", className="tel"),
                        html.Span(". ", className="help-long"),
                        html.Span(" · ", className="help-short", **{"aria-hidden": "true"}),
                        html.Span(t("help.hotline", lang), className="help-long"),
                        html.Span(t("help.hotline_short", lang), className="help-short",
                                  **{"aria-hidden": "true"}),
                        " ",
                        html.A(HOTLINE_DISPLAY, href=HOTLINE_TEL, className="tel"),
                        " ",
                        html.Span([t("help.hotline_terms", lang), " · ",
                                   dcc.Link(t("help.safety_link_short", lang),
                                            href=href(SAFETY_PATH, lang),
                                            className="safety-link",
                                            title=t("help.safety_link", lang))],
                                  className="help-terms"),
                    ],
                    className="help-text",
                ),
                _hint(lang),
            ],
            className="help-inner",
        ),
        id="shell-help",
        className="help-banner",
        **{"aria-label": t("help.label", lang)},
    )


def demo_banner(lang: Lang) -> Component:
    """Says demonstration data is loaded: in full, or in one line on a phone (CSS shows one
    of the two, so it is read once)."""
    return html.Div(html.P([html.Span(t("demo.banner", lang), className="demo-full"),
                            html.Span(t("demo.banner_short", lang), className="demo-short")]),
                    className="demo-banner", role="status")


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
                html.P(dcc.Link(t("help.safety_link", lang), href=href(SAFETY_PATH, lang))),
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
            # One box, so a phone can put the menu in the header's row.
            html.Div([site_header(lang, path, query), site_nav(lang, path)],
                     className="masthead"),
            demo_banner(lang) if status.has_demo else None,
            html.Main(list(children), id="main", tabIndex="-1", className="page-main"),
            site_footer(lang, status),
        ],
        className="page",
        lang=lang,
    )
    return typeset_french(page) if lang == "fr" else page
