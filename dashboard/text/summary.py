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
from dashboard.text.verdict import card_line, demo_value
from pipelines.language.formatting import LOCALES, format_date, format_value, quarter_name
from pipelines.language.i18n import Lang, pick, t
from pipelines.read.review import GLANCE_GROUPS, QuarterReview, glance_group
from pipelines.read.rows import MilestoneQuarter, Progress
from pipelines.vocabulary import PROGRESS_STATUSES

# Anchors shared by the page and the briefing, so a summary line links to the same section.
ROW: Final = "quarterly-row-{}"
REVISIONS: Final = "quarterly-revisions"
MISSING: Final = "quarterly-missing"
DELIVERABLES: Final = "quarterly-deliverables"
SUMMARY: Final = "quarterly-summary"
MOVED: Final = "quarterly-moved"
NEW: Final = "quarterly-new"
MAX_ITEMS: Final = 3


@dataclass(frozen=True)
class Item:
    """One linked piece of a line: its words, the anchor it links to, its data attributes
    and, when the words were shortened, the full text (tooltip and screen readers)."""

    text: str
    anchor: str | None = None
    marks: dict[str, str] = field(default_factory=dict)
    full: str | None = None


@dataclass(frozen=True)
class Line:
    label: str
    anchor: str | None  # the section the line sums up; None: each item links on its own
    items: tuple[Item, ...]  # empty: ``none`` is said instead
    none: str


@dataclass(frozen=True)
class StatusCount:
    status: str  # a glance group (pipelines.read.review.GLANCE_GROUPS)
    words: str
    count: int
    anchor: str | None  # the first indicator row in the group; None when zero
    rows: tuple[Item, ...] = ()  # every reviewed indicator in the group, linked to its row

    @property
    def progress_status(self) -> str:
        """The marts.progress status behind the group (the split ones are not_assessed)."""
        return self.status if self.status in PROGRESS_STATUSES else "not_assessed"

    @property
    def icon_key(self) -> str:
        return ("neutral" if self.status == "reported_activity"
                else self.progress_status)


def plural(key: str, count: int, lang: Lang) -> str:
    """``key_one`` or ``key_other`` by the language's plural rule (French: 0 and 1 are one)."""
    form = Locale.parse(LOCALES[lang]).plural_form(count)
    return t(f"{key}_{'one' if form == 'one' else 'other'}", lang, count=count)


def group_words(group: str, lang: Lang) -> str:
    return t(f"status.{group}" if group in PROGRESS_STATUSES else f"summary.group_{group}",
             lang)


def status_counts(review: QuarterReview, lang: Lang) -> list[StatusCount]:
    """The glance's counts: judged statuses, then "not assessed" split into awaiting data, no
    numeric target and reported activity; each with links to its rows."""
    rows: dict[str, list[Item]] = {g: [] for g in GLANCE_GROUPS}
    for item in review.indicators:
        rows[glance_group(item.row)].append(
            Item(pick(item.row, "name", lang), ROW.format(item.row.indicator_id)))
    counts = review.group_counts or {g: 0 for g in GLANCE_GROUPS}
    return [StatusCount(g, group_words(g, lang), counts.get(g, 0),
                        rows[g][0].anchor if counts.get(g) and rows[g] else None,
                        tuple(rows[g]))
            for g in GLANCE_GROUPS]


