"""A small database made with the real schema, holding published, submitted, suppressed,
revised and demonstration rows, so every rule of the downloads can be seen."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb

from pipelines import sql

Row = dict[str, object]


def _source(source_id: str, kind: str = "document") -> Row:
    return {"source_id": source_id, "title": f"Title of {source_id}", "publisher": "Ontario",
            "publisher_fr": "Ontario (fr)",
            "language": "fr", "published": "2025", "published_about": False,
            "url": f"https://example.org/{source_id}", "sha256": "0" * 64,
            "raw_file": f"{source_id}.txt", "kind": kind, "tier": None,
            "edition_en": f"{source_id} (EN)", "edition_fr": f"{source_id} (FR)"}


def _indicator(indicator_id: str, pillar: str | None, order: int, unit: str = "people",
               interpretation: str = "higher_is_better") -> Row:
    return {"indicator_id": indicator_id, "pillar_id": pillar, "topic": "strategy",
            "name_en": f"{indicator_id} name", "name_fr": f"nom de {indicator_id}",
            "unit": unit, "measure": "count", "interpretation": interpretation,
            "reporting_note": interpretation == "reported_activity", "headline": True,
            "sort_order": order, "definition_en": "Definition", "definition_fr": "Définition"}


def observation(indicator_id: str, start: date, end: date, value: float | None, *,
                status: str = "published", source: str = "strategy-2025",
                geography: str = "ontario", breakdown: str = "total",
                suppressed: bool = False, revision: bool = False, **more: object) -> Row:
    key = f"{indicator_id}|{geography}|{breakdown}|{start}|{end}|{source}|{status}"
    return {"observation_id": key, "indicator_id": indicator_id, "geography": geography,
            "breakdown": breakdown, "period_start": start, "period_end": end,
            "period_basis": "stated", "value": value, "qualifier": "exact", "unit": "people",
            "source_id": source, "locator": f"Sentence about {indicator_id}",
            "status": status, "suppressed": suppressed, "series_id": None, "load_id": None,
            "revision": revision, **more}


PILLARS = [("awareness", 1), ("protection", 2), ("support", 3), ("accountability", 4)]
OBSERVATIONS = [
    observation("frontline_workers_trained", date(2024, 4, 1), date(2025, 3, 31), 180),
    observation("frontline_workers_trained", date(2025, 4, 1), date(2026, 3, 31), 250,
                status="submitted", source="submission-q4", revision=True),
    observation("people_served_funded_orgs", date(2021, 4, 1), date(2024, 3, 31), 29000,
                qualifier="more_than"),
    observation("people_served_funded_orgs", date(2025, 4, 1), date(2025, 6, 30), None,
                geography="toronto_durham", breakdown="region:toronto", suppressed=True,
                status="submitted", source="submission-q4"),
    observation("joint_forces_trafficking_charges", date(2021, 4, 1), date(2024, 3, 31), 1200),
    observation("hotline_calls", date(2019, 5, 1), date(2024, 12, 31), 12000,
                geography="canada", source="cceht"),
    observation("frontline_workers_trained", date(2025, 4, 1), date(2025, 6, 30), 999,
                status="demo", source="demo"),
]


def _reference_rows() -> dict[str, list[Row]]:
    src = {"source_id": "strategy-2025", "locator": "Sentence"}
    return {
        "meta.sources": [_source("strategy-2025"), _source("cceht"),
                         _source("submission-q4", "submission"), _source("demo", "demo")],
        "marts.pillars": [{"pillar_id": p, "name_en": p.title(), "name_fr": f"{p} (fr)",
                           "sort_order": n, "outcome_en": "Outcome", "outcome_fr": "Résultat",
                           **src} for p, n in PILLARS],
        "marts.geographies": [
            {"geography_id": "canada", "name_en": "Canada", "name_fr": "Canada",
             "level": "country"},
            {"geography_id": "ontario", "name_en": "Ontario", "name_fr": "Ontario",
             "level": "province", "parent_id": "canada"},
            {"geography_id": "toronto_durham", "name_en": "Toronto and Durham",
             "name_fr": "Toronto et Durham", "level": "region", "parent_id": "ontario"}],
        "marts.units": [{"unit": "people", "name_en": "people", "name_fr": "personnes",
                         "kind": "count", "is_people": True}],
        "marts.indicators": [
            _indicator("frontline_workers_trained", "awareness", 1),
            _indicator("people_served_funded_orgs", "support", 2),
            _indicator("joint_forces_trafficking_charges", "accountability", 3,
                       interpretation="reported_activity"),
            _indicator("hotline_calls", None, 4, interpretation="reported_activity")],
        "marts.observations": OBSERVATIONS,
        "marts.targets": [{"indicator_id": "frontline_workers_trained",
                           "target_kind": "cumulative", "target_value": 1100,
                           "period_start": date(2025, 4, 1), "period_end": date(2030, 3, 31),
                           "baseline_value": 0, **src}],
        "marts.milestones": [
            {"milestone_id": f"{p}-a1", "pillar_id": p, "kind": "activity", "sort_order": 1,
             "text_en": f"Deliver {p}", "text_fr": f"Réaliser {p}", "status": status,
             "status_date": date(2026, 3, 31) if status == "planned" else None, **src}
            for (p, _), status in zip(PILLARS, ["done", "in_progress", "planned",
                                                "not_reported"], strict=True)],
        "meta.build_info": [{"key": "built_at", "value": "2026-01-15T12:00:00+00:00"},
                            {"key": "inputs_sha256", "value": "abcdef0123456789" * 4},
                            {"key": "demo", "value": "true"},
                            {"key": "schema_version", "value": "1"}],
    }


def make_db(path: Path, extra: dict[str, list[Row]] | None = None) -> Path:
    """Create a database at ``path`` with the real schema and the rows above (+ ``extra``)."""
    rows = _reference_rows()
    for table, more in (extra or {}).items():
        rows[table] = rows.get(table, []) + more
    with duckdb.connect(str(path)) as con:
        sql.create_schema(con)
        for table, table_rows in rows.items():
            sql.insert_rows(con, table, table_rows)
    return path
