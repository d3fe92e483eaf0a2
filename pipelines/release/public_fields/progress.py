"""``progress``: every status, figure to date and period, as the pages show them.

``marts.progress`` is the ONLY place a status is decided (pipelines/marts/progress.py runs
the rule of pipelines/marts/status_rule.py): one row per pillar indicator and fiscal quarter
from the strategy's first quarter to the latest quarter that has ended by the build. Every
page, briefing and download reads its status, figure to date and period from here.
"""

from __future__ import annotations

from typing import Final

from pipelines.release.public_fields.common import INDICATOR_ID, INDICATOR_NAME, PILLAR, dates
from pipelines.release.public_fields.model import Field, Stored, Table, field, made, required
from pipelines.vocabulary import (
    OBSERVATION_STATUSES,
    PROGRESS_REASONS,
    PROGRESS_STATUSES,
    QUALIFIERS,
    TARGET_KINDS,
)


def _number(name: str, name_fr: str, en: str, fr: str) -> Field:
    return field(name, name_fr, "number", en, fr)


def _qualifier(of: str, of_fr: str, name: str, name_fr: str) -> Field:
    return field(name, name_fr, "string", f"How {of} is qualified (at_least when a quarter is "
                 "missing or suppressed)", f"Qualificatif de {of_fr} (at_least s’il manque un "
                 "trimestre ou qu’un trimestre est supprimé)", QUALIFIERS,
                 labels="label_qualifier")


def _flag(name: str, name_fr: str, en: str, fr: str) -> Field:
    return required(field(name, name_fr, "boolean", en, fr))


PROGRESS: Final = Table("progress", "marts.progress", (
    INDICATOR_ID, INDICATOR_NAME, made(PILLAR),
    required(field("as_of_quarter", "trimestre", "string",
                   "Fiscal quarter assessed, e.g. 2026-27Q2",
                   "Trimestre de l’exercice évalué, sous forme de code : « 2026-27Q2 » pour "
                   "2026-27 T2")),
    *dates("quarter", "trimestre", "quarter", "trimestre", needed=True),
    _flag("is_latest", "dernier", "true for the indicator's latest assessed quarter",
          "true pour le dernier trimestre évalué de l’indicateur"),
    # The figure "to date" the status is decided on, and exactly the period it covers.
    required(field("to_date_kind", "type_cumul", "string",
                   "What the figure to date adds up: since_start (since the target period "
                   "began), fiscal_year (since 1 April), latest (the latest level)",
                   "Ce que cumule le chiffre à ce jour : since_start (depuis le début de la "
                   "période de la cible), fiscal_year (depuis le 1er avril), latest (le dernier "
                   "niveau)", ("fiscal_year", "latest", "since_start"),
                   labels="label_to_date_kind")),
    *dates("period", "periode", "period the figure to date covers",
           "période couverte par le chiffre à ce jour"),
    _number("value_to_date", "valeur_a_ce_jour", "The figure the status is decided on",
            "Le chiffre sur lequel l’état est établi"),
    _qualifier("the figure to date", "chiffre à ce jour", "value_to_date_qualifier",
               "qualificatif_a_ce_jour"),
    field("value_to_date_status", "statut_a_ce_jour", "string",
          "Status of the figures behind it (demo: invented test data)",
          "Statut des chiffres sous-jacents (demo : données d’essai fictives)",
          OBSERVATION_STATUSES, labels="obs_status"),
    # The quarter's own submitted provincial total.
    _number("value_this_quarter", "valeur_trimestre", "The quarter's submitted provincial "
            "total; empty when missing or suppressed", "Total provincial soumis pour le "
            "trimestre; vide s’il manque ou est supprimé"),
    _qualifier("the quarter's value", "valeur du trimestre", "value_this_quarter_qualifier",
               "qualificatif_trimestre"),
    required(field("this_quarter_state", "etat_trimestre", "string",
                   "submitted, revised, demo, suppressed or missing",
                   "submitted (soumis), revised (révisé), demo, suppressed (supprimé) ou "
                   "missing (manquant)", ("demo", "missing", "revised", "submitted",
                                          "suppressed"), labels="label_quarter_state")),
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
    _flag("change_is_approximate", "variation_approximative", "true when a qualified value "
          "is involved", "true lorsqu’une valeur qualifiée intervient"),
    _number("fiscal_year_to_date", "cumul_exercice", "Sum since 1 April of the fiscal year "
            "(quantities that add up only)", "Somme depuis le 1er avril de l’exercice "
            "(quantités additives seulement)"),
    _qualifier("the fiscal year to date", "cumul de l’exercice",
               "fiscal_year_to_date_qualifier", "qualificatif_cumul_exercice"),
    # The method and every number behind the status.
    field("target_kind", "type_cible", "string", "cumulative, annual_floor or level",
          "cumulative (cumul), annual_floor (plancher annuel) ou level (niveau)", TARGET_KINDS,
          labels="label_target_kind"),
    _number("target_value", "valeur_cible", "Target value (empty: no numeric target "
            "published)", "Valeur cible (vide : aucune cible chiffrée publiée)"),
    *dates("target_period", "periode_cible", "target period", "période de la cible"),
    _number("baseline_value", "valeur_depart", "Where the straight line to the target starts",
            "Point de départ de la droite vers la cible"),
    _flag("baseline_is_assumed", "depart_suppose", "true when no baseline is published and a "
          "cumulative target counts from 0", "true lorsqu’aucune valeur de référence n’est "
          "publiée et qu’une cible cumulative part de 0"),
    _number("expected_to_date", "attendu_a_ce_jour", "Expected by then on the straight line "
            "(a whole number for counts)", "Attendu à cette date selon la droite (nombre "
            "entier pour les dénombrements)"),
    _number("ratio", "ratio", "value_to_date ÷ expected_to_date", "valeur_a_ce_jour ÷ "
            "attendu_a_ce_jour"),
    _number("share_elapsed", "part_ecoulee", "Share of the target period elapsed",
            "Part de la période de la cible écoulée"),
    field("assessed_at", "evalue_au", "date", "The day the figure to date runs to",
          "Jour jusqu’auquel court le chiffre à ce jour"),
    required(field("status", "etat", "string", "Status against the target",
                   "État par rapport à la cible", PROGRESS_STATUSES, labels="status")),
    field("status_reason", "raison", "string", "Why it is not assessed",
          "Pourquoi il n’est pas évalué", PROGRESS_REASONS, labels="label_status_reason"),
    field("status_previous", "etat_precedent", "string", "Status one quarter earlier",
          "État au trimestre précédent", PROGRESS_STATUSES, labels="status"),
    _flag("status_changed", "etat_change", "true when the status changed since the previous "
          "quarter", "true lorsque l’état a changé depuis le trimestre précédent"),
    # Stored in English; a French file gives basis_fr.
    required(field("basis", "fondement", "string", "Which figures were compared, in words",
                   "Les chiffres comparés, en mots", role="label")),
    Stored("basis_fr", "VARCHAR", True, "which figures were compared, in French"),
    required(field("method", "methode", "string", "Version of the published method",
                   "Version de la méthode publiée")),
),
    # Columns added from now on go here: after every published column (model.Table).
    added=(),
    primary_key=("indicator_id", "as_of_quarter"),
    foreign_keys=(("indicator_id", "indicators", "indicator_id"),))
