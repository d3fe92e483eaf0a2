"""The body of ``/indicator/<id>.metadata.json`` (pure: rows in, a dict out), valid against
``schemas/indicator-metadata.schema.json``."""

from __future__ import annotations

from datetime import date
from typing import Any

from dashboard.components.freshness import last_updated_text, next_expected_text
from dashboard.figures.series import ChartPoint
from pipelines.language.i18n import Lang, pick, t
from pipelines.read.availability import Freshness
from pipelines.read.indicator import IndicatorPage
from pipelines.release.package import LICENCE, Release


def _sources(page: IndicatorPage, points: list[ChartPoint], lang: Lang) -> list[dict[str, Any]]:
    """Each source of the rows with the sentences its figures were read from, in order."""
    wanted = {p.observation_id for p in points}
    found: dict[str, dict[str, Any]] = {}
    for row in page.observations:
        if row.observation_id not in wanted:
            continue
        source = found.setdefault(row.source_id, {
            "source_id": row.source_id, "title": row.title,
            "publisher": row.publisher_fr if lang == "fr" and row.publisher_fr
            else row.publisher,
            "published": row.published, "url": row.url, "language": row.source_language,
            "edition": row.edition_fr if lang == "fr" else row.edition_en, "sentences": []})
        if row.locator not in source["sentences"]:
            source["sentences"].append(row.locator)
    return list(found.values())


def _target(page: IndicatorPage) -> dict[str, Any] | None:
    target = page.target
    if target is None:
        return None
    return {"kind": target.target_kind, "value": target.target_value,
            "period_start": target.period_start.isoformat(),
            "period_end": target.period_end.isoformat(), "source_id": target.source_id,
            "sentence": target.locator}


def _freshness(found: Freshness | None, lang: Lang) -> dict[str, Any]:
    updated = found.last_updated if found else None
    day = None if updated is None else (updated.published if updated.kind == "published"
                                        else updated.day.isoformat() if updated.day else None)
    last = {"kind": updated.kind if updated else "none", "date": day,
            "text": last_updated_text(updated, lang)}
    expected = found.next_expected if found else None
    following = {
        "kind": expected.kind if expected else "unscheduled",
        "quarter": expected.quarter.label if expected and expected.quarter else None,
        "from": expected.from_day.isoformat() if expected and expected.from_day else None,
        "text": next_expected_text(expected, lang) if expected else
        t("availability.next_unscheduled", lang),
        "how": t("availability.how_body", lang)}
    return {"last_updated": last, "next_expected": following}


def metadata(page: IndicatorPage, points: list[ChartPoint], geography: str,
             as_of: date | None, lang: Lang, release: Release, found: Freshness | None,
             urls: dict[str, str]) -> dict[str, Any]:
    info = page.indicator
    pillar = None if not info.pillar_id else {
        "id": info.pillar_id, "name": (info.pillar_fr if lang == "fr" else info.pillar_en) or ""}
    return {
        "indicator_id": info.indicator_id, "name": pick(info, "name", lang), "lang": lang,
        "definition": pick(info, "definition", lang),
        "unit": {"id": info.unit, "name": pick(info, "unit", lang), "kind": info.unit_kind},
        "measure": {"code": info.measure, "label": t(f"measure.{info.measure}", lang)},
        "interpretation": {"code": info.interpretation,
                           "label": t(f"label_interpretation.{info.interpretation}", lang)},
        "pillar": pillar,
        "filters": {"geography": geography, "as_of": as_of.isoformat() if as_of else None},
        "data": urls, "rows": len(points), "sources": _sources(page, points, lang),
        "target": _target(page),
        "licence": {"name": LICENCE["name"], "title": t("cite.licence_name", lang),
                    "url": LICENCE["path"]},
        "citation": release.citation(lang), "data_version": release.version,
        "built": release.created, **_freshness(found, lang),
    }
