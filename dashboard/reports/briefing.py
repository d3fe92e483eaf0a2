"""The quarterly briefing: ONE self-contained HTML file (inline CSS, charts as inline SVG, no
script, no external request) for the meeting pack. It opens offline, can be sent by email and
prints to a clean PDF (A4 or Letter, one pillar per page, tables never cut mid-row).

Served by ``/review/quarterly/briefing.html`` and written by ``python -m dashboard report``:
both call :func:`render_briefing`, so the two files are identical for the same data. Every
status and figure to date is read from ``marts.progress`` and marked with the same data
attributes as on the pages.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from html import escape

from dashboard.components.progress import ICONS
from dashboard.reports.html import document, link, summary_lines, table
from dashboard.text import review as rt
from dashboard.text import summary as st
from pipelines.language.formatting import format_date, format_timestamp, quarter_name
from pipelines.language.i18n import Lang, pick, t
from pipelines.read import Reader, strategy
from pipelines.read.core import fetch
from pipelines.read.review import IndicatorReview, PillarReview, QuarterReview
from pipelines.read.rows import LoadId, MilestoneQuarter, TargetSource


@dataclass(frozen=True)
class BriefingContext:
    """What the briefing shows beyond the review: names of places, sources, build date."""

    geographies: dict[str, str]
    loads: list[int]
    target_source: tuple[str, str, str] | None  # title, publisher, published
    built_at: str
    data_version: str = ""


def briefing_context(reader: Reader, lang: Lang) -> BriefingContext:
    loads = [row.load_id for row in fetch(reader, "submission_loads", LoadId)]
    sources = fetch(reader, "target_sources", TargetSource)
    source = ((sources[0].title, sources[0].publisher_fr if lang == "fr"
               else sources[0].publisher, sources[0].published) if sources else None)
    built = strategy.site_status(reader).built_at or ""
    version = strategy.build_info(reader).get("data_version", "")
    return BriefingContext(strategy.geography_names(reader, lang), loads, source, built,
                           version)


def _demo(review: QuarterReview, lang: Lang) -> str:
    return (f'<p class="demo-label">{escape(t("quarterly.demo_label", lang))}</p>'
            if review.has_demo else "")


def _summary(review: QuarterReview, lang: Lang) -> str:
    """The same block as the top of the page: counts by status, then what changed."""
    counts = "".join(
        f'<li data-status="{c.progress_status}" data-group="{c.status}" data-count="{c.count}">'
        + link(f"{ICONS[c.icon_key]} {c.words} {c.count}", c.anchor)
        + (" (" + ", ".join(link(r.text, r.anchor) for r in c.rows) + ")" if c.rows else "")
        + "</li>"
        for c in st.status_counts(review, lang))
    target = st.target_line(review, lang)
    target_html = f'<p class="target-line">{escape(target)}</p>' if target else ""
    caption = t("summary.statuses", lang, quarter=quarter_name(review.quarter.label, lang))
    return (f'<section class="summary" id="{st.SUMMARY}">'
            f"<h2>{escape(t('summary.heading', lang))}</h2>{_demo(review, lang)}"
            f'<p class="caption">{escape(caption)}</p><ul class="status-counts">{counts}</ul>'
            f"{target_html}{summary_lines(st.lines(review, lang))}</section>")


def _list(items: tuple[st.Item, ...], empty: str) -> str:
    if not items:
        return f"<p>{escape(empty)}</p>"
    return "<ul>" + "".join(f"<li>{link(i.text, i.anchor, i.marks)}</li>" for i in items) + "</ul>"


def _changes_since(review: QuarterReview, lang: Lang) -> str:
    """Every figure that moved since the last review, and what is new since the last
    release (as on the page)."""
    return (f'<section class="changes-since"><h2>{escape(t("summary.changes_heading", lang))}'
            f'</h2><h3 id="{st.MOVED}">{escape(t("summary.moved", lang))}</h3>'
            + _list(st.moved_items(review, lang), t("summary.moved_none", lang))
            + f"<p>{escape(t('summary.moved_note', lang))}</p>"
            f'<h3 id="{st.NEW}">{escape(t("summary.new_data", lang))}</h3>'
            + _list(st.new_items(review, lang), t("summary.new_none", lang)) + "</section>")


def _figure(item: IndicatorReview, lang: Lang) -> str:
    name = rt.indicator_name(item, lang)
    svg, _ = rt.chart(item, lang)
    return (f'<figure class="chart">{svg}<figcaption>'
            f'{escape(t("quarterly.chart_caption", lang, indicator=name))}</figcaption></figure>')


def _pillar(pillar: PillarReview, review: QuarterReview, lang: Lang) -> str:
    name = pick(pillar.pillar, "name", lang)
    caption = t("quarterly.summary_caption", lang, pillar=name,
                quarter=quarter_name(review.quarter.label, lang))
    rows = [rt.summary_row(i, lang, review.strategy_start) for i in pillar.indicators]
    ids = [st.ROW.format(i.row.indicator_id) for i in pillar.indicators]
    figures = "".join(_figure(i, lang) for i in pillar.indicators)
    return (f'<section class="pillar" id="pillar-{escape(pillar.pillar.pillar_id)}">'
            f"<h2>{escape(name)}</h2>{_demo(review, lang)}"
            f"{table(caption, rt.summary_headers(review.quarter, lang), rows, ids)}{figures}"
            "</section>")


def _deliverable(change: MilestoneQuarter, lang: Lang) -> str:
    before = t("quarterly.deliverable_changed", lang,
               before=t(f"milestone.{change.status_previous}", lang))
    what = (t("quarterly.deliverable_overdue", lang, due=format_date(change.due_date, lang))
            if change.fell_overdue and change.due_date is not None else before)
    note = f"<br>{escape(change.note)}" if change.note else ""
    as_of = t("quarterly.deliverable_as_of", lang, who=change.recorded_by,
              date=format_date(change.status_as_of, lang))
    return (f'<li id="{st.DELIVERABLES}-{escape(change.milestone_id)}">'
            f"<strong>{escape(pick(change, 'text', lang))}</strong>: "
            f"{escape(t(f'milestone.{change.status}', lang))} {escape(as_of)} "
            f"{escape(what)}{note}</li>")


def _deliverables(review: QuarterReview, lang: Lang) -> str:
    quarter = quarter_name(review.quarter.label, lang)
    items = "".join(_deliverable(c, lang) for c in review.deliverable_changes)
    body = (f"<ul>{items}</ul>" if items else
            f"<p>{escape(t('quarterly.deliverables_none', lang, quarter=quarter))}</p>")
    return (f'<section class="deliverables"><h2 id="{st.DELIVERABLES}">'
            f"{escape(t('quarterly.deliverables_heading', lang, quarter=quarter))}</h2>"
            f"{body}</section>")


def _changes(review: QuarterReview, context: BriefingContext, lang: Lang) -> str:
    rows = rt.revision_rows(review, context.geographies, lang)
    counts = rt.revision_counts(review, lang)
    cells = [[rt.Cell(c) for c in row] for row in rows]
    revisions = ((table(t("quarterly.revisions_provincial_caption", lang),
                        rt.revision_headers(lang), cells) if rows else
                  f"<p>{escape(t('quarterly.no_provincial_revisions', lang))}</p>")
                 + table(t("quarterly.revision_counts_caption", lang),
                         rt.revision_count_headers(lang), [[rt.Cell(c) for c in row]
                                                           for row in counts])
                 if counts else f"<p>{escape(t('quarterly.no_revisions', lang))}</p>")
    missing = rt.missing_items(review, lang)
    missing_html = ("<p>" + escape(t("quarterly.missing_intro", lang)) + "</p><ul>"
                    + "".join(f"<li>{escape(m)}</li>" for m in missing) + "</ul>" if missing
                    else f"<p>{escape(t('quarterly.none_missing_all', lang))}</p>")
    return (f'<section class="changes">{_demo(review, lang)}'
            f'<h2 id="{st.REVISIONS}">{escape(t("quarterly.revisions_heading", lang))}</h2>'
            f"<p>{escape(rt.last_review_text(review.last_review, lang))}</p>{revisions}"
            f'<h2 id="{st.MISSING}">{escape(t("quarterly.missing_heading", lang))}</h2>'
            f"{missing_html}</section>")


def _notes(context: BriefingContext, demo: str, lang: Lang) -> str:
    rules = "".join(f"<li>{escape(t(f'quarterly.rule_{k}', lang))}</li>"
                    for k in ("values", "ytd", "status"))
    sources = [t("quarterly.source_submissions", lang,
                 loads=", ".join(str(i) for i in context.loads))]
    if context.target_source:
        title, publisher, published = context.target_source
        sources.append(t("quarterly.source_target", lang, title=title, publisher=publisher,
                         published=published))
    return (f'<section class="notes">{demo}<h2>{escape(t("quarterly.rules_heading", lang))}</h2>'
            f"<ul>{rules}</ul><aside class=\"reporting-note\">"
            f"<h3>{escape(t('statutory.reported_heading', lang))}</h3>"
            f"<p>{escape(t('reporting_note.body', lang))}</p>"
            f"<p>{escape(t('reporting_note.quote', lang))}</p></aside>"
            f"<h2>{escape(t('quarterly.sources_heading', lang))}</h2><ul>"
            + "".join(f"<li>{escape(s)}</li>" for s in sources) + "</ul></section>")


def render_briefing(review: QuarterReview, context: BriefingContext, lang: Lang,
                    today: date | None = None) -> str:
    """The whole briefing as one HTML document: the summary first, as on the page."""
    title = t("quarterly.briefing_title", lang, quarter=quarter_name(review.quarter.label, lang))
    generated = t("quarterly.generated", lang, date=format_date(today or date.today(), lang),
                  built=format_timestamp(context.built_at, lang))
    header = (f'<p class="subtitle">{escape(t("quarterly.briefing_subtitle", lang))}</p>'
              f"<h1>{escape(title)}</h1>"
              f'<p class="quarter">{escape(rt.quarter_label(review.quarter, lang))}</p>')
    main = (_summary(review, lang) + _changes_since(review, lang)
            + f"<p>{escape(t('quarterly.intro', lang))}</p>"
            + "".join(_pillar(p, review, lang) for p in review.pillars)
            + _deliverables(review, lang) + _changes(review, context, lang)
            + _notes(context, _demo(review, lang), lang))
    return document(title, lang, header, main, f"<p>{escape(generated)}</p>",
                    built=format_timestamp(context.built_at, lang),
                    version=context.data_version, demo=review.has_demo)
