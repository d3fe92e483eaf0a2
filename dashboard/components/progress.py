"""How every page shows an indicator's status and its figure to date, from one
``marts.progress`` row (docs/architecture.md › Data flow: "Status is data"). Each element
carries the data attributes of :func:`dashboard.text.status.marks`. Pure: a row and a language
in, components out."""

from __future__ import annotations

from typing import Final

from dash import html
from dash.development.base_component import Component

from dashboard.text.status import (
    is_neutral,
    marks,
    status_words,
    to_date_label,
    to_date_value,
)
from pipelines.language.i18n import Lang, pick, t
from pipelines.read.rows import Progress

ICONS: Final[dict[str, str]] = {
    "achieved": "★",
    "on_track": "✓",
    "needs_acceleration": "◆",
    "limited_progress": "▼",
    "not_assessed": "○",
    "neutral": "ℹ",
}


def status_icon(row: Progress) -> str:
    return ICONS["neutral"] if is_neutral(row) else ICONS[row.status]


def status_badge(row: Progress, lang: Lang, *, element: type = html.P) -> Component:
    """Icon and words; never colour alone (the class only adds colour to the words)."""
    return element(
        [html.Span(status_icon(row), className="status-icon", **{"aria-hidden": "true"}), " ",
         status_words(row, lang)],
        className=f"status-badge status-{row.status.replace('_', '-')}", **marks(row))


def to_date_figure(row: Progress, lang: Lang) -> Component:
    """The figure to date with its unit and the period it covers, or "no figure yet"."""
    if row.value_to_date is None:
        return html.P(t("progress.nothing_yet", lang), className="to-date", **marks(row))
    unit = "" if row.unit_kind in {"money", "percent"} else pick(row, "unit", lang)
    return html.P([html.Span(to_date_value(row, lang), className="figure-number"), " ",
                   html.Span(unit, className="unit"), html.Br(),
                   html.Span(to_date_label(row, lang), className="figure-period")],
                  className="to-date", **marks(row))
