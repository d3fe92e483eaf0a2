"""A deliverable's dated history and the indicators it should move, for the deliverables page:
one cell per deliverable, folded by default so the table stays scannable. Pure: rows from
``marts.milestone_status`` and ``marts.milestone_indicators`` in, a component out."""

from __future__ import annotations

from collections.abc import Sequence

from dash import dcc, html
from dash.development.base_component import Component

from dashboard.components.links import href
from pipelines.language.formatting import format_date
from pipelines.language.i18n import Lang, t
from pipelines.read.rows import MilestoneHistory, MilestoneLink


def _entry(row: MilestoneHistory, lang: Lang) -> Component:
    who = (t("milestone.history_reference", lang) if row.source == "reference"
           else t("milestone.history_by", lang, who=row.recorded_by,
                  source=t(f"milestone.source_{row.source}", lang)))
    parts: list[Component | str] = [
        html.Strong(format_date(row.as_of, lang)), " ", t(f"milestone.{row.status}", lang),
        " ", html.Span(f"({who})", className="history-who")]
    if row.due_date is not None:
        parts += [" ", t("milestone.history_due", lang, date=format_date(row.due_date, lang))]
    if row.note:
        parts += [html.Br(), html.Span(row.note, className="history-note")]
    if row.evidence_url:
        parts += [" ", html.A(t("milestone.history_evidence", lang), href=row.evidence_url,
                              rel="noopener noreferrer")]
    return html.Li(parts, className="history-latest" if row.is_latest else None)


def _links(links: Sequence[MilestoneLink], lang: Lang) -> list[Component]:
    if not links:
        return []
    items = [html.Li(dcc.Link(link.indicator_fr if lang == "fr" else link.indicator_en,
                              href=href(f"/indicator/{link.indicator_id}", lang)))
             for link in links]
    return [html.P(t("milestone.moves", lang), className="moves-label"),
            html.Ul(items, className="moves")]


def history_cell(history: Sequence[MilestoneHistory], links: Sequence[MilestoneLink],
                 lang: Lang) -> Component:
    """"History (n)" that opens on the dated statuses, newest first, then the indicators."""
    entries = [_entry(row, lang) for row in reversed(history)]
    return html.Details([
        html.Summary(t("milestone.history_summary", lang, count=len(history))),
        html.Ol(entries, className="milestone-history", reversed=True),
        *_links(links, lang),
    ], className="history")
