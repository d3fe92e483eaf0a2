"""The quarterly review before any submission has arrived (a build without demonstration
data): it says so plainly, then shows what is known without one: what the quarter's
submission is expected to hold with the template to fill in, every pillar indicator's latest
published figure and its period (and its status, read from ``marts.progress``), and the
deliverables by state. Pure: rows in, components out."""

from __future__ import annotations

from dash import dcc, html
from dash.development.base_component import Component

from dashboard.components.links import href, template_href
from dashboard.components.progress import status_icon
from dashboard.components.statutory import table
from dashboard.text.review import quarter_label
from dashboard.text.status import marks, status_words
from dashboard.text.verdict import card_line
from pipelines.language.formatting import format_period, format_value, quarter_name
from pipelines.language.i18n import Lang, pick, t
from pipelines.read.review import Awaiting
from pipelines.read.rows import Figure, Progress
from pipelines.vocabulary import DELIVERABLE_STATES


def _figure_cells(figure: Figure | None, lang: Lang) -> list[object]:
    if figure is None:
        return [t("quarterly.no_published", lang), "", ""]
    edition = figure.edition_fr if lang == "fr" else figure.edition_en
    return [format_value(figure.value, figure.unit_kind, figure.qualifier, lang),
            format_period(figure.period_start, figure.period_end, figure.period_basis, lang),
            edition or ""]


def status_cell(row: Progress, lang: Lang) -> Component:
    """The status in words with its icon (never colour alone), marked with its row; for the
    target, what is expected by now (from the date, with or without a figure)."""
    target = ([html.Br(), html.Span(card_line(row, lang), className="target-line")]
              if row.target_value is not None and row.expected_to_date is not None else [])
    return html.Span([html.Span(status_icon(row), className="status-icon",
                                **{"aria-hidden": "true"}), " ", status_words(row, lang),
                      *target], **marks(row))


def _row(row: Progress, figure: Figure | None, quarter: str, lang: Lang) -> list[object]:
    return [pick(row, "name", lang), *_figure_cells(figure, lang), status_cell(row, lang),
            t("quarterly.expected_total", lang, quarter=quarter)]


def expected_section(awaiting: Awaiting, lang: Lang) -> Component:
    heading = "quarterly-expected"
    if awaiting.quarter is None:
        return html.Section([html.H2(t("quarterly.expected_heading", lang, quarter=""),
                                     id=heading),
                             html.P(t("quarterly.expected_none_quarter", lang))])
    quarter = quarter_name(awaiting.quarter.label, lang)
    return html.Section([
        html.H2(t("quarterly.expected_heading", lang, quarter=quarter_label(awaiting.quarter,
                                                                            lang)), id=heading),
        html.P(t("quarterly.expected_intro", lang, quarter=quarter)),
        html.P([html.A(t("quarterly.template_csv", lang), href=template_href("csv"),
                       className="button", id="quarterly-template-csv", download=""), " ",
                html.A(t("quarterly.template_xlsx", lang), href=template_href("xlsx"),
                       className="button", id="quarterly-template-xlsx", download="")],
               className="download"),
        html.P(t("quarterly.template_note", lang), className="table-note"),
    ], **{"aria-labelledby": heading})


def published_section(awaiting: Awaiting, lang: Lang) -> Component:
    quarter = quarter_name(awaiting.quarter.label, lang) if awaiting.quarter else ""
    headers = [t(f"quarterly.col_{c}", lang) for c in ("indicator", "published", "period",
                                                       "source", "status", "expected")]
    rows = [_row(r, awaiting.figures.get(r.indicator_id), quarter, lang) for r in awaiting.rows]
    return html.Section([
        html.H2(t("quarterly.published_heading", lang), id="quarterly-published"),
        table(t("quarterly.published_caption", lang, quarter=quarter), headers, rows),
    ], **{"aria-labelledby": "quarterly-published"})


def deliverables_state_section(awaiting: Awaiting, lang: Lang) -> Component:
    quarter = quarter_name(awaiting.quarter.label, lang) if awaiting.quarter else ""
    headers = [t("statutory.col_pillar", lang),
               *[t(f"statutory.state_{s}", lang) for s in DELIVERABLE_STATES],
               t("statutory.col_total", lang)]
    rows = []
    for pillar in awaiting.pillars:
        counts = awaiting.deliverables.get(pillar.pillar_id, {})
        rows.append([pick(pillar, "name", lang), *[counts.get(s, 0) for s in DELIVERABLE_STATES],
                     sum(counts.values())])
    return html.Section([
        html.H2(t("quarterly.deliverables_state_heading", lang), id="quarterly-deliverables"),
        table(t("quarterly.deliverables_state_caption", lang, quarter=quarter), headers, rows),
        html.P(dcc.Link(t("quarterly.deliverables_all", lang), href=href("/deliverables", lang))),
    ], **{"aria-labelledby": "quarterly-deliverables"})


def awaiting_body(awaiting: Awaiting, lang: Lang) -> list[Component]:
    return [html.P(t("quarterly.no_submission", lang), id="quarterly-message",
                   className="notice no-submission", role="status"),
            expected_section(awaiting, lang), published_section(awaiting, lang),
            deliverables_state_section(awaiting, lang)]
