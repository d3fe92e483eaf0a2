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
from pathlib import Path
from typing import Final

from dashboard.components.shell import EMERGENCY_NUMBER, HOTLINE_DISPLAY
from dashboard.text import review as rt
from dashboard.text.formatting import format_date, format_timestamp, quarter_name
from dashboard.text.i18n import Lang, pick, t
from pipelines.read import Reader, strategy
from pipelines.read.core import fetch
from pipelines.read.review import IndicatorReview, PillarReview, QuarterReview
from pipelines.read.rows import LoadId, TargetSource

CSS_FILE: Final[Path] = Path(__file__).resolve().parent / "briefing.css"


@dataclass(frozen=True)
class BriefingContext:
    """What the briefing shows beyond the review: names of places, sources, build date."""

    geographies: dict[str, str]
    loads: list[int]
    target_source: tuple[str, str, str] | None  # title, publisher, published
    built_at: str


def briefing_context(reader: Reader, lang: Lang) -> BriefingContext:
    loads = [row.load_id for row in fetch(reader, "submission_loads", LoadId)]
    sources = fetch(reader, "target_sources", TargetSource)
    source = ((sources[0].title, sources[0].publisher_fr if lang == "fr"
               else sources[0].publisher, sources[0].published) if sources else None)
    built = strategy.site_status(reader).built_at or ""
    return BriefingContext(strategy.geography_names(reader, lang), loads, source, built)


def _attributes(marks: dict[str, str]) -> str:
    return "".join(f' {name}="{escape(value)}"' for name, value in marks.items())


def _table(caption: str, headers: list[str], rows: list[list[rt.Cell]]) -> str:
    head = "".join(f'<th scope="col">{escape(h)}</th>' for h in headers)
    body = "".join(
        "<tr>" + f'<th scope="row">{escape(r[0].text)}</th>'
        + "".join(f"<td{_attributes(c.marks)}>{escape(c.text)}</td>" for c in r[1:]) + "</tr>"
        for r in rows)
    return (f"<table><caption>{escape(caption)}</caption><thead><tr>{head}</tr></thead>"
            f"<tbody>{body}</tbody></table>")


def _demo(review: QuarterReview, lang: Lang) -> str:
    return (f'<p class="demo-label">{escape(t("quarterly.demo_label", lang))}</p>'
            if review.has_demo else "")


def _figure(item: IndicatorReview, lang: Lang) -> str:
    name = rt.indicator_name(item, lang)
    svg, _ = rt.chart(item, lang)
    return (f'<figure class="chart">{svg}<figcaption>'
            f'{escape(t("quarterly.chart_caption", lang, indicator=name))}</figcaption></figure>')


def _pillar(pillar: PillarReview, review: QuarterReview, lang: Lang) -> str:
    name = pick(pillar.pillar, "name", lang)
    caption = t("quarterly.summary_caption", lang, pillar=name,
                quarter=quarter_name(review.quarter.label, lang))
    rows = [rt.summary_row(i, lang) for i in pillar.indicators]
    figures = "".join(_figure(i, lang) for i in pillar.indicators)
    return (f'<section class="pillar" id="pillar-{escape(pillar.pillar.pillar_id)}">'
            f"<h2>{escape(name)}</h2>{_demo(review, lang)}"
            f"{_table(caption, rt.summary_headers(review.quarter, lang), rows)}{figures}</section>")


def _changes(review: QuarterReview, context: BriefingContext, lang: Lang) -> str:
    rows = rt.revision_rows(review, context.geographies, lang)
    cells = [[rt.Cell(c) for c in row] for row in rows]
    revisions = (_table(t("quarterly.revisions_caption", lang), rt.revision_headers(lang), cells)
                 if rows else f"<p>{escape(t('quarterly.no_revisions', lang))}</p>")
    missing = rt.missing_items(review, lang)
    missing_html = ("<p>" + escape(t("quarterly.missing_intro", lang)) + "</p><ul>"
                    + "".join(f"<li>{escape(m)}</li>" for m in missing) + "</ul>" if missing
                    else f"<p>{escape(t('quarterly.none_missing_all', lang))}</p>")
    return (f'<section class="changes" id="revisions">{_demo(review, lang)}'
            f"<h2>{escape(t('quarterly.revisions_heading', lang))}</h2>"
            f"<p>{escape(rt.last_review_text(review.last_review, lang))}</p>{revisions}"
            f"<h2 id=\"missing\">{escape(t('quarterly.missing_heading', lang))}</h2>"
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


def _help(lang: Lang) -> str:
    return (f'<p class="help">{escape(t("help.in_danger", lang))} <strong>{EMERGENCY_NUMBER}'
            f"</strong>. {escape(t('help.hotline', lang))} <strong>{HOTLINE_DISPLAY}</strong> "
            f"{escape(t('help.hotline_terms', lang))}</p>")


def render_briefing(review: QuarterReview, context: BriefingContext, lang: Lang,
                    today: date | None = None) -> str:
    """The whole briefing as one HTML document."""
    title = t("quarterly.briefing_title", lang, quarter=quarter_name(review.quarter.label, lang))
    generated = t("quarterly.generated", lang, date=format_date(today or date.today(), lang),
                  built=format_timestamp(context.built_at, lang))
    pillars = "".join(_pillar(p, review, lang) for p in review.pillars)
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{escape(title)}</title><style>{CSS_FILE.read_text(encoding='utf-8')}</style>"
            f"</head><body><header><p class=\"subtitle\">"
            f"{escape(t('quarterly.briefing_subtitle', lang))}</p><h1>{escape(title)}</h1>"
            f"<p class=\"quarter\">{escape(rt.quarter_label(review.quarter, lang))}</p>"
            f"{_demo(review, lang)}{_help(lang)}</header><main>"
            f"<p>{escape(t('quarterly.intro', lang))}</p>{pillars}{_changes(review, context, lang)}"
            f"{_notes(context, _demo(review, lang), lang)}</main>"
            f"<footer><p>{escape(generated)}</p>{_help(lang)}</footer></body></html>")
