"""The figures: observations, the indicators they measure and the published targets."""

from __future__ import annotations

from typing import Final

from pipelines.release.public_fields.common import (
    INDICATOR_ID,
    INDICATOR_NAME,
    LOCATOR,
    NOTE,
    NOTE_LANGUAGE,
    PILLAR,
    SOURCE_ID,
    UNIT,
    UNIT_NAME,
    dates,
)
from pipelines.release.public_fields.model import Rule, Stored, Table, field, made, required
from pipelines.vocabulary import (
    INTERPRETATIONS,
    MEASURES,
    OBSERVATION_STATUSES,
    PERIOD_BASES,
    QUALIFIERS,
    TARGET_KINDS,
    TOPICS,
    VALUE_BASES,
)

_NOTES: Final = (Stored("note_en", "VARCHAR", False, "the note in English"),
                 Stored("note_fr", "VARCHAR", False, "the note in French"))

# Every figure: published, submitted (the public rows of the quarterly submissions),
# revised, demonstration.
OBSERVATIONS: Final = Table("observations", "marts.observations", (
    required(field("observation_id", "id_observation", "string", "Stable observation id",
                   "Identifiant stable de l’observation")),
    INDICATOR_ID, INDICATOR_NAME, made(PILLAR),
    required(field("geography", "geographie", "string", "Geography id",
                   "Identifiant de la géographie")),
    made(field("geography_name", "nom_geographie", "string", "Geography name",
               "Nom de la géographie", role="label")),
    required(field("breakdown", "ventilation", "string",
                   "'total' or 'dimension:value' for a breakdown below the total",
                   "« total » ou « dimension:valeur » pour une ventilation sous le total",
                   labels="label_breakdown")),
    *dates("period", "periode", "period (ISO date; empty when not stated)",
           "période (date ISO; vide si non précisée)"),
    required(field("period_basis", "base_periode", "string",
                   "How the period was read: stated, as_of (cumulative to period_end), "
                   "inferred, not_stated",
                   "Lecture de la période : stated (précisée), as_of (cumul à la fin), inferred "
                   "(déduite), not_stated (non précisée)", PERIOD_BASES,
                   labels="label_period_basis")),
    # Stored NULL only when suppressed; the files leave a suppressed value empty whatever is
    # stored.
    field("value", "valeur", "number", "The figure; empty when suppressed",
          "Le chiffre; vide lorsqu’il est supprimé"),
    required(field("qualifier", "qualificatif", "string",
                   "How the source qualifies the figure (more_than = '29,000+'; range = a "
                   "printed range up to value_high; all = a printed 'all', stored as 100 "
                   "percent)",
                   "Comment la source qualifie le chiffre (more_than = « plus de 29 000 »; "
                   "range = une fourchette publiée jusqu’à valeur_haute; all = un « tous » "
                   "publié, noté 100 %)", QUALIFIERS, labels="label_qualifier")),
    UNIT, UNIT_NAME, SOURCE_ID, LOCATOR,
    required(field("status", "statut", "string",
                   "published, submitted (quarterly submission), revised, demo (invented test "
                   "data)",
                   "published (publié), submitted (soumis), revised (révisé), demo (fictif, "
                   "pour essais)", OBSERVATION_STATUSES, labels="obs_status")),
    required(field("suppressed", "supprime", "boolean",
                   "true when the value is hidden to protect small counts of people",
                   "true lorsque la valeur est masquée pour protéger de petits nombres de "
                   "personnes")),
    Stored("series_id", "VARCHAR", False,
           "context rows: the series_id of data/raw/context-figures.csv"),
    Stored("load_id", "BIGINT", False, "submissions: the meta.loads row that supplied the value"),
    required(field("revision", "revision", "boolean",
                   "true when this value replaced an earlier one",
                   "true lorsque cette valeur a remplacé une valeur antérieure")),
    *_NOTES, NOTE,
    # Added after the first release: appended so no existing column moves.
    field("value_high", "valeur_haute", "number",
          "The high end of a printed range (qualifier range: '45-50' is value 45, value_high "
          "50); empty otherwise",
          "La borne supérieure d’une fourchette publiée (qualificatif range : « 45-50 » donne "
          "valeur 45 et valeur_haute 50); vide sinon"),
    # A derived value is never a headline figure (marts.latest_figures skips it).
    required(field("value_basis", "base_valeur", "string",
                   "printed (the source prints the value) or derived (worked out by the "
                   "project from what the source prints; see the note)",
                   "printed (la source imprime la valeur) ou derived (déduite par le projet de "
                   "ce que la source imprime; voir la note)", VALUE_BASES,
                   labels="label_value_basis", default="'printed'")),
    NOTE_LANGUAGE,
),
    # Columns added from now on go here: after every published column (model.Table).
    added=(),
    primary_key=("observation_id",),
    foreign_keys=(("indicator_id", "indicators", "indicator_id"),
                  ("source_id", "sources", "source_id")),
    rules=(Rule("published values are present", "value IS NULL AND NOT suppressed",
                "value is missing"),
           Rule("suppressed values are hidden", "suppressed AND value IS NOT NULL",
                "suppressed but value kept"),
           Rule("percentages are at most 100",
                "value > 100 AND indicator_id NOT LIKE '%yoy%' AND unit IN "
                "(SELECT unit FROM marts.units WHERE kind = 'percent')",
                "percentage above 100")))