def shortened(text: str, limit: int = 70) -> str:
    """``text`` cut at a word (never mid-word) to at most ``limit`` characters, with "…"."""
    if len(text) <= limit:
        return text
    cut = text[:limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:–-")
    return cut + "…"


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


def _capped(items: tuple[Item, ...], lang: Lang, total: int | None = None) -> tuple[Item, ...]:
    """At most :data:`MAX_ITEMS` per line, so the block stays within the first screen; the
    last one says how many more and links to the first of them. ``total``: how many there
    are when only the first few were written out."""
    total = len(items) if total is None else total
    if total <= MAX_ITEMS:
        return items
    more = Item(t("summary.more", lang, count=total - MAX_ITEMS + 1),
                items[MAX_ITEMS - 1].anchor)
    return (*items[:MAX_ITEMS - 1], more)


def _deliverable(change: MilestoneQuarter, lang: Lang) -> Item:
    text = pick(change, "text", lang)
    short = shortened(text, 45)
    now = t(f"milestone.{change.status}", lang)
    anchor = f"{DELIVERABLES}-{change.milestone_id}"
    if not change.status_changed and change.due_date is not None:
        key, values = "summary.overdue_item", {"due": format_date(change.due_date, lang)}
    else:
        key, values = "summary.deliverable_item", {
            "before": t(f"milestone.{change.status_previous}", lang),
            "date": format_date(change.status_as_of, lang)}
    words = t(key, lang, deliverable=short, now=now, **values)
    full = t(key, lang, deliverable=text, now=now, **values) if short != text else None
    return Item(words, anchor, full=full)


def _to_date(row: Progress, lang: Lang) -> str:
    assert row.value_to_date is not None
    return demo_value(format_value(row.value_to_date, row.unit_kind,
                                   row.value_to_date_qualifier or "exact", lang),
                      row.value_to_date_status == "demo", lang)


def moved_items(review: QuarterReview, lang: Lang) -> tuple[Item, ...]:
    """Every figure that moved since the last review: each indicator's figure to date (a new
    quarter), then each revised provincial total (old → new); revised regional and breakdown
    values are counted in the revisions section and listed in its CSV."""
    items: list[Item] = []
    for item in review.indicators:
        now = item.row
        before = item.series[-2] if len(item.series) > 1 else None
        if (before is None or now.value_to_date is None or before.value_to_date is None
                or before.value_to_date == now.value_to_date):
            continue
        items.append(Item(t("summary.moved_quarter", lang, indicator=pick(now, "name", lang),
                            old=_to_date(before, lang), new=_to_date(now, lang)),
                          ROW.format(now.indicator_id), marks(now)))
    for item in review.indicators:
        for r in item.revisions:
            if r.geography != "ontario" or r.breakdown != "total":
                continue
            old, new = (demo_value(format_value(v, item.row.unit_kind, "exact", lang), r.demo,
                                   lang) for v in (r.old_value, r.new_value))
            items.append(Item(t("summary.moved_revision", lang,
                                indicator=pick(item.row, "name", lang),
                                quarter=quarter_name(r.quarter, lang), old=old, new=new),
                              REVISIONS))
    return tuple(items)


def new_items(review: QuarterReview, lang: Lang) -> tuple[Item, ...]:
    """Indicators with a figure for the quarter and deliverables with a new status."""
    quarter = quarter_name(review.quarter.label, lang)
    items = [Item(t("summary.new_indicator", lang, indicator=pick(i.row, "name", lang),
                    quarter=quarter), ROW.format(i.row.indicator_id))
             for i in review.indicators if i.row.this_quarter_state != "missing"]
    for change in review.deliverable_changes:
        if change.status_changed:
            text = pick(change, "text", lang)
            short = shortened(text, 50)
            items.append(Item(t("summary.new_deliverable", lang, deliverable=short),
                              f"{DELIVERABLES}-{change.milestone_id}",
                              full=text if short != text else None))
    return tuple(items)


def target_line(review: QuarterReview, lang: Lang) -> str | None:
    """"Front-line workers trained: 429 of 1,100; 330 expected by now" at the quarter."""
    for item in review.indicators:
        if item.row.target_value is not None:
            return card_line(item.row, lang, name=pick(item.row, "name", lang))
    return None


def lines(review: QuarterReview, lang: Lang) -> list[Line]:
    previous = quarter_name(review.quarter.previous().label, lang)
    quarter = quarter_name(review.quarter.label, lang)
    changed = tuple(_changed(i.row, lang) for i in review.indicators if i.row.status_changed)
    revisions = sum(len(i.revisions) for i in review.indicators)
    deliverables = tuple(_deliverable(c, lang) for c in review.deliverable_changes)
    moved = len(moved_items(review, lang))
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
        Line(t("summary.moved", lang), MOVED,
             (Item(plural("summary.moved_count", moved, lang), MOVED),) if moved else (),
             t("summary.moved_none", lang)),
    ]
