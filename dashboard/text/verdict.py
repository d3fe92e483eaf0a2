"""The statutory review in words: each core indicator's cells (baseline, latest, target,
status) and each pillar's one-sentence verdict, shared by the page and the statutory briefing.
The verdict restates the numbers it is built from (statuses from ``marts.progress``, counts
from the read layer); it never judges beyond them."""

from __future__ import annotations

from dashboard.text.review import Cell
from dashboard.text.status import JUDGED, marks, ratio_line, status_words, to_date_label
from pipelines.language.formatting import format_date, format_period, format_value
from pipelines.language.i18n import Lang, pick, t
from pipelines.read.rows import Figure, Progress
from pipelines.read.statutory import PillarVerdict, StatutoryReview, VerdictRow
from pipelines.vocabulary import DELIVERABLE_STATES, DIRECTION_NEUTRAL


def _figure(figure: Figure, lang: Lang) -> str:
    value = format_value(figure.value, figure.unit_kind, figure.qualifier, lang)
    period = format_period(figure.period_start, figure.period_end, figure.period_basis, lang)
    return f"{value} ({period})"


def baseline_cell(row: VerdictRow, lang: Lang) -> Cell:
    if row.baseline is None:
        return Cell(t("statutory.no_baseline", lang))
    return Cell(_figure(row.baseline, lang))


def latest_cell(row: VerdictRow, lang: Lang) -> Cell:
    """The figure to date the status uses, else the latest figure published since the strategy
    began, else "no figure published yet"."""
    progress = row.progress
    if progress is not None and progress.value_to_date is not None:
        value = format_value(progress.value_to_date, progress.unit_kind,
                             progress.value_to_date_qualifier or "exact", lang)
        return Cell(f"{value} ({to_date_label(progress, lang)})", marks(progress))
    text = _figure(row.latest, lang) if row.latest else t("statutory.no_figure_yet", lang)
    return Cell(text, marks(progress) if progress else {})


def target_cell(row: VerdictRow, lang: Lang) -> Cell:
    target = row.target
    if target is None:
        return Cell(t("statutory.no_target", lang))
    kind = row.indicator.unit_kind
    return Cell(t("statutory.target_value", lang,
                  value=format_value(target.target_value, kind, "exact", lang),
                  date=format_date(target.period_end, lang)))


def status_cell(row: VerdictRow, lang: Lang) -> Cell:
    if row.progress is None:
        neutral = row.indicator.interpretation in DIRECTION_NEUTRAL or row.indicator.reporting_note
        return Cell(t("statutory.no_status_reported" if row.indicator.reporting_note
                      else "statutory.no_status_context" if neutral
                      else "statutory.no_status", lang))
    return Cell(status_words(row.progress, lang), marks(row.progress))


def indicator_cells(row: VerdictRow, lang: Lang) -> list[Cell]:
    name = pick(row.indicator, "name", lang)
    return [Cell(name), baseline_cell(row, lang), latest_cell(row, lang),
            target_cell(row, lang), status_cell(row, lang)]


def headers(review: StatutoryReview, lang: Lang) -> list[str]:
    start = format_date(review.strategy_start, lang)
    return [t("statutory.col_indicator", lang), t("statutory.col_baseline_before", lang,
                                                  date=start),
            t("statutory.col_latest_since", lang, date=start), t("statutory.col_target", lang),
            t("statutory.col_status", lang)]


def _target_part(rows: tuple[VerdictRow, ...], lang: Lang) -> str:
    parts = []
    for row in rows:
        if row.target is None:
            continue
        progress: Progress | None = row.progress
        words = status_words(progress, lang) if progress else t("status.not_assessed", lang)
        numbers = ratio_line(progress, lang) if progress and progress.status in JUDGED else None
        parts.append(t("statutory.verdict_target", lang,
                       indicator=pick(row.indicator, "name", lang), status=words,
                       numbers=f", {numbers}" if numbers else ""))
    return "; ".join(parts) if parts else t("statutory.verdict_no_target", lang)


def deliverables_text(counts: dict[str, int], lang: Lang) -> str:
    states = {s: counts.get(s, 0) for s in DELIVERABLE_STATES}
    return t("statutory.verdict_deliverables", lang, total=sum(states.values()), **states)


def verdict(pillar: PillarVerdict, review: StatutoryReview, lang: Lang) -> str:
    """One sentence per pillar, every number in it read from the review's rows."""
    name = (pick(pillar.pillar, "name", lang) if pillar.pillar
            else t("statutory.group_other", lang))
    tally = pillar.tally
    figures = t("statutory.verdict_figures", lang,
                count=tally.with_figure_since_start if tally else 0,
                total=tally.indicators if tally else 0)
    start = format_date(review.strategy_start, lang)
    if pillar.pillar is None:
        return t("statutory.verdict_other", lang, name=name, figures=figures, date_part=start)
    return t("statutory.verdict", lang, name=name, targets=_target_part(pillar.rows, lang),
             figures=figures, date_part=start,
             deliverables=deliverables_text(pillar.deliverables, lang))
