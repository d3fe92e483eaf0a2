"""The ``basis`` of a progress row: which figures were compared, in words a reader understands,
in English and French. Written once by the build so the page, the briefing and
``progress.csv`` say exactly the same thing.

The words are the catalogue's (``pipelines/language/catalogue/progress.toml [basis]``) and
every number, qualifier and date is written by :mod:`pipelines.language.formatting`, as the
pages write them ("29,000+" / "plus de 29 000"); the French sentence is set in French
typography.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from pipelines.language.formatting import format_date, format_number, format_ratio, format_value
from pipelines.language.i18n import t
from pipelines.language.typography import french


@dataclass(frozen=True)
class Numbers:
    """What a basis sentence may mention (None where it does not apply)."""

    unit_en: str
    unit_fr: str
    achieved: float | None = None
    achieved_qualifier: str = "exact"
    period_start: date | None = None
    period_end: date | None = None
    expected: float | None = None
    baseline: float | None = None
    baseline_is_assumed: bool = False
    target: float | None = None
    target_start: date | None = None
    target_end: date | None = None
    ratio: float | None = None
    demo: bool = False  # the achieved figure rests on demonstration submissions
    unit_kind: str = "count"


def sentence(kind: str, numbers: Numbers, lang: str) -> str:
    """The basis sentence of ``kind`` (a status or a not-assessed reason) in ``lang``."""
    n = numbers

    def when(value: date | None) -> str:
        return format_date(value, lang) if value else ""

    def plain(value: float | None) -> str:
        return "" if value is None else format_number(value, lang)

    achieved = "" if n.achieved is None else format_value(
        n.achieved, n.unit_kind, n.achieved_qualifier, lang)
    fields = {
        "unit": n.unit_fr if lang == "fr" else n.unit_en,
        "achieved": t("demo_mark.value", lang, value=achieved) if achieved and n.demo
        else achieved,
        "from_": when(n.period_start), "to": when(n.period_end),
        "expected": plain(n.expected),
        "baseline": t("basis.assumed", lang) if n.baseline_is_assumed else plain(n.baseline),
        "target": plain(n.target),
        "start": when(n.target_start), "end": when(n.target_end),
        "ratio": "" if n.ratio is None else format_ratio(n.ratio, lang),
    }
    text = t(f"basis.{kind}", lang, **fields)
    return french(text) if lang == "fr" else text
