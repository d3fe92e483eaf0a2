"""French typography of a text: what changes, and what must not (addresses, codes)."""

from __future__ import annotations

import pytest

from pipelines.language.typography import french

NB = "\u00a0"


@pytest.mark.parametrize(("text", "expected"), [
    ("En danger? Composez le 911.", f"En danger{NB}? Composez le 911."),
    ("Cible : 1 100", f"Cible{NB}: 1 100"),
    ("Le Quotidien: La police", f"Le Quotidien{NB}: La police"),
    ("moins de 60 %; progrès", f"moins de 60{NB}%{NB}; progrès"),
    ("ratio de 95%", f"ratio de 95{NB}%"),
    ("« plus de » ou «au moins»", f"«{NB}plus de{NB}» ou «{NB}au moins{NB}»"),
    ("la Section de l'exploitation", "la Section de l\u2019exploitation"),
    ("Stop!", f"Stop{NB}!"),
])
def test_french_spacing_and_apostrophes(text: str, expected: str) -> None:
    assert french(text) == expected
    assert french(expected) == expected  # applying it twice changes nothing


@pytest.mark.parametrize("text", [
    "Disponible à https://tracker.example/data?lang=fr&x=1",
    "voir /download/observations.csv?lang=fr",
    "« dimension:valeur » et 10:30",
    "",
])
def test_addresses_and_codes_are_left_alone(text: str) -> None:
    assert french(text).replace(NB, " ") == text


def test_a_text_that_opens_on_a_high_sign_is_spaced_from_what_precedes_it() -> None:
    # "<strong>En bonne voie</strong>: chaque…" and "<a>…</a>; <a>…</a>" are two texts.
    assert french(": chaque indicateur") == "\u00a0: chaque indicateur"
    assert french("; ") == "\u00a0; "
    assert french("?") == "?"  # a sign alone is not a sentence's end
