"""Columns several public tables share, declared once."""

from __future__ import annotations

from typing import Final

from pipelines.release.public_fields.model import Field, field, made, required
from pipelines.vocabulary import PILLARS

SOURCE_ID: Final = required(field(
    "source_id", "id_source", "string", "Source document id (see sources.csv)",
    "Identifiant du document source (voir sources.csv)"))
LOCATOR: Final = required(field(
    "locator", "localisateur", "string",
    "The sentence or table cell the figure was read from, as published",
    "La phrase ou la cellule du tableau d’où provient le chiffre, telle que publiée",
    role="verbatim"))
INDICATOR_ID: Final = required(field(
    "indicator_id", "id_indicateur", "string", "Stable indicator id",
    "Identifiant stable de l’indicateur"))
# The indicator's name in the file's language, joined from marts.indicators.
INDICATOR_NAME: Final = made(field(
    "indicator_name", "indicateur", "string", "Indicator name", "Nom de l’indicateur",
    role="label"), required=True)
PILLAR: Final = field(
    "pillar_id", "id_pilier", "string",
    "Strategy pillar (empty for strategy-wide and context indicators)",
    "Pilier de la stratégie (vide pour les indicateurs globaux et de contexte)", PILLARS)
UNIT: Final = required(field("unit", "unite", "string", "Unit id", "Identifiant de l’unité"))
# Joined from marts.units (empty for a unit it does not list).
UNIT_NAME: Final = made(field("unit_name", "nom_unite", "string", "Unit name",
                              "Nom de l’unité", role="label"))
# note_en or note_fr, the file's language first.
NOTE: Final = made(field(
    "note", "note", "string",
    "Note in the file's language; a note published in the other language only starts "
    "with [French only] (see note_language)",
    "Note dans la langue du fichier; une note publiée seulement dans l’autre langue "
    "commence par [en anglais seulement] (voir langue_note)", role="label"))
NOTE_LANGUAGE: Final = made(field(
    "note_language", "langue_note", "string",
    "Language of the note as given (en or fr; empty without a note)",
    "Langue de la note telle que donnée (en ou fr; vide sans note)", ("en", "fr")))


def dates(prefix: str, prefix_fr: str, what: str, what_fr: str, *,
          needed: bool = False) -> tuple[Field, Field]:
    """``<prefix>_start`` and ``<prefix>_end``: the first and last day of a period."""
    return (field(f"{prefix}_start", f"debut_{prefix_fr}", "date", f"First day of the {what}",
                  f"Premier jour de la {what_fr}", required=needed),
            field(f"{prefix}_end", f"fin_{prefix_fr}", "date", f"Last day of the {what}",
                  f"Dernier jour de la {what_fr}", required=needed))
