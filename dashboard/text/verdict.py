"""The statutory review in words: each core indicator's cells (baseline, latest, per-year
rates, the target in full, status, assessment) and each pillar's verdict, shared by the page,
the statutory briefing (HTML, PDF, Word) and the quarterly review. Every verdict and
assessment is read from ``marts.pillar_verdicts`` / ``marts.indicator_assessments``; nothing
is decided here. A demonstration value carries its marker in the text itself."""

from __future__ import annotations

from dashboard.text.review import Cell
from dashboard.text.status import demo_mark, marks, status_words, to_date_label
from pipelines.language.formatting import (
    format_date,
    format_period,
    format_share,
    format_value,
)
from pipelines.language.i18n import Lang, pick, t
from pipelines.read.rows import Figure, IndicatorAssessment, PillarVerdictRow, Progress
from pipelines.read.statutory import PillarVerdict, StatutoryReview, VerdictRow
from pipelines.vocabulary import DELIVERABLE_STATES, DIRECTION_NEUTRAL

DEMO_MARKS = {"data-demo": "true"}


demo_value = demo_mark


def _figure(figure: Figure, lang: Lang) -> str:
    value = format_value(figure.value, figure.unit_kind, figure.qualifier, lang)
    period = format_period(figure.period_start, figure.period_end, figure.period_basis, lang)
    return demo_value(f"{value} ({period})", figure.status == "demo", lang)


def baseline_cell(row: VerdictRow, lang: Lang) -> Cell:
    if row.baseline is None:
        return Cell(t("statutory.no_baseline", lang))
    return Cell(_figure(row.baseline, lang))


def latest_is_demo(row: VerdictRow) -> bool:
    progress = row.progress
    if progress is not None and progress.value_to_date is not None:
        return progress.value_to_date_status == "demo"
    return row.latest is not None and row.latest.status == "demo"


def latest_cell(row: VerdictRow, lang: Lang) -> Cell:
    """The figure to date the status uses, else the latest figure published since the strategy
    began, else "no figure published yet"."""
    progress = row.progress
    demo = DEMO_MARKS if latest_is_demo(row) else {}
    if progress is not None and progress.value_to_date is not None:
        value = format_value(progress.value_to_date, progress.unit_kind,
                             progress.value_to_date_qualifier or "exact", lang)
        text = demo_value(f"{value} ({to_date_label(progress, lang)})", bool(demo), lang)
        return Cell(text, {**marks(progress), **demo})
    text = _figure(row.latest, lang) if row.latest else t("statutory.no_figure_yet", lang)
    return Cell(text, {**(marks(progress) if progress else {}), **demo})


def _rate(value: float | None, qualifier: str | None, unit_kind: str, lang: Lang) -> str:
    if value is None:
        return ""
    return t("rate.per_year", lang, value=format_value(value, unit_kind, qualifier or "exact",
                                                       lang))


def rate_text(a: IndicatorAssessment, lang: Lang) -> str:
    """Both figures per year, "levels: compared as they stand", or why they are not compared."""
    old = _rate(a.baseline_per_year, a.baseline_per_year_qualifier, a.unit_kind, lang)
    new = demo_value(_rate(a.latest_per_year, a.latest_per_year_qualifier, a.unit_kind, lang),
                     a.demo, lang) if a.latest_per_year is not None else ""
    if a.comparable == "per_year":
        return t("rate.pair", lang, baseline=old, latest=new)
    if a.comparable == "as_is":
        return t("rate.as_is", lang)
    why = t("rate.refused", lang, why=t(f"rate.refusal_{a.refusal}", lang))
    extra = (t("rate.only_latest", lang, latest=new) if new
             else t("rate.only_baseline", lang, baseline=old) if old else "")
    return t("rate.refused_with", lang, why=why, extra=extra) if extra else why


def rate_cell(row: VerdictRow, lang: Lang) -> Cell:
    a = row.assessment
    if a is None:
        return Cell("")
    marks_ = {"data-comparable": a.comparable, **({"data-refusal": a.refusal} if a.refusal
                                                   else {})}
    return Cell(rate_text(a, lang), {**marks_, **(DEMO_MARKS if a.demo and
                                                  a.latest_per_year is not None else {})})


def target_full(progress: Progress, lang: Lang) -> str:
    """The one target in full: target, expected by now, share reached, share elapsed (the
    last three from the date, with or without data)."""
    kind = progress.unit_kind
    none = t("target_full.none_yet", lang)
    demo = progress.value_to_date_status == "demo"
    reached = (demo_value(format_share(progress.value_to_date / progress.target_value, lang),
                          demo, lang)
               if progress.value_to_date is not None and progress.target_value else none)
    assert progress.target_value is not None and progress.target_period_end is not None
    return t("target_full.line", lang,
             target=format_value(progress.target_value, kind, "exact", lang),
             date=format_date(progress.target_period_end, lang),
             expected=none if progress.expected_to_date is None
             else format_value(progress.expected_to_date, kind, "exact", lang),
             reached=reached,
             elapsed=none if progress.share_elapsed is None
             else format_share(progress.share_elapsed, lang))


def target_cell(row: VerdictRow, lang: Lang) -> Cell:
    target = row.target
    if target is None:
        return Cell(t("statutory.no_target", lang))
    if row.progress is not None and row.progress.target_value is not None:
        return Cell(target_full(row.progress, lang))
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
    demo = DEMO_MARKS if row.progress.value_to_date_status == "demo" else {}
    return Cell(status_words(row.progress, lang), {**marks(row.progress), **demo})


