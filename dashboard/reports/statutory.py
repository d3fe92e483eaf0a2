"""The statutory briefing: the five-year review as ONE self-contained HTML file (inline CSS,
no script, no external request) that opens offline and prints to PDF, like the quarterly one.

Served by ``/review/statutory/briefing.html`` and written by ``python -m dashboard report
--statutory``: both render :func:`pipelines.read.statutory.statutory_review`, the rows the page
shows, so the three read alike; on a frozen snapshot it says which one. Every status and
figure to date carries the same data attributes as on the pages.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from html import escape

from dashboard.components.statutory import funding_rows
from dashboard.reports.html import document, table
from dashboard.text import verdict as vt
from dashboard.text.review import Cell
from pipelines.language.formatting import (
    format_date,
    format_period,
    format_timestamp,
    format_value,
    quarter_name,
)
from pipelines.language.i18n import Lang, pick, t
from pipelines.read import Reader, strategy
from pipelines.read.rows import SeriesValue
from pipelines.read.statutory import PillarVerdict, StatutoryReview
from pipelines.vocabulary import DELIVERABLE_STATES


@dataclass(frozen=True)
class StatutoryContext:
    built_at: str
    snapshot_label: str | None


def statutory_context(reader: Reader, snapshot: str | None = None) -> StatutoryContext:
    info = strategy.build_info(reader)
    label = info.get("snapshot_label") if snapshot or "snapshot_label" in info else None
    return StatutoryContext(info.get("built_at", ""), label)


def _cells(values: list[object]) -> list[Cell]:
    return [Cell(str(v)) for v in values]


def _pillar(pillar: PillarVerdict, review: StatutoryReview, lang: Lang) -> str:
    name = (pick(pillar.pillar, "name", lang) if pillar.pillar
            else t("statutory.group_other", lang))
    rows = [vt.indicator_cells(r, lang) for r in pillar.rows]
    ids = [f"statutory-row-{r.indicator.indicator_id}" for r in pillar.rows]
    indicators = table(t("statutory.verdict_caption", lang, name=name), vt.headers(review, lang),
                       rows, ids)
    deliverables = ""
    if pillar.pillar is not None:
        counts = pillar.deliverables
        headers = ["", *[t(f"statutory.state_{s}", lang) for s in DELIVERABLE_STATES],
                   t("statutory.col_total", lang)]
        deliverables = table(
            t("statutory.deliverables_caption_pillar", lang, name=name,
              quarter=quarter_name(review.as_of_quarter or "", lang)), headers,
            [_cells([t("statutory.col_deliverables", lang),
                     *[counts.get(s, 0) for s in DELIVERABLE_STATES], sum(counts.values())])])
    return (f'<section class="pillar"><h2>{escape(name)}</h2>'
            f'<p class="verdict">{escape(vt.verdict(pillar, review, lang))}</p>'
            f"{indicators}{deliverables}</section>")


def _strategies(review: StatutoryReview, lang: Lang) -> str:
    headers = [t(f"statutory.col_{c}", lang) for c in ("strategy", "period", "funding", "source")]
    rows = [_cells(r) for r in funding_rows(review.strategies, review.funding, lang)]
    return (f'<section class="notes"><h2>{escape(t("statutory.strategies_heading", lang))}</h2>'
            f"{table(t('statutory.strategies_caption', lang), headers, rows)}</section>")


def _context(review: StatutoryReview, lang: Lang) -> str:
    series: dict[str, list[SeriesValue]] = {}
    for row in review.context:
        series.setdefault(row.indicator_id, []).append(row)
    headers = [t(f"statutory.col_{c}", lang) for c in ("year", "edition", "value")]
    tables = "".join(
        table(t("statutory.chart_caption", lang, indicator=pick(rows[0], "name", lang)), headers,
              [_cells([format_period(r.period_start, r.period_end, r.period_basis, lang),
                       (r.edition_fr if lang == "fr" else r.edition_en) or r.source_id,
                       format_value(r.value, r.unit_kind, r.qualifier, lang)]) for r in rows])
        for rows in series.values())
    return (f"<section><h2>{escape(t('statutory.context_heading', lang))}</h2>"
            f"<p>{escape(t('statutory.context_intro', lang))}</p>{tables}"
            f'<aside class="reporting-note"><h3>{escape(t("statutory.reported_heading", lang))}'
            f"</h3><p>{escape(t('statutory.reported_body', lang))}</p>"
            f"<p>{escape(t('reporting_note.quote', lang))}</p></aside></section>")


def render_statutory(review: StatutoryReview, context: StatutoryContext, lang: Lang,
                     today: date | None = None) -> str:
    """The whole statutory briefing as one HTML document: the verdict per pillar first."""
    title = t("statutory.briefing_title", lang)
    start = format_date(review.strategy_start, lang)
    lines = [t("statutory.as_of_quarter", lang,
               quarter=quarter_name(review.as_of_quarter or "", lang))]
    if context.snapshot_label:
        lines.insert(0, t("statutory.briefing_snapshot", lang, label=context.snapshot_label))
    header = (f'<p class="subtitle">{escape(t("quarterly.briefing_subtitle", lang))}</p>'
              f"<h1>{escape(title)}</h1>"
              + "".join(f'<p class="quarter">{escape(line)}</p>' for line in lines))
    main = (f"<p>{escape(t('statutory.verdict_intro', lang, date=start))}</p>"
            + "".join(_pillar(p, review, lang) for p in review.pillars)
            + f"<p>{escape(t('statutory.late_definition_records', lang))}</p>"
            + _strategies(review, lang) + _context(review, lang))
    generated = t("statutory.briefing_generated", lang,
                  date=format_date(today or date.today(), lang),
                  built=format_timestamp(context.built_at, lang))
    return document(title, lang, header, main, f"<p>{escape(generated)}</p>")
