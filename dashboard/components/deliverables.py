"""Filter chips and the counts table of the deliverables page."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from dash import dcc, html
from dash.development.base_component import Component

from dashboard.components.links import href
from dashboard.components.milestones import STATUS_ICONS, status_badge
from dashboard.components.tables import scroll_table
from pipelines.language.i18n import Lang, t
from pipelines.vocabulary import MILESTONE_STATUSES

# (value or None for "all", label, count or None)
Option = tuple[str | None, str, int | None]
PATH = "/deliverables"


@dataclass(frozen=True)
class Filters:
    """The validated filters; ``ignored`` holds the values that were not on an allow-list."""

    pillar: str | None
    status: str | None
    ignored: tuple[str, ...] = ()

    def query(self) -> dict[str, object]:
        return {"pillar": self.pillar, "status": self.status}


def _allowed(value: object, allowed: Sequence[str]) -> tuple[str | None, str | None]:
    """(accepted value, rejected text). A repeated parameter arrives as a list: rejected."""
    if value is None or value == "":
        return None, None
    if isinstance(value, str) and value in allowed:
        return value, None
    return None, str(value)[:40]


def parse_filters(pillar: object, status: object, pillar_ids: Sequence[str]) -> Filters:
    chosen_pillar, bad_pillar = _allowed(pillar, pillar_ids)
    chosen_status, bad_status = _allowed(status, MILESTONE_STATUSES)
    ignored = tuple(v for v in (bad_pillar, bad_status) if v is not None)
    return Filters(chosen_pillar, chosen_status, ignored)


def _chip(name: str, option: Option, current: Mapping[str, object], lang: Lang) -> Component:
    value, label, count = option
    selected = current.get(name) == value
    text = label if count is None else t("deliverables.chip_count", lang, label=label, count=count)
    icon = STATUS_ICONS.get(value or "") if name == "status" else None
    children: list[Component | str] = []
    # The tick and the bold frame show the selection without relying on colour; dcc.Link
    # takes no aria-current, so the hidden "(selected)" says it to screen readers.
    if selected:
        children.append(html.Span("✓ ", className="chip-tick", **{"aria-hidden": "true"}))
    if icon:
        children.append(html.Span(f"{icon} ", className="status-icon", **{"aria-hidden": "true"}))
    children.append(text)
    if selected:
        children.append(
            html.Span(f" {t('deliverables.selected', lang)}", className="visually-hidden")
        )
    return html.Li(
        dcc.Link(
            children,
            href=href(PATH, lang, {**current, name: value}),
            className="chip chip-selected" if selected else "chip",
            id=f"deliverables-{name}-{value or 'all'}",
        )
    )


def filter_group(
    name: str, options: Sequence[Option], current: Mapping[str, object], lang: Lang
) -> Component:
    """A labelled group of links; each link is the page with this filter set to one value."""
    label_id = f"deliverables-filter-{name}"
    return html.Div(
        [
            html.H3(t(f"deliverables.filter_{name}", lang), id=label_id, className="filter-label"),
            html.Ul([_chip(name, o, current, lang) for o in options], className="chips"),
        ],
        role="group",
        className="filter-group",
        **{"aria-labelledby": label_id},
    )


def counts_table(counts: Mapping[str, int], scope: str, lang: Lang) -> Component:
    caption = t("deliverables.counts_caption", lang, scope=scope)
    rows = [
        html.Tr([html.Th(status_badge(status, lang), scope="row"), html.Td(str(n))])
        for status, n in counts.items()
    ]
    total = html.Tr(
        [
            html.Th(t("deliverables.counts_total", lang), scope="row"),
            html.Td(str(sum(counts.values()))),
        ],
        className="total-row",
    )
    head = html.Tr(
        [
            html.Th(t("deliverables.counts_status", lang), scope="col"),
            html.Th(t("deliverables.counts_number", lang), scope="col"),
        ]
    )
    return html.Section(
        [
            html.H2(t("deliverables.counts_heading", lang), id="deliverables-counts"),
            scroll_table(
                html.Table(
                    [html.Caption(caption), html.Thead(head), html.Tbody([*rows, total])],
                    className="data-table counts-table",
                ),
                caption,
            ),
        ],
        **{"aria-labelledby": "deliverables-counts"},
    )