def assessment_text(a: IndicatorAssessment, lang: Lang) -> str:
    words = t(f"assessment.{a.assessment}", lang)
    if a.assessment == "reported_activity" and a.direction:
        words += f" ({t(f'assessment.reported_{a.direction}', lang)})"
    if a.assessment == "not_assessable" and a.reason:
        reason = "no_baseline_target" if a.reason == "no_baseline" and a.progress_status \
            else a.reason
        words += f": {t(f'assessment.reason_{reason}', lang)}"
    return words


def assessment_cell(row: VerdictRow, lang: Lang) -> Cell:
    a = row.assessment
    if a is None:
        return Cell("")
    attrs = {"data-assessment-of": a.indicator_id, "data-assessment": a.assessment}
    return Cell(demo_value(assessment_text(a, lang), a.demo, lang),
                {**attrs, **(DEMO_MARKS if a.demo else {})})


def indicator_cells(row: VerdictRow, lang: Lang) -> list[Cell]:
    name = pick(row.indicator, "name", lang)
    return [Cell(name), baseline_cell(row, lang), latest_cell(row, lang), rate_cell(row, lang),
            target_cell(row, lang), status_cell(row, lang), assessment_cell(row, lang)]


def headers(review: StatutoryReview, lang: Lang) -> list[str]:
    start = format_date(review.strategy_start, lang)
    return [t("statutory.col_indicator", lang),
            t("statutory.col_baseline_before", lang, date=start),
            t("statutory.col_latest_since", lang, date=start), t("rate.col", lang),
            t("statutory.col_target", lang), t("statutory.col_status", lang),
            t("assessment.label", lang)]


def verdict_marks(verdict: PillarVerdictRow) -> dict[str, str]:
    """The data attributes of every element that shows a pillar's verdict."""
    return {"data-pillar-id": verdict.pillar_id, "data-verdict": verdict.verdict,
            **(DEMO_MARKS if verdict.demo else {})}


def verdict_words(verdict: PillarVerdictRow, lang: Lang) -> str:
    return demo_value(t(f"verdict.{verdict.verdict}", lang), verdict.demo, lang)


def deliverables_text(counts: dict[str, int], lang: Lang) -> str:
    states = {s: counts.get(s, 0) for s in DELIVERABLE_STATES}
    return t("verdict.deliverable_counts", lang, total=sum(states.values()), **states)


def _reading(verdict: PillarVerdictRow, lang: Lang) -> str:
    return t(f"verdict.reading_{verdict.deliverables_reading}", lang,
             late=verdict.deliverables_late)


def verdict_basis(verdict: PillarVerdictRow, lang: Lang) -> str:
    """What the verdict rests on, every number read from its mart row."""
    counts = {s: getattr(verdict, f"deliverables_{s}") for s in DELIVERABLE_STATES}
    text = t("verdict.basis", lang, good=verdict.indicators_good, bad=verdict.indicators_bad,
             flat=verdict.indicators_no_change, unassessable=verdict.indicators_not_assessable,
             reported=verdict.indicators_reported,
             deliverables=f"{deliverables_text(counts, lang)}; {_reading(verdict, lang)}")
    if verdict.reason:
        text += " " + t("verdict.why", lang, reason=t(f"verdict.reason_{verdict.reason}", lang))
    return text


def pillar_name(pillar: PillarVerdict, lang: Lang) -> str:
    return (pick(pillar.pillar, "name", lang) if pillar.pillar
            else t("statutory.group_other", lang))


def attention(review: StatutoryReview, lang: Lang) -> list[str]:
    """What needs attention: late deliverables, indicators off track, pillars not assessable."""
    lines = []
    for pillar in review.pillars:
        v = pillar.verdict
        if v is None:
            continue
        name = pillar_name(pillar, lang)
        if v.deliverables_late:
            lines.append(t("verdict.attention_late", lang, pillar=name, count=v.deliverables_late))
        if v.indicators_bad:
            lines.append(t("verdict.attention_bad", lang, pillar=name, count=v.indicators_bad))
        if v.verdict == "not_assessable" and v.reason:
            lines.append(t("verdict.attention_unassessable", lang, pillar=name,
                           reason=t(f"verdict.reason_{v.reason}", lang)))
    return lines


def target_line(review: StatutoryReview, lang: Lang) -> str | None:
    """"Front-line workers trained: 429 of 1,100; 330 expected by now"."""
    for pillar in review.pillars:
        for row in pillar.rows:
            p = row.progress
            if p is None or p.target_value is None:
                continue
            return card_line(p, lang, name=pick(row.indicator, "name", lang))
    return None


def card_line(p: Progress, lang: Lang, name: str | None = None) -> str:
    """"429 of 1,100; 330 expected by now" (the overview card and the summaries)."""
    kind = p.unit_kind
    target = format_value(p.target_value or 0, kind, "exact", lang)
    expected = ("" if p.expected_to_date is None
                else format_value(p.expected_to_date, kind, "exact", lang))
    if p.value_to_date is None:
        text = t("target_full.card_no_data", lang, expected=expected, target=target)
    else:
        achieved = demo_value(format_value(p.value_to_date, kind,
                                           p.value_to_date_qualifier or "exact", lang),
                              p.value_to_date_status == "demo", lang)
        text = t("target_full.card", lang, achieved=achieved, target=target, expected=expected)
    return t("target_full.named", lang, name=name, line=text) if name else text
