"""Pieces of the quarterly review page: the quarter picker, the export box and one section per
pillar. Pure: a review and a language in, components out. The words come from
:mod:`dashboard.text.review`, shared with the briefing."""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import urlencode

from dash import dcc, html
from dash.development.base_component import Component

from dashboard.components.statutory import table
from dashboard.components.tables import scroll_table
from dashboard.figures.quarter_bars import svg_data_uri
from dashboard.text import review as rt
from dashboard.text.summary import MISSING, REVISIONS, ROW
from pipelines.language.i18n import Lang, pick, t
from pipelines.periods import FiscalQuarter
from pipelines.read.review import IndicatorReview, PillarReview, QuarterReview

PATH = "/review/quarterly"
BRIEFING_PATH = "/review/quarterly/briefing.html"


def quarter_picker(quarters: Sequence[FiscalQuarter], chosen: FiscalQuarter | None,
                   lang: Lang) -> Component:
    """A GET form: the quarter lives in the URL, works without script and with a keyboard."""
    options = [html.Option(rt.quarter_label(q, lang), value=q.label,
                           selected=q == chosen) for q in quarters]
    return html.Form([
        dcc.Input(type="hidden", name="lang", value=lang, id="quarterly-lang"),
        html.Div([html.Label(t("quarterly.picker_label", lang), htmlFor="quarterly-quarter"),
                  html.Select(options, id="quarterly-quarter", name="quarter")],
                 className="form-field"),
        html.Button(t("quarterly.picker_submit", lang), type="submit", className="button",
                    id="quarterly-show"),
    ], method="get", action=PATH, className="filter-form quarterly-picker",
        **{"aria-label": t("quarterly.picker_heading", lang)})


def briefing_href(quarter: FiscalQuarter, lang: Lang, fmt: str = "html") -> str:
    query = urlencode({"quarter": quarter.label, "lang": lang})
    return f"/review/quarterly/briefing.{fmt}?{query}"


def revisions_href(quarter: FiscalQuarter, lang: Lang) -> str:
    return f"/review/quarterly/revisions.csv?{urlencode({'quarter': quarter.label, 'lang': lang})}"


def export_box(quarter: FiscalQuarter, lang: Lang) -> Component:
    return html.Section([
        html.H2(t("quarterly.export_heading", lang), id="quarterly-export"),
        html.P([*[part for suffix, fmt in (("", "html"), ("_pdf", "pdf"), ("_docx", "docx"))
                  for part in (html.A(t(f"quarterly.download{suffix}", lang),
                                      href=briefing_href(quarter, lang, fmt),
                                      download=f"briefing-{quarter.label}-{lang}.{fmt}",
                                      id=f"quarterly-download{suffix.replace('_', '-')}",
                                      className="button"), " ")],
                t("quarterly.download_note", lang)]),
        html.P([html.Button(t("quarterly.print", lang), id="quarterly-print", type="button",
                            className="button"), " ", t("quarterly.print_note", lang)]),
    ], className="export-box download", **{"aria-labelledby": "quarterly-export"})


def demo_label(review: QuarterReview, lang: Lang) -> Component | None:
    return (html.P(t("quarterly.demo_label", lang), className="demo-label")
            if review.has_demo else None)


def _chart(item: IndicatorReview, lang: Lang) -> Component:
    name = rt.indicator_name(item, lang)
    svg, alt = rt.chart(item, lang)
    return html.Figure([html.Img(src=svg_data_uri(svg), alt=alt, className="quarter-bars"),
                        html.Figcaption(t("quarterly.chart_caption", lang, indicator=name))],
                       className="chart-figure")


def summary_table(caption: str, headers: list[str], rows: list[list[rt.Cell]],
                  row_ids: list[str] | None = None) -> Component:
    """The review table: each status and figure-to-date cell carries its data attributes;
    ``row_ids`` are the anchors the summary links to."""
    ids = row_ids or [""] * len(rows)
    body = [html.Tr([html.Th(cells[0].text, scope="row"),
                     *[html.Td(c.text, **c.marks) for c in cells[1:]]],
                    **({"id": row_id} if row_id else {}))
            for cells, row_id in zip(rows, ids, strict=True)]
    return scroll_table(
        html.Table([html.Caption(caption),
                    html.Thead(html.Tr([html.Th(h, scope="col") for h in headers])),
                    html.Tbody(body)], className="data-table"),
        caption)


def pillar_section(pillar: PillarReview, review: QuarterReview, lang: Lang) -> Component:
    name = pick(pillar.pillar, "name", lang)
    heading_id = f"quarterly-pillar-{pillar.pillar.pillar_id}"
    caption = t("quarterly.summary_caption", lang, pillar=name,
                quarter=rt.quarter_name(review.quarter.label, lang))
    rows = [rt.summary_row(i, lang, review.strategy_start) for i in pillar.indicators]
    ids = [ROW.format(i.row.indicator_id) for i in pillar.indicators]
    return html.Section([
        html.H2(name, id=heading_id), demo_label(review, lang),
        summary_table(caption, rt.summary_headers(review.quarter, lang), rows, ids),
        *[_chart(i, lang) for i in pillar.indicators],
    ], className="quarterly-pillar", **{"aria-labelledby": heading_id})


def changes_section(review: QuarterReview, geographies: dict[str, str], lang: Lang) -> Component:
    rows = rt.revision_rows(review, geographies, lang)
    counts = rt.revision_counts(review, lang)
    missing = rt.missing_items(review, lang)
    revisions: list[Component] = (
        [table(t("quarterly.revisions_provincial_caption", lang), rt.revision_headers(lang),
               rows) if rows else html.P(t("quarterly.no_provincial_revisions", lang)),
         table(t("quarterly.revision_counts_caption", lang), rt.revision_count_headers(lang),
               counts),
         html.P(html.A(t("quarterly.revisions_download", lang),
                       href=revisions_href(review.quarter, lang), id="quarterly-revisions-csv"),
                className="download")]
        if counts else [html.P(t("quarterly.no_revisions", lang))])
    return html.Section([
        demo_label(review, lang),
        html.H2(t("quarterly.revisions_heading", lang), id=REVISIONS),
        html.P(rt.last_review_text(review.last_review, lang)),
        *revisions,
        html.H2(t("quarterly.missing_heading", lang), id=MISSING),
        *([html.P(t("quarterly.missing_intro", lang)), html.Ul([html.Li(m) for m in missing])]
          if missing else [html.P(t("quarterly.none_missing_all", lang))]),
    ], className="quarterly-changes", **{"aria-labelledby": REVISIONS})


def rules_section(lang: Lang) -> Component:
    return html.Section([
        html.H2(t("quarterly.rules_heading", lang), id="quarterly-rules"),
        html.Ul([html.Li(t(f"quarterly.rule_{k}", lang)) for k in ("values", "ytd", "status")]),
    ], **{"aria-labelledby": "quarterly-rules"})
