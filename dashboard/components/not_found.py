"""The body of the "not found" page, shared by unknown paths and unknown ids."""

from __future__ import annotations

from dash import dcc, html
from dash.development.base_component import Component

from dashboard.components.links import href
from pipelines.language.i18n import Lang, t


def not_found_body(lang: Lang) -> list[Component]:
    return [
        html.H1(t("not_found.heading", lang)),
        html.P(t("not_found.body", lang)),
        html.P(dcc.Link(t("not_found.back", lang), href=href("/", lang))),
    ]
