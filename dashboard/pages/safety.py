"""``/safety``: "Leave this site quickly and safely". What Quick exit does and cannot do, and
how to browse privately and remove this site from the history in the common browsers (the
help bar and the footer link here; docs/architecture.md › Pages)."""

from __future__ import annotations

from typing import Final

import dash
from dash import html
from dash.development.base_component import Component

from dashboard.components.shell import (
    EMERGENCY_NUMBER,
    HOTLINE_DISPLAY,
    HOTLINE_TEL,
    SAFETY_PATH,
    page_shell,
)
from dashboard.context import current_db, request_lang
from pipelines.language.i18n import Lang, normalise_lang, t
from pipelines.read import strategy

PATH: Final[str] = SAFETY_PATH
# (heading key, paragraph keys, as a list), in page order.
SECTIONS: Final[tuple[tuple[str, tuple[str, ...], bool], ...]] = (
    ("exit_heading", ("exit_what", "exit_script", "exit_plain"), False),
    ("limits_heading", ("limits_history", "limits_traces"), False),
    ("private_heading", ("private_chrome", "private_edge", "private_firefox", "private_safari",
                         "private_samsung"), True),
    ("clear_heading", ("clear_chrome", "clear_firefox", "clear_safari"), True),
    ("device_heading", ("device_body",), False),
)
INTRO: Final[dict[str, str]] = {"private_heading": "private_intro",
                                "clear_heading": "clear_intro"}


def title(**_: object) -> str:
    lang = request_lang()
    return t("site.page_title", lang, page=t("safety.title", lang))


dash.register_page(__name__, path=PATH, title=title, name="Leave safely", order=90)


def _section(heading: str, keys: tuple[str, ...], as_list: bool, lang: Lang) -> Component:
    section_id = "safety-" + heading.removesuffix("_heading").replace("_", "-")
    intro = INTRO.get(heading)
    body: list[Component] = [html.P(t(f"safety.{intro}", lang))] if intro else []
    if as_list:
        body.append(html.Ul([html.Li(t(f"safety.{key}", lang)) for key in keys]))
    else:
        body += [html.P(t(f"safety.{key}", lang)) for key in keys]
    return html.Section([html.H2(t(f"safety.{heading}", lang), id=section_id), *body],
                        **{"aria-labelledby": section_id})


def help_section(lang: Lang) -> Component:
    """Who to call, under its own heading (the help bar is the page's "Get help" region)."""
    return html.Section([
        html.H2(t("safety.help_heading", lang), id="safety-help"),
        html.P([t("help.in_danger", lang), " ",
                html.A(EMERGENCY_NUMBER, href=f"tel:{EMERGENCY_NUMBER}", className="tel"), " ",
                t("about_help.police", lang)]),
        html.P([t("about_help.body", lang), " ",
                html.A(HOTLINE_DISPLAY, href=HOTLINE_TEL, className="tel"), ". ",
                t("about_help.terms", lang)]),
    ], **{"aria-labelledby": "safety-help"})


def content(lang: Lang) -> list[Component]:
    return [html.H1(t("safety.title", lang)),
            html.P(t("safety.intro", lang), className="lead"),
            *[_section(heading, keys, as_list, lang) for heading, keys, as_list in SECTIONS],
            help_section(lang)]


def layout(lang: str = "en", **query: object) -> Component:
    language = normalise_lang(lang)
    return page_shell(lang=language, path=PATH, query=query,
                      status=strategy.site_status(current_db()), children=content(language))
