"""The public columns of the download set: one declaration drives the CSV headers (English or
French), the pandas dtypes, the Frictionless table schemas and the data dictionary.

Field names are the English headers; ``name_fr`` is the French header. ``kind`` is the
Frictionless type (``string``, ``number``, ``integer``, ``boolean``, ``date``).

Every text column has a ``role``, written in the data dictionary:

* ``code``: a stable code, the same in both languages (ids, controlled vocabularies such as
  ``qualifier=more_than``, ISO language codes, addresses). Scripts join and filter on these.
* ``label``: words in the file's language (names, definitions, notes, and the ``*_label``
  column beside every controlled vocabulary: ``qualifier_label`` says "plus de" in a French
  file where ``qualifier`` says ``more_than`` in both).
* ``verbatim``: as published or as recorded, in the language of the document (the sentence a
  figure was read from, a document's title, a note a program recorded).

A code column whose values are words (``labels=`` a catalogue section) gets its ``*_label``
column appended at the end of its table, so no existing column ever moves.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal

from pipelines.vocabulary import (
    INTERPRETATIONS,
    MEASURES,
    MILESTONE_KINDS,
    MILESTONE_STATUSES,
    OBSERVATION_STATUSES,
    PERIOD_BASES,
    PILLARS,
    PROGRESS_REASONS,
    PROGRESS_STATUSES,
    QUALIFIERS,
    SOURCE_KINDS,
    TARGET_KINDS,
    TOPICS,
    VALUE_BASES,
)

Kind = Literal["string", "number", "integer", "boolean", "date"]
Role = Literal["code", "label", "verbatim", "value"]


@dataclass(frozen=True)
class Field:
    name: str
    name_fr: str
    kind: Kind
    en: str
    fr: str
    allowed: tuple[str, ...] = ()
    role: Role = "value"
    labels: str | None = None  # catalogue section naming each code (code columns)
    label_of: str | None = None  # the code column this label column spells out

    def header(self, lang: str) -> str:
        return self.name_fr if lang == "fr" else self.name

    def description(self) -> str:
        return f"{self.en} / {self.fr}"


def _f(name: str, name_fr: str, kind: Kind, en: str, fr: str,
       allowed: frozenset[str] | tuple[str, ...] = (), role: Role | None = None,
       labels: str | None = None) -> Field:
    if role is None:
        role = "code" if kind == "string" else "value"
    return Field(name, name_fr, kind, en, fr, tuple(sorted(allowed)), role, labels)


def _label(code: Field) -> Field:
    """The ``*_label`` column of a code column whose codes are words."""
    return Field(f"{code.name}_label", f"{code.name_fr}_libelle", "string",
                 f"{code.name} in words, in the file's language (the code stays in {code.name})",
                 f"{code.name_fr} en toutes lettres, dans la langue du fichier (le code reste "
                 f"dans {code.name_fr})", role="label", label_of=code.name)


def _with_labels(fields: tuple[Field, ...]) -> tuple[Field, ...]:
    return (*fields, *(_label(f) for f in fields if f.labels))


_SOURCE_ID = _f("source_id", "id_source", "string", "Source document id (see sources.csv)",
                "Identifiant du document source (voir sources.csv)")
_LOCATOR = _f("locator", "localisateur", "string",
              "The sentence or table cell the figure was read from, as published",
              "La phrase ou la cellule du tableau d’où provient le chiffre, telle que publiée",
              role="verbatim")
_INDICATOR_ID = _f("indicator_id", "id_indicateur", "string", "Stable indicator id",
                   "Identifiant stable de l’indicateur")
_INDICATOR_NAME = _f("indicator_name", "indicateur", "string", "Indicator name",
                     "Nom de l’indicateur", role="label")
_PILLAR = _f("pillar_id", "id_pilier", "string",
             "Strategy pillar (empty for strategy-wide and context indicators)",
             "Pilier de la stratégie (vide pour les indicateurs globaux et de contexte)", PILLARS)
_UNIT = _f("unit", "unite", "string", "Unit id", "Identifiant de l’unité")
_UNIT_NAME = _f("unit_name", "nom_unite", "string", "Unit name", "Nom de l’unité",
                role="label")
_NOTE = _f("note", "note", "string",
           "Note in the file's language; a note published in the other language only starts "
           "with [French only] (see note_language)",
           "Note dans la langue du fichier; une note publiée seulement dans l’autre langue "
           "commence par [en anglais seulement] (voir langue_note)", role="label")
_NOTE_LANGUAGE = _f("note_language", "langue_note", "string",
                    "Language of the note as given (en or fr; empty without a note)",
                    "Langue de la note telle que donnée (en ou fr; vide sans note)",
                    ("en", "fr"))


def _dates(prefix: str, prefix_fr: str, what: str, what_fr: str) -> tuple[Field, Field]:
    return (_f(f"{prefix}_start", f"debut_{prefix_fr}", "date", f"First day of the {what}",
               f"Premier jour de la {what_fr}"),
            _f(f"{prefix}_end", f"fin_{prefix_fr}", "date", f"Last day of the {what}",
               f"Dernier jour de la {what_fr}"))


FIELDS: Final[dict[str, tuple[Field, ...]]] = {
    "observations": (
        _f("observation_id", "id_observation", "string", "Stable observation id",
           "Identifiant stable de l’observation"),
        _INDICATOR_ID, _INDICATOR_NAME, _PILLAR,
        _f("geography", "geographie", "string", "Geography id", "Identifiant de la géographie"),
        _f("geography_name", "nom_geographie", "string", "Geography name",
           "Nom de la géographie", role="label"),
        _f("breakdown", "ventilation", "string",
           "'total' or 'dimension:value' for a breakdown below the total",
           "« total » ou « dimension:valeur » pour une ventilation sous le total",
           labels="label_breakdown"),
        *_dates("period", "periode", "period (ISO date; empty when not stated)",
                "période (date ISO; vide si non précisée)"),
        _f("period_basis", "base_periode", "string",
           "How the period was read: stated, as_of (cumulative to period_end), inferred, "
           "not_stated",
           "Lecture de la période : stated (précisée), as_of (cumul à la fin), inferred "
           "(déduite), not_stated (non précisée)", PERIOD_BASES, labels="label_period_basis"),
        _f("value", "valeur", "number", "The figure; empty when suppressed",
           "Le chiffre; vide lorsqu’il est supprimé"),
        _f("qualifier", "qualificatif", "string",
           "How the source qualifies the figure (more_than = '29,000+'; range = a printed "
           "range up to value_high; all = a printed 'all', stored as 100 percent)",
           "Comment la source qualifie le chiffre (more_than = « plus de 29 000 »; range = une "
           "fourchette publiée jusqu’à valeur_haute; all = un « tous » publié, noté 100 %)",
           QUALIFIERS, labels="label_qualifier"),
        _UNIT, _UNIT_NAME, _SOURCE_ID, _LOCATOR,
        _f("status", "statut", "string",
           "published, submitted (quarterly submission), revised, demo (invented test data)",
           "published (publié), submitted (soumis), revised (révisé), demo (fictif, pour essais)",
           OBSERVATION_STATUSES, labels="obs_status"),
        _f("suppressed", "supprime", "boolean",
           "true when the value is hidden to protect small counts of people",
           "true lorsque la valeur est masquée pour protéger de petits nombres de personnes"),
        _f("revision", "revision", "boolean", "true when this value replaced an earlier one",
           "true lorsque cette valeur a remplacé une valeur antérieure"),
        _NOTE,
        # Added after the first release: appended so no existing column moves.
        _f("value_high", "valeur_haute", "number",
           "The high end of a printed range (qualifier range: '45-50' is value 45, value_high "
           "50); empty otherwise",
           "La borne supérieure d’une fourchette publiée (qualificatif range : « 45-50 » donne "
           "valeur 45 et valeur_haute 50); vide sinon"),
        _f("value_basis", "base_valeur", "string",
           "printed (the source prints the value) or derived (worked out by the project from "
           "what the source prints; see the note)",
           "printed (la source imprime la valeur) ou derived (déduite par le projet de ce que "
           "la source imprime; voir la note)", VALUE_BASES, labels="label_value_basis"),
        _NOTE_LANGUAGE,
    ),
    "indicators": (
        _INDICATOR_ID, _PILLAR,
        _f("topic", "theme", "string", "Topic", "Thème", TOPICS, labels="label_topic"),
        _f("name", "nom", "string", "Indicator name", "Nom de l’indicateur", role="label"),
        _UNIT, _UNIT_NAME,
        _f("measure", "mesure", "string", "What the figure measures",
           "Ce que mesure le chiffre", MEASURES, labels="measure"),
        _f("interpretation", "interpretation", "string",
           "How to read a change (reported_activity: a rise can mean more victims are found)",
           "Comment lire une variation (reported_activity : une hausse peut signifier que "
           "davantage de victimes sont repérées)", INTERPRETATIONS, labels="label_interpretation"),
        _f("definition", "definition", "string", "Definition", "Définition", role="label"),
        _f("sort_order", "ordre", "integer", "Display order", "Ordre d’affichage"),
    ),
    "targets": (
        _INDICATOR_ID, _INDICATOR_NAME,
        _f("target_kind", "type_cible", "string", "cumulative, annual_floor or level",
           "cumulative (cumul), annual_floor (plancher annuel) ou level (niveau)",
           TARGET_KINDS, labels="label_target_kind"),
        _f("target_value", "valeur_cible", "number", "Target value", "Valeur cible"),
        *_dates("period", "periode", "target period", "période de la cible"),
        _f("baseline_value", "valeur_reference", "number",
           "Baseline value (empty when none is published)",
           "Valeur de référence (vide si aucune n’est publiée)"),
        *_dates("baseline_period", "periode_reference", "baseline period",
                "période de référence"),
        _SOURCE_ID, _LOCATOR, _NOTE, _NOTE_LANGUAGE,
    ),
    "milestones": (
        _f("milestone_id", "id_jalon", "string", "Stable deliverable id",
           "Identifiant stable du livrable"),
        _PILLAR,
        _f("kind", "type", "string", "activity or improvement",
           "activity (activité) ou improvement (amélioration)", MILESTONE_KINDS,
           labels="milestone"),
        _f("text", "texte", "string", "The commitment in the file's language (the French is "
           "the strategy's own bullet; the English, our translation)",
           "L’engagement dans la langue du fichier (le français est la puce de la stratégie; "
           "l’anglais, notre traduction)", role="label"),
        _f("status", "statut", "string", "Delivery status", "État d’avancement",
           MILESTONE_STATUSES, labels="milestone"),
        _f("status_date", "date_statut", "date", "Date of the status",
           "Date de l’état d’avancement"),
        _f("note", "note", "string", "Note as recorded with the status",
           "Note telle qu’inscrite avec l’état", role="verbatim"),
        _SOURCE_ID, _LOCATOR,
    ),
    "sources": (
        _SOURCE_ID,
        _f("title", "titre", "string", "Title as published", "Titre tel que publié",
           role="verbatim"),
        _f("publisher", "editeur", "string", "Publisher", "Éditeur", role="label"),
        _f("language", "langue", "string", "Language of the document",
           "Langue du document", ("en", "fr"), labels="label_language"),
        _f("published", "publication", "string",
           "Publication date as precise as known (YYYY, YYYY-MM or YYYY-MM-DD)",
           "Date de publication aussi précise que connue (AAAA, AAAA-MM ou AAAA-MM-JJ)"),
        _f("published_about", "date_approximative", "boolean",
           "true when the publication date is approximate",
           "true lorsque la date de publication est approximative"),
        _f("url", "url", "string", "Where the document was published",
           "Où le document a été publié"),
        _f("sha256", "sha256", "string", "sha256 of the copy the figures were read from",
           "sha256 de la copie dont les chiffres ont été lus"),
        _f("kind", "type", "string", "document, context, submission or demo",
           "document, context (contexte), submission (soumission) ou demo",
           SOURCE_KINDS, labels="label_source_kind"),
        _f("edition", "edition", "string", "Short label for citations",
           "Libellé court pour les citations", role="label"),
    ),
}

def _number(name: str, name_fr: str, en: str, fr: str) -> Field:
    return _f(name, name_fr, "number", en, fr)


def _qualifier(of: str, of_fr: str, name: str, name_fr: str) -> Field:
    return _f(name, name_fr, "string", f"How {of} is qualified (at_least when a quarter is "
              "missing or suppressed)", f"Qualificatif de {of_fr} (at_least s’il manque un "
              "trimestre ou qu’un trimestre est supprimé)", QUALIFIERS, labels="label_qualifier")


# marts.progress: every status, figure to date and period, as the pages show them.
FIELDS["progress"] = (
    _INDICATOR_ID, _INDICATOR_NAME, _PILLAR,
    _f("as_of_quarter", "trimestre", "string", "Fiscal quarter assessed, e.g. 2026-27Q2",
       "Trimestre de l’exercice évalué, sous forme de code : « 2026-27Q2 » pour 2026-27 T2"),
    *_dates("quarter", "trimestre", "quarter", "trimestre"),
    _f("is_latest", "dernier", "boolean", "true for the indicator's latest assessed quarter",
       "true pour le dernier trimestre évalué de l’indicateur"),
    _f("to_date_kind", "type_cumul", "string",
       "What the figure to date adds up: since_start (since the target period began), "
       "fiscal_year (since 1 April), latest (the latest level)",
       "Ce que cumule le chiffre à ce jour : since_start (depuis le début de la période de la "
       "cible), fiscal_year (depuis le 1er avril), latest (le dernier niveau)",
       ("fiscal_year", "latest", "since_start"), labels="label_to_date_kind"),
    *_dates("period", "periode", "period the figure to date covers",
            "période couverte par le chiffre à ce jour"),
    _number("value_to_date", "valeur_a_ce_jour", "The figure the status is decided on",
            "Le chiffre sur lequel l’état est établi"),
    _qualifier("the figure to date", "chiffre à ce jour", "value_to_date_qualifier",
               "qualificatif_a_ce_jour"),
    _f("value_to_date_status", "statut_a_ce_jour", "string",
       "Status of the figures behind it (demo: invented test data)",
       "Statut des chiffres sous-jacents (demo : données d’essai fictives)",
       OBSERVATION_STATUSES, labels="obs_status"),
    _number("value_this_quarter", "valeur_trimestre", "The quarter's submitted provincial "
            "total; empty when missing or suppressed", "Total provincial soumis pour le "
            "trimestre; vide s’il manque ou est supprimé"),
    _qualifier("the quarter's value", "valeur du trimestre", "value_this_quarter_qualifier",
               "qualificatif_trimestre"),
    _f("this_quarter_state", "etat_trimestre", "string",
       "submitted, revised, demo, suppressed or missing",
       "submitted (soumis), revised (révisé), demo, suppressed (supprimé) ou missing (manquant)",
       ("demo", "missing", "revised", "submitted", "suppressed"), labels="label_quarter_state"),
    _number("value_previous_quarter", "valeur_trimestre_precedent", "The previous quarter's "
            "value", "Valeur du trimestre précédent"),
    _number("value_same_quarter_last_year", "valeur_an_dernier", "The same quarter's value a "
            "year earlier", "Valeur du même trimestre l’an dernier"),
    _number("change_previous_quarter", "variation_trimestre", "Change on the previous "
            "quarter (never from a missing value)", "Variation sur le trimestre précédent "
            "(jamais à partir d’une valeur manquante)"),
    _number("change_previous_quarter_pct", "variation_trimestre_pct", "Same, in percent "
            "(empty when the earlier value is 0)", "Idem, en pourcentage (vide si la valeur "
            "antérieure est 0)"),
    _number("change_same_quarter_last_year", "variation_an", "Change on the same quarter last "
            "year", "Variation sur le même trimestre l’an dernier"),
    _number("change_same_quarter_last_year_pct", "variation_an_pct", "Same, in percent",
            "Idem, en pourcentage"),
    _f("change_is_approximate", "variation_approximative", "boolean", "true when a qualified "
       "value is involved", "true lorsqu’une valeur qualifiée intervient"),
    _number("fiscal_year_to_date", "cumul_exercice", "Sum since 1 April of the fiscal year "
            "(quantities that add up only)", "Somme depuis le 1er avril de l’exercice "
            "(quantités additives seulement)"),
    _qualifier("the fiscal year to date", "cumul de l’exercice",
               "fiscal_year_to_date_qualifier", "qualificatif_cumul_exercice"),
    _f("target_kind", "type_cible", "string", "cumulative, annual_floor or level",
       "cumulative (cumul), annual_floor (plancher annuel) ou level (niveau)", TARGET_KINDS,
       labels="label_target_kind"),
    _number("target_value", "valeur_cible", "Target value (empty: no numeric target "
            "published)", "Valeur cible (vide : aucune cible chiffrée publiée)"),
    *_dates("target_period", "periode_cible", "target period", "période de la cible"),
    _number("baseline_value", "valeur_depart", "Where the straight line to the target starts",
            "Point de départ de la droite vers la cible"),
    _f("baseline_is_assumed", "depart_suppose", "boolean", "true when no baseline is "
       "published and a cumulative target counts from 0", "true lorsqu’aucune valeur de "
       "référence n’est publiée et qu’une cible cumulative part de 0"),
    _number("expected_to_date", "attendu_a_ce_jour", "Expected by then on the straight line "
            "(a whole number for counts)", "Attendu à cette date selon la droite (nombre "
            "entier pour les dénombrements)"),
    _number("ratio", "ratio", "value_to_date ÷ expected_to_date", "valeur_a_ce_jour ÷ "
            "attendu_a_ce_jour"),
    _number("share_elapsed", "part_ecoulee", "Share of the target period elapsed",
            "Part de la période de la cible écoulée"),
    _f("assessed_at", "evalue_au", "date", "The day the figure to date runs to",
       "Jour jusqu’auquel court le chiffre à ce jour"),
    _f("status", "etat", "string", "Status against the target", "État par rapport à la cible",
       PROGRESS_STATUSES, labels="status"),
    _f("status_reason", "raison", "string", "Why it is not assessed",
       "Pourquoi il n’est pas évalué", PROGRESS_REASONS, labels="label_status_reason"),
    _f("status_previous", "etat_precedent", "string", "Status one quarter earlier",
       "État au trimestre précédent", PROGRESS_STATUSES, labels="status"),
    _f("status_changed", "etat_change", "boolean", "true when the status changed since the "
       "previous quarter", "true lorsque l’état a changé depuis le trimestre précédent"),
    _f("basis", "fondement", "string", "Which figures were compared, in words",
       "Les chiffres comparés, en mots", role="label"),
    _f("method", "methode", "string", "Version of the published method",
       "Version de la méthode publiée"),
)

FIELDS.update({table: _with_labels(fields) for table, fields in FIELDS.items()})
TABLES: Final[tuple[str, ...]] = tuple(FIELDS)
PRIMARY_KEYS: Final[dict[str, tuple[str, ...]]] = {
    "observations": ("observation_id",), "indicators": ("indicator_id",),
    "targets": ("indicator_id", "period_start", "period_end"),
    "milestones": ("milestone_id",), "sources": ("source_id",),
    "progress": ("indicator_id", "as_of_quarter"),
}
FOREIGN_KEYS: Final[dict[str, tuple[tuple[str, str, str], ...]]] = {
    "observations": (("indicator_id", "indicators", "indicator_id"),
                     ("source_id", "sources", "source_id")),
    "targets": (("indicator_id", "indicators", "indicator_id"),
                ("source_id", "sources", "source_id")),
    "milestones": (("source_id", "sources", "source_id"),),
    "progress": (("indicator_id", "indicators", "indicator_id"),),
}
# The pandas dtypes a CSV reads back with (documented in docs/researchers.md and the notebook);
# dates are parsed (``parse_dates``) into datetime64. readr's column types, the same for R.
PANDAS_DTYPES: Final[dict[str, str]] = {"string": "string", "number": "float64",
                                        "integer": "Int64", "boolean": "boolean",
                                        "date": "datetime64"}
READR_TYPES: Final[dict[str, str]] = {"string": "col_character()", "number": "col_double()",
                                      "integer": "col_integer()", "boolean": "col_logical()",
                                      "date": "col_date()"}


def headers(table: str, lang: str) -> list[str]:
    return [f.header(lang) for f in FIELDS[table]]


def read_csv_kwargs(table: str, lang: str = "en") -> dict[str, object]:
    """``pandas.read_csv`` arguments that give every column its documented dtype."""
    fields = FIELDS[table]
    return {
        "dtype": {f.header(lang): PANDAS_DTYPES[f.kind] for f in fields if f.kind != "date"},
        "parse_dates": [f.header(lang) for f in fields if f.kind == "date"],
        "keep_default_na": False, "na_values": {f.header(lang): [""] for f in fields},
    }
