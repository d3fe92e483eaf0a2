"""Pieces of the pillar page: the expected result, the indicator table with its statuses and
the accountability note. Pure functions of their arguments."""

from __future__ import annotations

from collections.abc import Sequence

from dash import dcc, html
from dash.development.base_component import Component

from dashboard.components.links import href
from dashboard.components.tables import scroll_table
from dashboard.strategy_queries import PillarIndicator
from dashboard.text.formatting import format_date, format_number, format_period, format_value
from dashboard.text.i18n import Lang, t
from pipelines.marts.status_rule import ProgressResult


def outcome_section(pillar: dict[str, object], lang: Lang) -> Component:
    """The strategy's expected result; on the English page with its French source sentence."""
    children: list[Component] = [html.H2(t("pillar.outcome_heading", lang), id="pillar-outcome")]
    if lang == "en":
        children += [
            html.P(t("pillar.outcome_intro", lang)),
            html.P(str(pillar["outcome_en"]), className="pillar-outcome"),
            html.P(t("pillar.outcome_source", lang), className="quote-label"),
        ]
    else:
        children.append(html.P(t("pillar.outcome_intro", lang)))
    children += [
        html.Blockquote(str(pillar["locator"]), lang="fr", className="source-quote"),
        html.P(str(pillar[f"edition_{lang}"] or ""), className="quote-source"),
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


def _ratio(value: float, lang: Lang) -> str:
    return format_number(round(value, 2), lang, decimals=2)


def _progress_numbers(result: ProgressResult, lang: Lang) -> list[Component]:
    parts: list[Component] = []
    if result.target is not None and result.period_end is not None:
        target = format_number(result.target, lang)
        end = format_date(result.period_end, lang)
        parts.append(html.P(t("pillar_status.target", lang, value=target, end=end)))
    if result.ratio is not None and result.expected_to_date is not None and result.as_of:
        numbers = t(
            "pillar_status.numbers",
            lang,
            achieved=format_number(result.achieved or 0, lang),
            as_of=format_date(result.as_of, lang),
            expected=format_number(round(result.expected_to_date), lang),
            ratio=_ratio(result.ratio, lang),
        )
        parts.append(html.P(numbers))
    return parts


def status_cell(indicator: PillarIndicator, result: ProgressResult, lang: Lang) -> Component:
    """Words only, never a colour: reported activity gets the neutral note, context none."""
    if indicator.interpretation == "reported_activity":
        return html.Td(
            html.P(t("pillar_status.reported_activity", lang)), className="status-neutral"
        )
    if indicator.interpretation == "context":
        return html.Td(t("pillar_status.context", lang), className="status-neutral")
    key = result.status if result.status != "not_assessed" else (result.reason or "no_target")
    label = html.P(html.Strong(t(f"pillar_status.{key}", lang)))
    return html.Td([label, *_progress_numbers(result, lang)], className=f"status-{key}")


def _value_cells(indicator: PillarIndicator, lang: Lang) -> list[Component]:
    figure = indicator.figure
    if figure is None:
        return [
            html.Td(t("pillar.no_value", lang)),
            html.Td(t("pillar.no_source", lang)),
            html.Td(t("pillar.no_source", lang)),
        ]
    value = format_value(figure.value, figure.unit_kind, figure.qualifier, lang)
    unit = "" if figure.unit_kind in {"money", "percent"} else str(getattr(figure, f"unit_{lang}"))
    period = format_period(figure.period_start, figure.period_end, figure.period_basis, lang)
    # The edition label names the source in the page's language; the publisher is stored in
    # English only, so it would leave English words on the French page.
    source = getattr(figure, f"edition_{lang}") or figure.edition_en or figure.publisher or ""
    return [
        html.Td([html.Span(value, className="table-number"), f" {unit}".rstrip()]),
        html.Td(period),
        html.Td(source),
    ]


def _indicator_row(indicator: PillarIndicator, result: ProgressResult, lang: Lang) -> Component:
    name = indicator.name_fr if lang == "fr" else indicator.name_en
    link = dcc.Link(name, href=href(f"/indicator/{indicator.indicator_id}", lang))
    return html.Tr(
        [
            html.Th(link, scope="row"),
            *_value_cells(indicator, lang),
            status_cell(indicator, result, lang),
        ],
        id=f"pillar-indicator-{indicator.indicator_id}",
    )


def indicator_table(
    rows: Sequence[tuple[PillarIndicator, ProgressResult]], lang: Lang, pillar_name: str
) -> Component:
    columns = ["col_indicator", "col_value", "col_period", "col_source", "col_status"]
    caption = t("pillar.indicators_caption", lang, pillar=pillar_name)
    return scroll_table(
        html.Table(
            [
                html.Caption(caption),
                html.Thead(
                    html.Tr([html.Th(t(f"pillar.{key}", lang), scope="col") for key in columns])
                ),
                html.Tbody([_indicator_row(ind, res, lang) for ind, res in rows]),
            ],
            className="data-table indicator-table",
        ),
        caption,
    )
