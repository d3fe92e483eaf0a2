"""An indicator's status and figure to date in words, and the data attributes that mark them,
from one ``marts.progress`` row. Shared by the pages (through
:mod:`dashboard.components.progress`) and the briefings, so every surface writes them alike."""

from __future__ import annotations

from typing import Final

from pipelines.language.formatting import (
    fiscal_year_label,
    format_date,
    format_period,
    format_ratio,
    format_value,
)
from pipelines.language.i18n import Lang, t
from pipelines.read.rows import Progress

JUDGED: Final = frozenset({"achieved", "on_track", "needs_acceleration", "limited_progress"})


def data_value(value: float | None) -> str:
    """The figure as the ``data-value`` attribute writes it: ``429``, ``2.5``, or empty."""
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def marks(row: Progress) -> dict[str, str]:
    """The data attributes of an element showing ``row``'s status or figure to date, so a
    test can check that two surfaces agree without reading words."""
    return {"data-indicator-id": row.indicator_id, "data-quarter": row.as_of_quarter,
            "data-status": row.status, "data-value": data_value(row.value_to_date)}


def is_neutral(row: Progress) -> bool:
    return row.status_reason == "not_applicable"


def status_words(row: Progress, lang: Lang) -> str:
    """The status in words; a status decided on demonstration figures says so."""
    if row.status in JUDGED:
        return demo_mark(t(f"status.{row.status}", lang), is_demo(row), lang)
    if row.status_reason == "not_applicable" and row.interpretation == "context":
        return t("progress.reason_context", lang)
    return t(f"progress.reason_{row.status_reason or 'no_data'}", lang)


def to_date_label(row: Progress, lang: Lang) -> str:
    """Which period the figure to date covers, in words."""
    if row.value_to_date is None or row.period_start is None or row.period_end is None:
        return t("progress.nothing_yet", lang)
    start, end = format_date(row.period_start, lang), format_date(row.period_end, lang)
    if row.to_date_kind == "since_start":
        return t("progress.since_start", lang, start=start, end=end)
    if row.to_date_kind == "fiscal_year":
        year = fiscal_year_label(int(row.as_of_quarter[:4]), lang)
        return t("progress.fiscal_year", lang, year=year, start=start, end=end)
    return t("progress.latest", lang,
             period=format_period(row.period_start, row.period_end, "stated", lang))


def demo_mark(text: str, demo: bool, lang: Lang) -> str:
    """``text`` with the visible demonstration marker ("429 [demo]") when ``demo``: every
    demonstration value carries it in its own words, not only under a banner."""
    return t("demo_mark.value", lang, value=text) if demo else text


def is_demo(row: Progress) -> bool:
    """The figure to date rests on demonstration submissions."""
    return row.value_to_date_status == "demo"


def to_date_value(row: Progress, lang: Lang) -> str:
    return demo_mark(format_value(row.value_to_date, row.unit_kind,
                                  row.value_to_date_qualifier or "exact", lang),
                     is_demo(row), lang)


def ratio_line(row: Progress, lang: Lang) -> str | None:
    """"429 against 330 expected by September 30, 2026 (ratio 1.30)", when there is one."""
    if row.ratio is None or row.expected_to_date is None or row.assessed_at is None:
        return None
    return t("progress.ratio_line", lang, achieved=to_date_value(row, lang),
             expected=format_value(row.expected_to_date, row.unit_kind, "exact", lang),
             date=format_date(row.assessed_at, lang), ratio=format_ratio(row.ratio, lang))


def basis(row: Progress, lang: Lang) -> str:
    """What was compared, in the words the build wrote (the same in progress.csv)."""
    return row.basis_fr if lang == "fr" else row.basis
