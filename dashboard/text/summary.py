"""The quarterly summary in words: "what needs our attention this quarter?" One place that
turns a :class:`~pipelines.read.review.QuarterReview` into the lines both the page and the
briefing show at their top, each with the anchor of the section it summarises. Every count
and status is read (``marts.progress``, ``marts.milestone_quarters``); nothing is decided here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Final

from babel import Locale

from dashboard.text.status import marks, status_words
from pipelines.language.formatting import LOCALES, format_date, quarter_name
from pipelines.language.i18n import Lang, pick, t
from pipelines.read.review import QuarterReview
from pipelines.read.rows import MilestoneQuarter, Progress
from pipelines.vocabulary import PROGRESS_STATUSES

# Anchors shared by the page and the briefing, so a summary line links to the same section.
ROW: Final = "quarterly-row-{}"
REVISIONS: Final = "quarterly-revisions"
MISSING: Final = "quarterly-missing"
DELIVERABLES: Final = "quarterly-deliverables"
SUMMARY: Final = "quarterly-summary"
MAX_ITEMS: Final = 3


@dataclass(frozen=True)
class Item:
    """One linked piece of a line: its words, the anchor it links to, its data attributes."""

    text: str
    anchor: str | None = None
    marks: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Line:
    label: str
    anchor: str | None  # the section the line sums up; None: each item links on its own
    items: tuple[Item, ...]  # empty: ``none`` is said instead
    none: str


@dataclass(frozen=True)
class StatusCount:
    status: str
    words: str
    count: int
    anchor: str | None  # the first indicator row with that status; None when zero


def plural(key: str, count: int, lang: Lang) -> str:
    """``key_one`` or ``key_other`` by the language's plural rule (French: 0 and 1 are one)."""
    form = Locale.parse(LOCALES[lang]).plural_form(count)
    return t(f"{key}_{'one' if form == 'one' else 'other'}", lang, count=count)


def status_counts(review: QuarterReview, lang: Lang) -> list[StatusCount]:
    first = {}
    for item in reversed(review.indicators):
        first[item.row.status] = ROW.format(item.row.indicator_id)
    return [StatusCount(s, t(f"status.{s}", lang), review.status_counts.get(s, 0),
                        first.get(s) if review.status_counts.get(s) else None)
            for s in PROGRESS_STATUSES]


def _changed(row: Progress, lang: Lang) -> Item:
    before = t(f"status.{row.status_previous}", lang)
    text = t("summary.changed_item", lang, indicator=pick(row, "name", lang), before=before,
             now=status_words(row, lang))
    return Item(text, ROW.format(row.indicator_id), marks(row))


def _missing(review: QuarterReview, lang: Lang) -> tuple[Item, ...]:
    label = review.quarter.label
    quarter = quarter_name(label, lang)
    now = [pick(i.row, "name", lang) for i in review.indicators if label in i.missing]
    earlier = sum(1 for i in review.indicators for q in i.missing if q != label)
    if not now and not earlier:
        return ()
    first = (t("summary.missing_now", lang, quarter=quarter, indicators=", ".join(now)) if now
             else t("summary.missing_now_none", lang, quarter=quarter))
    rest = (Item(plural("summary.missing_earlier", earlier, lang), MISSING),) if earlier else ()
    return (Item(first, MISSING), *rest)


def _capped(items: tuple[Item, ...], lang: Lang) -> tuple[Item, ...]:
    """At most :data:`MAX_ITEMS` per line, so the block stays within the first screen; the
    last one says how many more and links to the first of them."""
    if len(items) <= MAX_ITEMS:
        return items
    more = Item(t("summary.more", lang, count=len(items) - MAX_ITEMS + 1),
                items[MAX_ITEMS - 1].anchor)
    return (*items[:MAX_ITEMS - 1], more)


def _deliverable(change: MilestoneQuarter, lang: Lang) -> Item:
    text = pick(change, "text", lang)
    short = text if len(text) <= 70 else text[:67].rstrip() + "…"
    now = t(f"milestone.{change.status}", lang)
    anchor = f"{DELIVERABLES}-{change.milestone_id}"
    if not change.status_changed and change.due_date is not None:
        return Item(t("summary.overdue_item", lang, deliverable=short, now=now,
                      due=format_date(change.due_date, lang)), anchor)
    return Item(t("summary.deliverable_item", lang, deliverable=short, now=now,
                  before=t(f"milestone.{change.status_previous}", lang),
                  date=format_date(change.status_as_of, lang)), anchor)


def lines(review: QuarterReview, lang: Lang) -> list[Line]:
    previous = quarter_name(review.quarter.previous().label, lang)
    quarter = quarter_name(review.quarter.label, lang)
    changed = tuple(_changed(i.row, lang) for i in review.indicators if i.row.status_changed)
    revisions = sum(len(i.revisions) for i in review.indicators)
    deliverables = tuple(_deliverable(c, lang) for c in review.deliverable_changes)
    return [
        Line(t("summary.changed", lang, quarter=previous), None,
             _capped(changed, lang), t("summary.changed_none", lang, quarter=previous)),
        Line(t("summary.revised", lang), REVISIONS,
             (Item(plural("summary.revised_count", revisions, lang), REVISIONS),)
             if revisions else (), t("summary.revised_none", lang)),
        Line(t("summary.missing", lang), MISSING, _missing(review, lang),
             t("summary.missing_none", lang, quarter=quarter)),
        Line(t("summary.deliverables", lang), DELIVERABLES,
             _capped(deliverables, lang), t("summary.deliverables_none", lang)),
    ]
