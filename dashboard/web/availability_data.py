"""``/data/availability.csv``: the table of ``/data/availability`` as CSV, one row per
indicator, codes and words side by side (``?lang=``, ``?bom=true``)."""

from __future__ import annotations

from datetime import date
from typing import Final

import flask

from dashboard.components.data_finder import SeriesGroup, series_groups
from dashboard.components.freshness import (
    availability_text,
    last_updated_text,
    latest_period_text,
    next_expected_text,
)
from dashboard.context import current_db, current_settings
from dashboard.database import Database
from dashboard.web.files import args, asked_lang, csv_response, refused, wants_bom
from pipelines.language.i18n import Lang, normalise_lang, pick, t
from pipelines.read import availability
from pipelines.read.availability import Freshness
from pipelines.release.problems import FilterProblem
from pipelines.release.public_fields import Kind
from pipelines.settings import Settings

CSV_PATH: Final = "/data/availability.csv"

# (English header, French header, type)
COLUMNS: Final[tuple[tuple[str, str, Kind], ...]] = (
    ("indicator_id", "id_indicateur", "string"),
    ("indicator", "indicateur", "string"),
    ("group", "groupe", "string"),
    ("group_label", "groupe_libelle", "string"),
    ("availability", "disponibilite", "string"),
    ("availability_label", "disponibilite_libelle", "string"),
    ("figures", "chiffres", "integer"),
    ("demo_figures", "chiffres_demo", "integer"),
    ("latest_period_start", "debut_derniere_periode", "date"),
    ("latest_period_end", "fin_derniere_periode", "date"),
    ("latest_period", "derniere_periode", "string"),
    ("last_updated_kind", "type_mise_a_jour", "string"),
    ("last_updated", "mise_a_jour", "string"),
    ("last_updated_label", "mise_a_jour_libelle", "string"),
    ("next_expected_kind", "type_prochains_chiffres", "string"),
    ("next_expected_quarter", "trimestre_attendu", "string"),
    ("next_expected_from", "attendu_a_partir_du", "date"),
    ("next_expected_label", "prochains_chiffres_libelle", "string"),
)


def csv_row(found: Freshness, name: str, group: str, group_label: str,
            lang: Lang) -> list[object]:
    row, updated, expected = found.row, found.last_updated, found.next_expected
    updated_value = None if updated is None else (
        updated.published if updated.kind == "published" else updated.day)
    return [row.indicator_id, name, group, group_label, row.availability,
            availability_text(row, lang), row.figures, row.demo_figures,
            row.latest_period_start, row.latest_period_end, latest_period_text(row, lang),
            updated.kind if updated else None,
            updated_value.isoformat() if isinstance(updated_value, date) else updated_value,
            last_updated_text(updated, lang), expected.kind,
            expected.quarter.label if expected.quarter else None, expected.from_day,
            next_expected_text(expected, lang)]


def strategy_name(db: Database, settings: Settings, lang: Lang) -> str:
    """The name of the strategy the settings' period is (the first group of every list)."""
    found = availability.current_strategy(db, settings.strategy_start)
    return pick(found, "name", lang) if found else t("data.title", lang)


def everything(db: Database, lang: Lang, today: date
               ) -> tuple[list[SeriesGroup], dict[str, Freshness]]:
    """The groups of indicators and each one's freshness on ``today`` (the page and its CSV
    read the same)."""
    settings = current_settings()
    groups = series_groups(availability.series_list(db), lang, strategy_name(db, settings, lang))
    found = {row.indicator_id: availability.freshness_of(row, today, settings.strategy_start,
                                                        settings.strategy_end)
             for row in availability.availability(db)}
    return groups, found


def availability_csv() -> flask.Response:
    try:
        found_args = args({"lang", "bom"})
        bom = wants_bom(found_args)
    except FilterProblem as problem:
        return refused(problem, asked_lang())
    lang = normalise_lang(found_args.get("lang", "en"))
    groups, found = everything(current_db(), lang, date.today())
    rows = [csv_row(found[e.indicator_id], e.name_fr if lang == "fr" else e.name_en,
                    group.key, group.label, lang)
            for group in groups for e in group.entries]
    headers = [fr if lang == "fr" else en for en, fr, _ in COLUMNS]
    return csv_response(headers, [kind for _, _, kind in COLUMNS], rows,
                        f"availability_{lang}.csv", bom)


def register_availability_data(server: flask.Flask) -> None:
    server.add_url_rule(CSV_PATH, "availability_csv", availability_csv)
