"""Pure builders for the statutory review: the verdict table of each pillar, its deliverables
by state, the two strategies' funding, and the context series as a chart with the table behind
it. Rows from :mod:`pipelines.read.statutory` in, components out; the words come from
:mod:`dashboard.text.verdict`, shared with the statutory briefing."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from dash import html
from dash.development.base_component import Component

from dashboard.components.tables import scroll_table
from dashboard.text import verdict as vt
from dashboard.text.review import Cell
from pipelines.language.formatting import format_period, format_value, quarter_name
from pipelines.language.i18n import Lang, pick, t
from pipelines.read.rows import SeriesValue, Strategy
from pipelines.read.statutory import (
    CONTEXT_INDICATORS,
    DECADE_START,
    PillarVerdict,
    StatutoryReview,
)
from pipelines.release.export import Filters
from pipelines.vocabulary import DELIVERABLE_STATES

STATES = DELIVERABLE_STATES


def context_filters() -> Filters:
    """The rows the context charts draw, and their download links carry."""
    return Filters(indicator=CONTEXT_INDICATORS, date_from=DECADE_START)


def table(caption: str, headers: Sequence[str], rows: Iterable[Sequence[object]],
          class_name: str = "data-table") -> Component:
    """An accessible table: caption, column headers, the first cell of each row a row
    header; wrapped so it scrolls on a narrow screen and expands in print."""
    body = [html.Tr([html.Th(str(cells[0]), scope="row"), *[html.Td(c) for c in cells[1:]]])
            for cells in rows]
    return scroll_table(
        html.Table([html.Caption(caption),
                    html.Thead(html.Tr([html.Th(h, scope="col") for h in headers])),
                    html.Tbody(body)], className=class_name),
        caption)


def _td(cell: Cell) -> Component:
    return html.Td(cell.text, **cell.marks)


def cell_table(caption: str, headers: Sequence[str], rows: Sequence[Sequence[Cell]],
               row_ids: Sequence[str] | None = None) -> Component:
    """Like :func:`table`, for rows of :class:`Cell`: a status or figure-to-date cell carries
    its data attributes."""
    ids = list(row_ids or [""] * len(rows))
    body = [html.Tr([html.Th(r[0].text, scope="row"), *[_td(c) for c in r[1:]]],
                    **({"id": i} if i else {})) for r, i in zip(rows, ids, strict=True)]
    return scroll_table(
        html.Table([html.Caption(caption),
                    html.Thead(html.Tr([html.Th(h, scope="col") for h in headers])),
                    html.Tbody(body)], className="data-table verdict-table"),
        caption)


def pillar_name(pillar: PillarVerdict, lang: Lang) -> str:
    return pick(pillar.pillar, "name", lang) if pillar.pillar else t("statutory.group_other",
                                                                      lang)


def pillar_id(pillar: PillarVerdict) -> str:
    return f"statutory-pillar-{pillar.pillar.pillar_id if pillar.pillar else 'other'}"


def deliverables_row(pillar: PillarVerdict, lang: Lang) -> list[list[object]]:
    counts = pillar.deliverables
    return [[t("statutory.col_deliverables", lang), *[counts.get(s, 0) for s in STATES],
             sum(counts.values())]]


def verdict_badge(pillar: PillarVerdict, lang: Lang) -> Component | None:
    """The pillar's verdict (``marts.pillar_verdicts``) with its data attributes, and what it
    rests on; None for the indicators of no pillar."""
    verdict = pillar.verdict
    if verdict is None:
        return None
    return html.Div([
        html.P([html.Span(t("verdict.label", lang) + " : " if lang == "fr"
                          else t("verdict.label", lang) + ": ", className="verdict-label"),
                html.Strong(vt.verdict_words(verdict, lang), className="verdict-words",
                            **vt.verdict_marks(verdict))],
               className=f"verdict verdict-{verdict.verdict.replace('_', '-')}"),
        html.P(vt.verdict_basis(verdict, lang), className="verdict-basis"),
    ], className="verdict-box")


def verdict_legend(lang: Lang) -> Component:
    """The Closing-the-Gap-style legend: each verdict in words, never colour alone."""
    items = [html.Li([html.Strong(t(f"verdict.{v}", lang)), " — ",
                      t(f"verdict.legend_{v}", lang)], className=f"verdict-{v}")
             for v in ("on_track", "not_on_track", "no_change", "worsening", "not_assessable")]
    return html.Div([html.H3(t("verdict.legend_heading", lang), id="statutory-legend"),
                     html.Ul(items), html.P(t("verdict.legend_reported", lang)),
                     html.P(t("rate.note", lang))],
                    className="verdict-legend", **{"aria-labelledby": "statutory-legend"})


def summary_section(review: StatutoryReview, lang: Lang) -> Component:
    """The verdicts in one place: each pillar's verdict and what it rests on, the target's
    line and what needs attention (the briefing's first page says the same)."""
    rows = [html.Tr([html.Th(vt.pillar_name(p, lang), scope="row"),
                     html.Td(vt.verdict_words(p.verdict, lang), **vt.verdict_marks(p.verdict)),
                     html.Td(vt.verdict_basis(p.verdict, lang))])
            for p in review.pillars if p.verdict is not None]
    if not rows:
        return html.P(t("verdict.not_in_snapshot", lang), className="table-note")
    target = vt.target_line(review, lang)
    attention = vt.attention(review, lang) or [t("verdict.attention_none", lang)]
    headers = [t(f"verdict.col_{c}", lang) for c in ("pillar", "verdict", "basis")]
    caption = t("verdict.summary_heading", lang)
    return html.Div([
        scroll_table(html.Table([
            html.Caption(caption),
            html.Thead(html.Tr([html.Th(h, scope="col") for h in headers])),
            html.Tbody(rows)], className="data-table verdict-summary"), caption),
        *([html.P(target, className="target-line")] if target else []),
        html.H3(t("verdict.attention_heading", lang), id="statutory-attention"),
        html.Ul([html.Li(line) for line in attention]),
    ], className="verdict-summary-box")


def pillar_block(pillar: PillarVerdict, review: StatutoryReview, lang: Lang) -> Component:
    name, heading = pillar_name(pillar, lang), pillar_id(pillar)
    rows = [vt.indicator_cells(r, lang) for r in pillar.rows]
    ids = [f"statutory-row-{r.indicator.indicator_id}" for r in pillar.rows]
    badge = verdict_badge(pillar, lang)
    children: list[Component] = [
        html.H3(name, id=heading),
        *([badge] if badge is not None else []),
        cell_table(t("statutory.verdict_caption", lang, name=name), vt.headers(review, lang),
                   rows, ids)]
    if pillar.pillar is not None:
        quarter = quarter_name(review.as_of_quarter or "", lang)
        headers = ["", *[t(f"statutory.state_{s}", lang) for s in STATES],
                   t("statutory.col_total", lang)]
        children.append(table(t("statutory.deliverables_caption_pillar", lang, name=name,
                                quarter=quarter), headers, deliverables_row(pillar, lang),
                              class_name="data-table counts-table"))
    return html.Div(children, className="verdict-pillar", **{"aria-labelledby": heading})


def funding_rows(strategies: Sequence[Strategy], funding: Sequence[SeriesValue],
                 lang: Lang) -> list[list[object]]:
    """Each strategy with the funding published for exactly its period."""
    rows: list[list[object]] = []
    for strategy in strategies:
        match = next((f for f in funding if f.period_start == strategy.period_start
                      and f.period_end == strategy.period_end), None)
        amount = (format_value(match.value, "money", match.qualifier, lang) if match
                  else t("statutory.not_published", lang))
        source = (match.edition_fr if lang == "fr" else match.edition_en) if match else ""
        rows.append([pick(strategy, "name", lang),
                     format_period(strategy.period_start, strategy.period_end, "stated", lang),
                     amount, source or ""])
    return rows
