"""The ``basis`` of a progress row: which figures were compared, in words a reader understands,
in English and French. Written once by the build so the page, the briefing and
``progress.csv`` say exactly the same thing.

Numbers and dates are formatted with Babel (``en_CA`` / ``fr_CA``) the way the dashboard
formats them; French uses no-break spaces before ``:`` and ``;``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Final

from babel.dates import format_date
from babel.numbers import format_decimal

LOCALES: Final = {"en": "en_CA", "fr": "fr_CA"}
NBSP: Final = "\u00a0"
# The marker every demonstration value carries (the catalogue's demo_mark.value).
DEMO: Final = {"en": " [demo]", "fr": " [démo]"}

QUALIFIED: Final[dict[str, dict[str, str]]] = {
    "en": {"more_than": "more than {}", "at_least": "at least {}", "about": "about {}",
           "nearly": "nearly {}", "up_to": "up to {}"},
    "fr": {"more_than": "plus de {}", "at_least": "au moins {}", "about": "environ {}",
           "nearly": "près de {}", "up_to": "jusqu’à {}"},
}

TEMPLATES: Final[dict[str, dict[str, str]]] = {
    "en": {
        "compared": "{achieved} {unit} from {from_} to {to} compared with {expected} expected "
                    "by then on a straight line from {baseline} on {start} to {target} by {end}"
                    "; ratio {ratio}.",
        "achieved": "{achieved} {unit} from {from_} to {to}: the target of {target} by {end} "
                    "has been reached.",
        "no_data": "No figure reported yet for the target period ({start} to {end}); "
                   "the target is {target} by {end}.",
        "no_data_expected": "No figure reported yet for the target period ({start} to {end}); "
                            "{expected} {unit} would be expected by {to} on a straight line "
                            "from {baseline} on {start} to {target} by {end}.",
        "period_not_started": "The target period starts on {start}.",
        "no_baseline": "The target of {target} is a level with no published baseline: there is "
                       "no line to measure progress along.",
        "no_target": "No numeric target has been published for this indicator, so it is not "
                     "assessed.",
        "not_applicable": "Reported activity: a rise can mean more victims are being found, so "
                          "it is not judged good or bad.",
        "assumed": "0 (no baseline published: counted from the start of the target period)",
    },
    "fr": {
        "compared": "{achieved} {unit} du {from_} au {to}, contre {expected} attendus à "
                    "cette date selon une droite allant de {baseline} le {start} à {target} au "
                    "{end}{nbsp}; ratio de {ratio}.",
        "achieved": "{achieved} {unit} du {from_} au {to}{nbsp}: la cible de {target} au {end} "
                    "est atteinte.",
        "no_data": "Aucun chiffre déclaré pour la période de la cible (du {start} au {end})"
                   "{nbsp}; la cible est de {target} au {end}.",
        "no_data_expected": "Aucun chiffre déclaré pour la période de la cible (du {start} au "
                            "{end}){nbsp}; {expected} {unit} seraient attendus au {to} selon une "
                            "droite allant de {baseline} le {start} à {target} au {end}.",
        "period_not_started": "La période de la cible commence le {start}.",
        "no_baseline": "La cible de {target} est un niveau sans valeur de référence publiée"
                       "{nbsp}: aucune droite ne permet de mesurer la progression.",
        "no_target": "Aucune cible chiffrée n’a été publiée pour cet indicateur{nbsp}: il "
                     "n’est pas évalué.",
        "not_applicable": "Activité signalée{nbsp}: une hausse peut signifier que davantage de "
                          "victimes sont repérées{nbsp}; elle n’est jugée ni bonne ni mauvaise.",
        "assumed": "0 (aucune valeur de référence publiée{nbsp}: compté depuis le début de la "
                   "période de la cible)",
    },
}


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


def number(value: float, lang: str, decimals: int = 3) -> str:
    pattern = "#,##0" if float(value).is_integer() else "#,##0." + "#" * decimals
    return format_decimal(value, format=pattern, locale=LOCALES[lang])


def ratio_text(value: float, lang: str) -> str:
    """A ratio to two decimals, always both shown (1.30, not 1.3)."""
    return format_decimal(round(value, 2), format="#,##0.00", locale=LOCALES[lang])


def long_date(value: date, lang: str) -> str:
    text = format_date(value, format="long", locale=LOCALES[lang])
    # French writes the first of the month as an ordinal ("1er avril 2025").
    return "1er " + text[2:] if lang == "fr" and value.day == 1 else text


def _qualified(value: float, qualifier: str, lang: str) -> str:
    text = number(value, lang)
    return QUALIFIED[lang][qualifier].format(text) if qualifier in QUALIFIED[lang] else text


def sentence(kind: str, numbers: Numbers, lang: str) -> str:
    """The basis sentence of ``kind`` (a status or a not-assessed reason) in ``lang``."""
    n = numbers

    def when(value: date | None) -> str:
        return long_date(value, lang) if value else ""

    fields = {
        "nbsp": NBSP,
        "unit": n.unit_fr if lang == "fr" else n.unit_en,
        "achieved": "" if n.achieved is None
        else _qualified(n.achieved, n.achieved_qualifier, lang) + (DEMO[lang] if n.demo else ""),
        "from_": when(n.period_start), "to": when(n.period_end),
        "expected": "" if n.expected is None else number(n.expected, lang),
        "baseline": TEMPLATES[lang]["assumed"].format(nbsp=NBSP) if n.baseline_is_assumed
        else "" if n.baseline is None else number(n.baseline, lang),
        "target": "" if n.target is None else number(n.target, lang),
        "start": when(n.target_start), "end": when(n.target_end),
        "ratio": "" if n.ratio is None else ratio_text(n.ratio, lang),
    }
    return TEMPLATES[lang][kind].format(**fields)
