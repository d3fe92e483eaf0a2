"""A published figure written in full: value with its qualifier, unit, period and source."""

from __future__ import annotations

from dash import html
from dash.development.base_component import Component

from pipelines.language.formatting import format_period, format_value
from pipelines.language.i18n import Lang, t
from pipelines.read.rows import Figure


def _localised(figure: Figure, lang: Lang, field: str) -> str:
    return str(getattr(figure, f"{field}_{lang}") or getattr(figure, f"{field}_en") or "")


def figure_source(figure: Figure, lang: Lang) -> Component:
    text = t(
        "figure.source",
        lang,
        publisher=_localised(figure, lang, "publisher"),
        edition=_localised(figure, lang, "edition"),
    )
    return html.P(html.A(text, href=figure.url) if figure.url else text, className="figure-source")


def figure_quote(figure: Figure, lang: Lang) -> Component:
    # The quote stays in the source's language; the lang attribute lets screen readers say it.
    quote_lang = figure.source_language or lang
    # Only a French sentence on an English page is announced as French; a submission's locator
    # (file and row) is not a quotation at all.
    label = "figure.quote" if quote_lang != lang else "figure.quote_same_language"
    if figure.status in {"submitted", "revised", "demo"}:
        label = "figure.provenance"
    return html.Details(
        [html.Summary(t(label, lang)), html.Blockquote(figure.locator, lang=quote_lang)],
        className="figure-quote",
    )


def figure_value(figure: Figure, lang: Lang, *, heading_level: int = 3) -> Component:
    """The card for one figure. Never colours the value: status words only."""
    heading = getattr(html, f"H{heading_level}")
    value = format_value(figure.value, figure.unit_kind, figure.qualifier, lang)
    if figure.status == "demo":  # the marker travels with the value, not only below it
        value = t("demo_mark.value", lang, value=value)
    unit = "" if figure.unit_kind in {"money", "percent"} else _localised(figure, lang, "unit")
    period = format_period(figure.period_start, figure.period_end, figure.period_basis, lang)
    if figure.geography != "ontario":
        period = t("figure.where", lang, geography=_localised(figure, lang, "geography"),
                   period=period)
    # The published baseline is an annual average; quarterly submissions of the same
    # indicator are counts for their quarter.
    is_average = figure.measure == "annual_average" and figure.status == "published"
    per_year = t("figure.per_year", lang) if is_average else None
    children: list[Component | None] = [
        heading(_localised(figure, lang, "name"), className="figure-name"),
        html.P(
            [html.Span(value, className="figure-number"), " ", html.Span(unit, className="unit"),
             f" {per_year}" if per_year else ""],
            className="figure-value",
        ),
        html.P(period, className="figure-period"),
        html.P(t("figure.demo", lang), className="figure-demo")
        if figure.status == "demo"
        else None,
        figure_source(figure, lang),
        figure_quote(figure, lang),
    ]
    return html.Div([c for c in children if c is not None], className="figure")


def reporting_note(lang: Lang) -> Component:
    """Reported-activity figures: a rise can mean the strategy works (the strategy's words)."""
    return html.Aside(
        [
            html.P(html.Strong(t("reporting_note.heading", lang))),
            html.P(t("reporting_note.body", lang)),
            html.P(t("reporting_note.quote", lang), className="reporting-quote"),
        ],
        className="reporting-note",
    )
