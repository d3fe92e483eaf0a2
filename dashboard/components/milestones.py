"""Milestone (commitment) statuses and tables, shared by the pillar and deliverables pages."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Final

from dash import dcc, html
from dash.development.base_component import Component

from dashboard.components.links import href
from dashboard.components.tables import scroll_table
from pipelines.language.formatting import format_date
from pipelines.language.i18n import Lang, t
from pipelines.read.rows import Milestone, MilestoneLink
from pipelines.vocabulary import MILESTONE_STATUSES

# A distinct shape per status, so the status reads without colour (and in print). The word
# always sits next to the shape; the shape itself is hidden from screen readers.
STATUS_ICONS: Final[dict[str, str]] = {
    "not_reported": "○",
    "planned": "◇",
    "in_progress": "◐",
    "done": "✔",
    "at_risk": "▲",
}
assert set(STATUS_ICONS) == set(MILESTONE_STATUSES)


def status_badge(status: str, lang: Lang) -> Component:
    return html.Span(
        [
            html.Span(
                STATUS_ICONS.get(status, "?"), className="status-icon", **{"aria-hidden": "true"}
            ),
            " ",
            t(f"milestone.{status}", lang),
        ],
        className=f"status-badge status-{status}",
    )


def _text(milestone: Milestone, lang: Lang) -> Component:
    return html.Span(milestone.text_fr if lang == "fr" else milestone.text_en)


def _row(milestone: Milestone, lang: Lang, extra: Component | None = None) -> Component:
    date = (
        format_date(milestone.status_date, lang)
        if milestone.status_date
        else t("milestone.no_date", lang)
    )
    return html.Tr(
        [
            html.Th(_text(milestone, lang), scope="row", className="commitment"),
            html.Td(status_badge(milestone.status, lang)),
            html.Td(date),
            html.Td(t(f"milestone.{milestone.kind}", lang)),
            html.Td(milestone.note or t("milestone.no_note", lang)),
            *([html.Td(extra)] if extra is not None else []),
        ],
        id=f"milestone-{milestone.milestone_id}",
    )


def milestone_table(milestones: Sequence[Milestone], lang: Lang, caption: str,
                    extra: Mapping[str, Component] | None = None) -> Component:
    """The deliverables table; ``extra`` adds a last column (the deliverables page puts each
    one's history there), keyed by milestone id."""
    # Status right after the commitment: on a phone it is the column seen without scrolling.
    headers = ["col_commitment", "col_status", "col_date", "col_kind", "col_note"]
    if extra is not None:
        headers.append("col_history")
    return scroll_table(
        html.Table(
            [
                html.Caption(caption),
                html.Thead(
                    html.Tr([html.Th(t(f"milestone.{key}", lang), scope="col") for key in headers])
                ),
                html.Tbody([_row(m, lang, extra.get(m.milestone_id) if extra is not None
                                 else None) for m in milestones]),
            ],
            className="data-table milestone-table",
        ),
        caption,
    )


def none_reported_notice(counts: dict[str, int], lang: Lang) -> Component | None:
    """Said plainly when nothing at all has been reported: every status is ``not_reported``."""
    total = sum(counts.values())
    if total == 0 or counts.get("not_reported", 0) != total:
        return None
    return html.P(t("milestone.none_reported", lang, count=total), className="notice none-reported")


def indicator_deliverables(links: Sequence[MilestoneLink], lang: Lang) -> Component:
    """The deliverables that should move one indicator (marts.milestone_indicators), each
    with its latest status and why it is linked, for the indicator page."""
    heading = "indicator-deliverables"
    items = [html.Li([
        dcc.Link(link.text_fr if lang == "fr" else link.text_en,
                 href=href("/deliverables", lang, {"pillar": link.pillar_id})
                 + f"#milestone-{link.milestone_id}"),
        " ", html.Span([html.Span(STATUS_ICONS.get(link.status, "?"), className="status-icon",
                                  **{"aria-hidden": "true"}), " ",
                        t(f"milestone.{link.status}", lang)], className="milestone-status"),
        html.Br(),
        html.Span([t(f"milestone.link_{link.basis}", lang), " ",
                   link.rationale_fr if lang == "fr" else link.rationale_en],
                  className="rationale"),
    ]) for link in links]
    body: Component = (html.Ul(items, className="indicator-deliverables") if items
                       else html.P(t("milestone.no_links", lang)))
    return html.Section([html.H2(t("milestone.links_heading", lang), id=heading), body],
                        **{"aria-labelledby": heading})
