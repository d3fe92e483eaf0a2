"""Pieces of the pillar page: the expected result, the indicator table with its statuses and
the accountability note. Pure functions of their arguments."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from dash import dcc, html
from dash.development.base_component import Component

from dashboard.components.links import href
from dashboard.components.progress import status_badge
from dashboard.components.tables import scroll_table
from dashboard.text.status import marks, ratio_line, to_date_label, to_date_value
from pipelines.language.formatting import format_period, format_value
from pipelines.language.i18n import Lang, pick, t
from pipelines.read.rows import Figure, Indicator, Pillar, Progress


def outcome_section(pillar: Pillar, lang: Lang) -> Component:
    """The strategy's expected result; on the English page with its French source sentence."""
    children: list[Component] = [html.H2(t("pillar.outcome_heading", lang), id="pillar-outcome")]
    if lang == "en":
        children += [
            html.P(t("pillar.outcome_intro", lang)),
            html.P(pillar.outcome_en, className="pillar-outcome"),
            html.P(t("pillar.outcome_source", lang), className="quote-label"),
        ]
    else:
        children.append(html.P(t("pillar.outcome_intro", lang)))
    children += [
        html.Blockquote(pillar.locator, lang="fr", className="source-quote"),
        html.P(pick(pillar, "edition", lang), className="quote-source"),
    ]
    return html.Section(children, **{"aria-labelledby": "pillar-outcome"})


def accountability_note(lang: Lang) -> Component:
    """The strategy's own sentence on reported cases, prominent and in plain words."""
    children: list[Component] = [
        html.H2(t("accountability_note.heading", lang), id="pillar-reporting-note"),
        html.P(t("accountability_note.plain", lang)),
        html.P(t("accountability_note.says", lang)),
        html.Blockquote(
            [
                html.P(f"« {t('accountability_note.quote', lang)} »", lang="fr"),
                html.Footer(html.Cite(t("accountability_note.source", lang))),
            ],
            className="source-quote",
        ),
    ]
    if lang == "en":
        children += [
            html.P(t("accountability_note.translation_label", lang), className="quote-label"),
            html.P(t("accountability_note.translation", lang), className="translation"),
        ]
    return html.Section(
        children,
        className="reporting-note prominent",
        **{"aria-labelledby": "pillar-reporting-note"},
    )


@dataclass(frozen=True)
class PillarRow:
    """One indicator of a pillar: its progress row (None outside the status rule) and its
    latest published or submitted figure (None when nothing is published)."""

    indicator: Indicator
    progress: Progress | None
    figure: Figure | None


def status_cell(row: PillarRow, lang: Lang) -> Component:
    """Words and shape, never a colour: the status and the numbers behind it."""
    if row.progress is None:
        return html.Td(t("progress.reason_context", lang), className="status-neutral")
    line = ratio_line(row.progress, lang)
    return html.Td([status_badge(row.progress, lang), html.P(line) if line else None],
                   className=f"status-{row.progress.status}")


def _figure_cells(figure: Figure | None, lang: Lang) -> list[Component]:
    if figure is None:
        return [html.Td(t("pillar.no_value", lang)), html.Td(t("pillar.no_source", lang)),
                html.Td(t("pillar.no_source", lang))]
    value = format_value(figure.value, figure.unit_kind, figure.qualifier, lang)
    unit = "" if figure.unit_kind in {"money", "percent"} else pick(figure, "unit", lang)
    period = format_period(figure.period_start, figure.period_end, figure.period_basis, lang)
    source = pick(figure, "edition", lang) or figure.publisher_en or ""
    return [html.Td([html.Span(value, className="table-number"), f" {unit}".rstrip()]),
            html.Td(period), html.Td(source)]


def _value_cells(row: PillarRow, lang: Lang) -> list[Component]:
    """The figure to date when the strategy period has one, else the latest published."""
    progress = row.progress
    if progress is None or progress.value_to_date is None:
        return _figure_cells(row.figure, lang)
    demo = progress.value_to_date_status == "demo"
    unit = "" if progress.unit_kind in {"money", "percent"} else pick(progress, "unit", lang)
    return [html.Td([html.Span(to_date_value(progress, lang), className="table-number"),
                     f" {unit}".rstrip()], **marks(progress)),
            html.Td(to_date_label(progress, lang)),
            html.Td(t("chart.submissions_demo" if demo else "chart.submissions", lang))]


def _indicator_row(row: PillarRow, lang: Lang) -> Component:
    info = row.indicator
    link = dcc.Link(pick(info, "name", lang), href=href(f"/indicator/{info.indicator_id}", lang))
    return html.Tr([html.Th(link, scope="row"), *_value_cells(row, lang),
                    status_cell(row, lang)], id=f"pillar-indicator-{info.indicator_id}")


def indicator_table(rows: Sequence[PillarRow], lang: Lang, pillar_name: str) -> Component:
    columns = ["col_indicator", "col_value", "col_period", "col_source", "col_status"]
    caption = t("pillar.indicators_caption", lang, pillar=pillar_name)
    return scroll_table(
        html.Table([html.Caption(caption),
                    html.Thead(html.Tr([html.Th(t(f"pillar.{key}", lang), scope="col")
                                        for key in columns])),
                    html.Tbody([_indicator_row(row, lang) for row in rows])],
                   className="data-table indicator-table"),
        caption)
