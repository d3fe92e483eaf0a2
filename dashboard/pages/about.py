"""``/about``: the progress method with a worked example, every source, the strategy period,
the suppression rule, how to cite, a glossary and where to get help."""

from __future__ import annotations

from typing import Final

import dash
import flask
from dash import dcc, html
from dash.development.base_component import Component

from dashboard.components.about_method import (
    example_section,
    method_section,
    section,
    verdict_section,
)
from dashboard.components.about_reference import (
    cite_section,
    glossary_section,
    help_section,
    period_section,
    sources_section,
    suppression_section,
)
from dashboard.components.links import href
from dashboard.components.shell import page_shell
from dashboard.context import SETTINGS_CONFIG_KEY, current_db, public_root, request_lang
from pipelines.language.formatting import (
    fiscal_year_label,
    format_date,
    format_number,
    format_period,
)
from pipelines.language.i18n import Lang, normalise_lang, t
from pipelines.periods import fiscal_year_bounds
from pipelines.read import indicator, progress, strategy, verdicts
from pipelines.settings import Settings

PATH: Final[str] = "/about"
# The strategy's one numeric target, whose reading /about explains.
TARGET_INDICATOR: Final[str] = "frontline_workers_trained"
# (section id, catalogue key of its heading), in page order: the table of contents.
SECTIONS: Final[tuple[tuple[str, str], ...]] = (
    ("method", "about_method.heading"),
    ("worked-example", "about_example.heading"),
    ("verdict-method", "about_verdict.heading"),
    ("sources", "about_sources.heading"),
    ("period", "about_period.heading"),
    ("suppression", "about_suppression.heading"),
    ("cite", "about_cite.heading"),
    ("glossary", "about_glossary.heading"),
    ("help", "about_help.heading"),
    ("quick-exit", "about_exit.heading"),
)


def title(**_: object) -> str:
    lang = request_lang()
    return t("site.page_title", lang, page=t("about.title", lang))


dash.register_page(__name__, path=PATH, title=title, name="About", order=3, nav="nav.about")


def _settings() -> Settings:
    return flask.current_app.config[SETTINGS_CONFIG_KEY]


def _period_reading(settings: Settings, target: float | None, lang: Lang) -> dict[str, str]:
    start, end = settings.strategy_start, settings.strategy_end
    reading = {"range": format_period(start, end, "stated", lang),
               "start": format_date(start, lang), "end": format_date(end, lang)}
    if target is not None:
        reading["target"] = format_number(target, lang)
    return reading


def _fiscal_example(lang: Lang) -> dict[str, str]:
    start, end = fiscal_year_bounds(2025)
    return {"example": fiscal_year_label(2025, lang), "start": format_date(start, lang),
            "end": format_date(end, lang)}


def quick_exit_section(lang: Lang) -> Component:
    """What the help bar's Quick exit does, and what it cannot do (docs/architecture.md ›
    Contract: every page carries it)."""
    return section("quick-exit", t("about_exit.heading", lang),
                   [html.P(t(f"about_exit.{key}", lang)) for key in ("what", "keys", "limits")])


def contents_nav(lang: Lang) -> Component:
    links = [html.Li(html.A(t(key, lang), href=f"#{sid}")) for sid, key in SECTIONS]
    return html.Nav(
        html.Ol(links), className="about-contents", **{"aria-label": t("about.contents", lang)}
    )


def content(lang: Lang) -> list[Component]:
    db, settings = current_db(), _settings()
    method = progress.method(db)
    period = strategy.current(db)
    target = indicator.target(db, TARGET_INDICATOR)
    return [
        html.H1(t("about.heading", lang)),
        html.P(t("about.intro", lang), className="lead"),
        html.P(dcc.Link(t("availability.about_link", lang),
                        href=href("/data/availability", lang), id="about-availability-link")),
        contents_nav(lang),
        method_section(method, lang) if method else None,
        example_section(method, lang) if method else None,
        verdict_section(vmethod, lang) if (vmethod := verdicts.method(db)) else None,
        sources_section(strategy.sources(db), lang),
        period_section(_period_reading(settings, target.target_value if target else None, lang),
                       period, lang),
        suppression_section(settings.suppression_threshold, lang),
        cite_section(strategy.build_info(db), public_root() + "/", lang),
        glossary_section(_fiscal_example(lang), lang),
        help_section(lang),
        quick_exit_section(lang),
    ]


def layout(lang: str = "en", **query: object) -> Component:
    language = normalise_lang(lang)
    return page_shell(
        lang=language,
        path=PATH,
        query=query,
        status=strategy.site_status(current_db()),
        children=content(language),
    )
