"""The banner of a page that shows figures as known on a past date (``?as_of=``). Pure."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from dash import dcc, html
from dash.development.base_component import Component

from dashboard.components.links import href
from pipelines.language.formatting import format_date
from pipelines.language.i18n import Lang, t


def as_of_banner(day: date, path: str, query: Mapping[str, object],
                 lang: Lang) -> Component:
    """"As known on …", with a link to the same page as known today (``query`` without
    ``as_of``)."""
    today = {k: v for k, v in query.items() if k != "as_of"}
    return html.Section([
        html.P(t("as_of.banner", lang, date=format_date(day, lang)), className="as-of-text"),
        html.P([dcc.Link(t("as_of.today_link", lang), href=href(path, lang, today),
                         id="as-of-today"), " ", t("as_of.snapshot_note", lang)]),
    ], id="as-of-banner", className="as-of-banner", **{"data-as-of": day.isoformat(),
                                                       "aria-label": t("as_of.label", lang)})


def malformed_as_of(value: str, lang: Lang) -> Component:
    return html.P(t("as_of.malformed", lang, value=value[:40]), role="alert",
                  className="form-error", id="as-of-error")
