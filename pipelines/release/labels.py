"""The ``*_label`` columns of the download set, in the file's language, and notes marked
when they exist only in the other language (pipelines/release/public_fields.py says which
column is a code, a label or verbatim).

Labels come from the catalogue section each code column names (``qualifier`` ->
``label_qualifier.more_than`` = "plus de"); a breakdown is "dimension: value" spelled out
("âge : 12 à 15 ans"), and one the catalogue does not name keeps its value after the
dimension's name. Each distinct code is looked up once per batch of rows.
"""

from __future__ import annotations

import pandas as pd

from pipelines.language.i18n import Lang, normalise_lang, t
from pipelines.release.public_fields import FIELDS, Field


def label(section: str, code: str, lang: str) -> str:
    """The words of ``code`` in ``lang`` (the code itself when the catalogue has none)."""
    try:
        return t(f"{section}.{code}", lang)
    except KeyError:
        if section == "label_breakdown" and ":" in code:
            dimension, value = code.split(":", 1)
            return f"{label(section, dimension, lang)}{' : ' if lang == 'fr' else ': '}{value}"
        return code


def _column(frame: pd.DataFrame, code: Field, lang: str) -> pd.Series:
    assert code.labels is not None
    values = frame[code.name]
    words = {v: label(code.labels, str(v), lang) for v in values.dropna().unique()}
    return values.map(words).astype(object).where(values.notna(), None)


def mark_notes(frame: pd.DataFrame, lang: Lang) -> None:
    """Start a note given only in the other language with "[English only]" /
    "[en anglais seulement]" (in place)."""
    if "note_language" not in frame.columns:
        return
    other = frame["note_language"].notna() & (frame["note_language"] != lang) \
        & frame["note"].notna()
    if other.any():
        marker = t("label_note.only_en" if lang == "fr" else "label_note.only_fr", lang)
        frame.loc[other, "note"] = marker + " " + frame.loc[other, "note"].astype(str)


def with_labels(frame: pd.DataFrame, table: str, lang: str) -> pd.DataFrame:
    """``frame`` (the public query's columns) with every ``*_label`` column of ``table``
    added and notes marked, in ``lang``."""
    language = normalise_lang(lang)
    fields = {f.name: f for f in FIELDS[table]}
    for field in FIELDS[table]:
        if field.label_of and field.label_of in frame.columns:
            frame[field.name] = _column(frame, fields[field.label_of], language)
    mark_notes(frame, language)
    return frame