INDICATORS: Final = Table("indicators", "marts.indicators", (
    INDICATOR_ID, PILLAR,
    required(field("topic", "theme", "string", "Topic", "Thème", TOPICS,
                   labels="label_topic")),
    Stored("name_en", "VARCHAR", True, "the indicator's name in English"),
    Stored("name_fr", "VARCHAR", True, "the indicator's name in French"),
    made(field("name", "nom", "string", "Indicator name", "Nom de l’indicateur",
               role="label"), required=True),
    UNIT, UNIT_NAME,
    required(field("measure", "mesure", "string", "What the figure measures",
                   "Ce que mesure le chiffre", MEASURES, labels="measure")),
    required(field("interpretation", "interpretation", "string",
                   "How to read a change (reported_activity: a rise can mean more victims are "
                   "found)",
                   "Comment lire une variation (reported_activity : une hausse peut signifier "
                   "que davantage de victimes sont repérées)", INTERPRETATIONS,
                   labels="label_interpretation")),
    Stored("reporting_note", "BOOLEAN", True,
           'pages say "more reported cases can mean the strategy is working"'),
    Stored("headline", "BOOLEAN", True, "shown on the overview card of its pillar"),
    made(field("definition", "definition", "string", "Definition", "Définition",
               role="label"), required=True),
    required(field("sort_order", "ordre", "integer", "Display order", "Ordre d’affichage")),
    Stored("definition_en", "VARCHAR", True, "the definition in English"),
    Stored("definition_fr", "VARCHAR", True, "the definition in French"),
),
    # Columns added from now on go here: after every published column (model.Table).
    added=(),
    primary_key=("indicator_id",))

TARGETS: Final = Table("targets", "marts.targets", (
    INDICATOR_ID, INDICATOR_NAME,
    required(field("target_kind", "type_cible", "string", "cumulative, annual_floor or level",
                   "cumulative (cumul), annual_floor (plancher annuel) ou level (niveau)",
                   TARGET_KINDS, labels="label_target_kind")),
    required(field("target_value", "valeur_cible", "number", "Target value", "Valeur cible")),
    *dates("period", "periode", "target period", "période de la cible", needed=True),
    field("baseline_value", "valeur_reference", "number",
          "Baseline value (empty when none is published)",
          "Valeur de référence (vide si aucune n’est publiée)"),
    *dates("baseline_period", "periode_reference", "baseline period", "période de référence"),
    SOURCE_ID, LOCATOR, *_NOTES, NOTE, NOTE_LANGUAGE,
),
    # Columns added from now on go here: after every published column (model.Table).
    added=(),
    primary_key=("indicator_id", "period_start", "period_end"),
    foreign_keys=(("indicator_id", "indicators", "indicator_id"),
                  ("source_id", "sources", "source_id")))
