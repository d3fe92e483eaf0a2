"""The statutory briefing: the five-year review as ONE self-contained HTML file (inline CSS,
charts as inline SVG, no script, no external request) that opens offline and prints, and the
same file as PDF (:mod:`dashboard.reports.pdf`) and Word (:mod:`dashboard.reports.docx`).

Served by ``/review/statutory/briefing.{html,pdf,docx}`` and written by ``python -m dashboard
report --statutory``: all render :func:`pipelines.read.statutory.statutory_review`, the rows
the page shows. It opens with a one-page summary (each pillar's verdict from
``marts.pillar_verdicts``, the target's line, what needs attention), then each pillar's table
with per-year rates, then the strategies and the context series as charts with their source
lines. Every verdict carries ``data-pillar-id``/``data-verdict`` and every status its data
attributes, as on the page; every demonstration value its marker.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from html import escape

from dashboard.components.statutory import funding_rows
from dashboard.figures.quarter_bars import quarter_bars_svg
from dashboard.reports.html import attributes, document, table
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
    data_version: str = ""


def statutory_context(reader: Reader, snapshot: str | None = None) -> StatutoryContext:
    info = strategy.build_info(reader)
    label = info.get("snapshot_label") if snapshot or "snapshot_label" in info else None
    return StatutoryContext(info.get("built_at", ""), label, info.get("data_version", ""))


def is_demo(review: StatutoryReview) -> bool:
    return any((p.verdict is not None and p.verdict.demo)
               or any(vt.latest_is_demo(r) for r in p.rows) for p in review.pillars)


def _cells(values: list[object]) -> list[Cell]:
    return [Cell(str(v)) for v in values]


def _summary(review: StatutoryReview, lang: Lang) -> str:
    rows = [f'<tr><th scope="row">{escape(vt.pillar_name(p, lang))}</th>'
            f"<td{attributes(vt.verdict_marks(p.verdict))}>"
            f"{escape(vt.verdict_words(p.verdict, lang))}</td>"
            f"<td>{escape(vt.verdict_basis(p.verdict, lang))}</td></tr>"
            for p in review.pillars if p.verdict is not None]
    if not rows:
        return f"<p>{escape(t('verdict.not_in_snapshot', lang))}</p>"
    head = "".join(f'<th scope="col">{escape(t(f"verdict.col_{c}", lang))}</th>'
                   for c in ("pillar", "verdict", "basis"))
    target = vt.target_line(review, lang)
    attention = vt.attention(review, lang) or [t("verdict.attention_none", lang)]
    legend = "".join(f"<li><strong>{escape(t(f'verdict.{v}', lang))}</strong>: "
                     f"{escape(t(f'verdict.legend_{v}', lang))}</li>"
                     for v in ("on_track", "not_on_track", "no_change", "worsening",
                               "not_assessable"))
    return (f'<section class="summary verdict-summary-box" id="statutory-summary">'
            f"<h2>{escape(t('verdict.summary_heading', lang))}</h2>"
            f'<table class="verdict-table"><caption>{escape(t("verdict.summary_heading", lang))}'
            f"</caption><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
            + (f'<p class="target-line">{escape(target)}</p>' if target else "")
            + f"<h3>{escape(t('verdict.attention_heading', lang))}</h3><ul>"
            + "".join(f"<li>{escape(line)}</li>" for line in attention) + "</ul>"
            f"<h3>{escape(t('verdict.legend_heading', lang))}</h3><ul>{legend}</ul>"
            f"<p>{escape(t('verdict.legend_reported', lang))}</p>"
            f"<p>{escape(t('rate.note', lang))}</p></section>")


def _verdict(pillar: PillarVerdict, lang: Lang) -> str:
    v = pillar.verdict
    if v is None:
        return ""
    return (f'<div class="verdict-box"><p class="verdict">{escape(t("verdict.label", lang))}: '
            f"<strong{attributes(vt.verdict_marks(v))}>{escape(vt.verdict_words(v, lang))}"
            f"</strong></p><p>{escape(vt.verdict_basis(v, lang))}</p></div>")


def _pillar(pillar: PillarVerdict, review: StatutoryReview, lang: Lang) -> str:
    name = vt.pillar_name(pillar, lang)
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
    return (f'<section class="pillar"><h2>{escape(name)}</h2>{_verdict(pillar, lang)}'
            f"{indicators}{deliverables}</section>")


def _strategies(review: StatutoryReview, lang: Lang) -> str:
    headers = [t(f"statutory.col_{c}", lang) for c in ("strategy", "period", "funding", "source")]
    rows = [_cells(r) for r in funding_rows(review.strategies, review.funding, lang)]
    return (f'<section class="notes"><h2>{escape(t("statutory.strategies_heading", lang))}</h2>'
            f"{table(t('statutory.strategies_caption', lang), headers, rows)}</section>")


def _edition(row: SeriesValue, lang: Lang) -> str:
    return (row.edition_fr if lang == "fr" else row.edition_en) or row.source_id


def _chart(rows: list[SeriesValue], lang: Lang) -> str:
    """One context series as an inline SVG bar chart (one bar per year and edition: editions
    are never joined) with its caption and source line."""
    name = pick(rows[0], "name", lang)
    caption = t("statutory.chart_caption", lang, indicator=name)
    points = [(f"{r.period_end.year if r.period_end else ''} · {i + 1}", r.value, False)
              for i, r in enumerate(rows)]
    svg = quarter_bars_svg(points, lambda v: format_value(v, rows[0].unit_kind, "exact", lang),
                           caption)
    editions = "; ".join(f"{i + 1}: {_edition(r, lang)}" for i, r in enumerate(rows))
    return (f'<figure class="chart">{svg}<figcaption>{escape(caption)}</figcaption>'
            f'<p class="source-line">{escape(t("briefing.source_line", lang, source=editions))}'
            "</p></figure>")


def _context(review: StatutoryReview, lang: Lang) -> str:
    series: dict[str, list[SeriesValue]] = {}
    for row in review.context:
        series.setdefault(row.indicator_id, []).append(row)
    headers = [t(f"statutory.col_{c}", lang) for c in ("year", "edition", "value")]
    blocks = "".join(
        _chart(rows, lang)
        + table(t("statutory.chart_caption", lang, indicator=pick(rows[0], "name", lang)),
                headers,
                [_cells([format_period(r.period_start, r.period_end, r.period_basis, lang),
                         _edition(r, lang),
                         format_value(r.value, r.unit_kind, r.qualifier, lang)]) for r in rows])
        for rows in series.values())
    return (f"<section><h2>{escape(t('statutory.context_heading', lang))}</h2>"
            f"<p>{escape(t('statutory.context_intro', lang))}</p>{blocks}"
            f'<aside class="reporting-note"><h3>{escape(t("statutory.reported_heading", lang))}'
            f"</h3><p>{escape(t('statutory.reported_body', lang))}</p>"
            f"<p>{escape(t('reporting_note.quote', lang))}</p></aside></section>")


def render_statutory(review: StatutoryReview, context: StatutoryContext, lang: Lang,
                     today: date | None = None) -> str:
    """The whole statutory briefing as one HTML document: the one-page summary first."""
    title = t("statutory.briefing_title", lang)
    start = format_date(review.strategy_start, lang)
    lines = [t("statutory.as_of_quarter", lang,
               quarter=quarter_name(review.as_of_quarter or "", lang))]
    if context.snapshot_label:
        lines.insert(0, t("statutory.briefing_snapshot", lang, label=context.snapshot_label))
    header = (f'<p class="subtitle">{escape(t("quarterly.briefing_subtitle", lang))}</p>'
              f"<h1>{escape(title)}</h1>"
              + "".join(f'<p class="quarter">{escape(line)}</p>' for line in lines))
    main = (_summary(review, lang)
            + f"<p>{escape(t('statutory.verdict_intro', lang, date=start))}</p>"
            + "".join(_pillar(p, review, lang) for p in review.pillars)
            + f"<p>{escape(t('statutory.late_definition_records', lang))}</p>"
            + _strategies(review, lang) + _context(review, lang))
    built = format_timestamp(context.built_at, lang)
    generated = t("statutory.briefing_generated", lang,
                  date=format_date(today or date.today(), lang), built=built)
    return document(title, lang, header, main, f"<p>{escape(generated)}</p>", built=built,
                    version=context.data_version, demo=is_demo(review))
