"""The top of the quarterly review: the summary block ("what needs our attention this
quarter?") and the deliverables that changed during the quarter. Pure: a review and a
language in, components out; the words come from :mod:`dashboard.text.summary`, shared with
the briefing, and every line links to the section it sums up."""

from __future__ import annotations

from dash import dcc, html
from dash.development.base_component import Component

from dashboard.components.links import href
from dashboard.components.milestones import status_badge
from dashboard.components.progress import ICONS
from dashboard.text import summary as st
from pipelines.language.formatting import format_date, quarter_name
from pipelines.language.i18n import Lang, pick, t
from pipelines.read.review import QuarterReview
from pipelines.read.rows import MilestoneQuarter


def _link(text: str, anchor: str | None, marks: dict[str, str] | None = None,
          full: str | None = None) -> Component:
    # A shortened name keeps its full text as a tooltip and for screen readers.
    extra = {"title": full, "aria-label": full} if full else {}
    if anchor is None:
        return html.Span(text, **(marks or {}), **extra)
    return html.A(text, href=f"#{anchor}", **(marks or {}), **extra)


def _count(count: st.StatusCount, lang: Lang) -> Component:
    words = [html.Span(ICONS[count.icon_key], className="status-icon",
                       **{"aria-hidden": "true"}),
             " ", count.words, " ", html.Strong(str(count.count), className="count")]
    # The rows behind the count, one click away and without script (a closed <details>), so
    # the glance stays within the first screen.
    rows = ([html.Details([html.Summary(t("summary.count_rows", lang)),
                           html.Ul([html.Li(_link(r.text, r.anchor)) for r in count.rows],
                                   className="count-rows")])] if count.rows else [])
    return html.Li([_link_children(words, count.anchor), *rows],
                   className=f"count-{count.status}",
                   **{"data-status": count.progress_status, "data-group": count.status,
                      "data-count": str(count.count)})


def _link_children(children: list[Component | str], anchor: str | None) -> Component:
    return html.A(children, href=f"#{anchor}") if anchor else html.Span(children)


def _line(line: st.Line) -> list[Component]:
    label = _link(line.label, line.anchor)
    items: list[Component | str] = []
    for index, item in enumerate(line.items):
        items += (["; "] if index else []) + [_link(item.text, item.anchor, item.marks,
                                                      item.full)]
    return [html.Dt(label), html.Dd(items or line.none)]


def summary_block(review: QuarterReview, lang: Lang) -> Component:
    heading = f"{st.SUMMARY}-heading"
    counts = st.status_counts(review, lang)
    return html.Section([
        html.H2(t("summary.heading", lang), id=heading),
        html.P(t("summary.statuses", lang, quarter=quarter_name(review.quarter.label, lang)),
               className="summary-caption", id=f"{st.SUMMARY}-statuses"),
        html.Ul([_count(c, lang) for c in counts], className="status-counts",
                **{"aria-labelledby": f"{st.SUMMARY}-statuses"}),
        html.Dl([part for line in st.lines(review, lang) for part in _line(line)],
                className="summary-lines"),
    ], id=st.SUMMARY, className="quarterly-summary", **{"aria-labelledby": heading})


def target_line(review: QuarterReview, lang: Lang) -> Component | None:
    """The one target's line under the glance: achieved of the target, expected by now."""
    text = st.target_line(review, lang)
    return html.P(text, className="target-line", id="quarterly-target") if text else None


def _change(change: MilestoneQuarter, lang: Lang) -> Component:
    what = (t("quarterly.deliverable_overdue", lang,
              due=format_date(change.due_date, lang))
            if change.fell_overdue and change.due_date is not None else
            t("quarterly.deliverable_changed", lang,
              before=t(f"milestone.{change.status_previous}", lang)))
    note = [html.Br(), html.Span(change.note, className="note")] if change.note else []
    return html.Li([
        html.Span(pick(change, "text", lang), className="commitment"), " ",
        status_badge(change.status, lang), " ",
        html.Span(t("quarterly.deliverable_as_of", lang,
                    date=format_date(change.status_as_of, lang), who=change.recorded_by)),
        " ", html.Span(what), *note,
    ], id=f"{st.DELIVERABLES}-{change.milestone_id}")


def _items(items: tuple[st.Item, ...], empty: str) -> Component:
    if not items:
        return html.P(empty)
    return html.Ul([html.Li(_link(i.text, i.anchor, i.marks, i.full)) for i in items])


def changes_since_section(review: QuarterReview, lang: Lang) -> Component:
    """Every figure that moved since the last review (old → new, new quarter or revision),
    and what is new since the last release: the indicators and deliverables with new data."""
    heading = "quarterly-changes-heading"
    return html.Section([
        html.H2(t("summary.changes_heading", lang), id=heading),
        html.H3(t("summary.moved", lang), id=st.MOVED),
        _items(st.moved_items(review, lang), t("summary.moved_none", lang)),
        html.P(t("summary.moved_note", lang), className="table-note"),
        html.H3(t("summary.new_data", lang), id=st.NEW),
        _items(st.new_items(review, lang), t("summary.new_none", lang)),
    ], className="quarterly-changes-since", **{"aria-labelledby": heading})


def deliverables_section(review: QuarterReview, lang: Lang) -> Component:
    quarter = quarter_name(review.quarter.label, lang)
    changes = review.deliverable_changes
    body: Component = (html.Ul([_change(c, lang) for c in changes], className="changes")
                       if changes else html.P(t("quarterly.deliverables_none", lang,
                                                quarter=quarter)))
    return html.Section([
        html.H2(t("quarterly.deliverables_heading", lang, quarter=quarter), id=st.DELIVERABLES),
        body,
        html.P(dcc.Link(t("quarterly.deliverables_all", lang), href=href("/deliverables", lang))),
    ], className="quarterly-deliverables", **{"aria-labelledby": st.DELIVERABLES})
