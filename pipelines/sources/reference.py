"""The curated reference tables in ``data/reference/`` (reviewed like code).

One spec per file, then the checks that span files: foreign keys, the contract's core
indicator ids, bilingual text, period rules and locators found in their documents.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pipelines.errors import Problem
from pipelines.problem_codes import Code
from pipelines.sources.raw import RawDocument, check_locator
from pipelines.sources.tables import Column, Table, TableSpec, check_references, read_table
from pipelines.sources.values import apply_defaults, check_values
from pipelines.vocabulary import (
    CORE_INDICATORS,
    GEOGRAPHY_LEVELS,
    INTERPRETATIONS,
    MEASURES,
    MILESTONE_KINDS,
    MILESTONE_STATUSES,
    PERIOD_BASES,
    PILLARS,
    QUALIFIERS,
    TARGET_KINDS,
    TOPICS,
    UNIT_KINDS,
    VALUE_BASES,
)


def _text(name: str, required: bool = True) -> Column:
    return Column(name, "text", required)


def _enum(name: str, allowed: tuple[str, ...], required: bool = True) -> Column:
    return Column(name, "text", required, frozenset(allowed))


def _date(name: str, required: bool = True) -> Column:
    return Column(name, "date", required)


SOURCE_COLUMNS = (_text("source_id"), _text("locator"))
NOTE_COLUMNS = (_text("note_en", False), _text("note_fr", False))

SPECS: dict[str, TableSpec] = {spec.name: spec for spec in (
    TableSpec("pillars", (
        _enum("pillar_id", PILLARS), _text("name_en"), _text("name_fr"),
        Column("sort_order", "int"), _text("outcome_en"), _text("outcome_fr"), *SOURCE_COLUMNS,
    ), key=("pillar_id",)),
    TableSpec("geographies", (
        _text("geography_id"), _text("name_en"), _text("name_fr"),
        _enum("level", GEOGRAPHY_LEVELS),
        _text("parent_id", False),
    ), key=("geography_id",)),
    TableSpec("units", (
        _text("unit"), _text("name_en"), _text("name_fr"),
        _enum("kind", UNIT_KINDS),
        Column("is_people", "bool"),
    ), key=("unit",)),
    TableSpec("indicators", (
        _text("indicator_id"), _text("pillar_id", False), _enum("topic", TOPICS),
        _text("name_en"), _text("name_fr"), _text("unit"), _enum("measure", MEASURES),
        _enum("interpretation", INTERPRETATIONS), Column("reporting_note", "bool"),
        Column("headline", "bool"), Column("sort_order", "int"),
        _text("definition_en"), _text("definition_fr"),
    ), key=("indicator_id",)),
    TableSpec("observations", (
        _text("indicator_id"), _text("geography"), _text("breakdown"),
        _date("period_start", False), _date("period_end", False),
        _enum("period_basis", PERIOD_BASES), Column("value", "float"),
        Column("value_high", "float", False), _enum("qualifier", QUALIFIERS),
        _enum("value_basis", VALUE_BASES, required=False), *SOURCE_COLUMNS, *NOTE_COLUMNS,
    ), key=("indicator_id", "geography", "breakdown", "period_start", "period_end",
            "source_id")),
    TableSpec("targets", (
        _text("indicator_id"),
        _enum("target_kind", TARGET_KINDS),
        Column("target_value", "float"), _date("period_start"), _date("period_end"),
        Column("baseline_value", "float", False), _date("baseline_period_start", False),
        _date("baseline_period_end", False), *SOURCE_COLUMNS, *NOTE_COLUMNS,
    ), key=("indicator_id", "period_start", "period_end")),
    TableSpec("milestones", (
        _text("milestone_id"), _text("pillar_id"),
        _enum("kind", MILESTONE_KINDS), Column("sort_order", "int"),
        _text("text_en"), _text("text_fr"), _enum("status", MILESTONE_STATUSES),
        _date("status_date", False), _text("note", False), *SOURCE_COLUMNS,
    ), key=("milestone_id",)),
    # Which indicators a deliverable should move: ``stated`` when the strategy's own sentence
    # ties them (source_id and locator say where), ``inferred`` when the rationale says why.
    TableSpec("milestone_indicators", (
        _text("milestone_id"), _text("indicator_id"), _enum("basis", ("stated", "inferred")),
        _text("rationale"), _text("rationale_fr"), _text("source_id", False),
        _text("locator", False),
    ), key=("milestone_id", "indicator_id")),
    TableSpec("strategies", (
        _text("strategy_id"), _text("name_en"), _text("name_fr"), _date("period_start"),
        _date("period_end"), _enum("period_basis", PERIOD_BASES),
        Column("review_interval_years", "int", False), *SOURCE_COLUMNS, *NOTE_COLUMNS,
    ), key=("strategy_id",)),
)}


@dataclass
class Reference:
    """Every reference table, read and checked."""

    tables: dict[str, Table]

    def __getitem__(self, name: str) -> Table:
        return self.tables[name]


def read_reference(reference_dir: Path, label_root: Path,
                   documents: dict[str, RawDocument]) -> tuple[Reference, list[Problem]]:
    tables: dict[str, Table] = {}
    problems: list[Problem] = []
    for spec in SPECS.values():
        path = reference_dir / spec.filename
        table, found = read_table(spec, path, _label(path, label_root))
        tables[spec.name] = table
        problems.extend(found)
    apply_defaults(tables["observations"])
    reference = Reference(tables)
    problems.extend(check_cross_references(reference, documents))
    return reference, problems


def _label(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def check_cross_references(ref: Reference,
                           documents: dict[str, RawDocument]) -> list[Problem]:
    pillars = ref["pillars"].keys("pillar_id")
    indicators = ref["indicators"].keys("indicator_id")
    problems = [
        *check_references(ref["geographies"], "parent_id",
                          ref["geographies"].keys("geography_id"), "geographies.csv"),
        *check_references(ref["indicators"], "pillar_id", pillars, "pillars.csv"),
        *check_references(ref["indicators"], "unit", ref["units"].keys("unit"), "units.csv"),
        *check_references(ref["observations"], "indicator_id", indicators, "indicators.csv"),
        *check_references(ref["observations"], "geography",
                          ref["geographies"].keys("geography_id"), "geographies.csv"),
        *check_references(ref["targets"], "indicator_id", indicators, "indicators.csv"),
        *check_references(ref["milestones"], "pillar_id", pillars, "pillars.csv"),
        *check_references(ref["milestone_indicators"], "milestone_id",
                          ref["milestones"].keys("milestone_id"), "milestones.csv"),
        *check_references(ref["milestone_indicators"], "indicator_id", indicators,
                          "indicators.csv"),
        *_check_stated(ref["milestone_indicators"]),
        *_check_core_ids(ref["indicators"]),
        *_check_observation_periods(ref["observations"]),
        *_check_breakdowns(ref["observations"]),
        *check_values(ref["observations"], _unit_kinds(ref)),
        *_check_parents(ref["geographies"]),
    ]
    for name in ("pillars", "observations", "targets", "milestones", "strategies",
                 "milestone_indicators"):
        problems.extend(_check_sources(ref[name], documents))
    return problems


def _check_stated(table: Table) -> list[Problem]:
    """A ``stated`` link quotes the sentence that makes it; an ``inferred`` one has none."""
    problems = []
    for i, row in table.numbered():
        stated = row["basis"] == "stated"
        if stated and (row.get("source_id") is None or row.get("locator") is None):
            problems.append(table.problem(i, "locator", Code.STATED_LINK_INCOMPLETE))
        if not stated and row.get("source_id") is not None:
            problems.append(table.problem(i, "source_id", Code.INFERRED_LINK_SOURCE))
    return problems


def _unit_kinds(ref: Reference) -> dict[object, object]:
    kinds = {row["unit"]: row["kind"] for row in ref["units"].rows}
    return {row["indicator_id"]: kinds.get(row["unit"]) for row in ref["indicators"].rows}


# A place sits inside a larger one: a city in a province or a country, never in a region or
# another city; Vienna's parent is Austria, not Canada.
_PARENT_LEVELS = {"city": ("province", "country"), "province": ("country",),
                  "region": ("province",), "area": ("province",)}


def _check_parents(table: Table) -> list[Problem]:
    levels = {row["geography_id"]: row["level"] for row in table.rows}
    problems = []
    for i, row in table.numbered():
        allowed = _PARENT_LEVELS.get(str(row["level"]))
        parent = levels.get(row.get("parent_id"))
        if allowed and parent is not None and parent not in allowed:
            problems.append(table.problem(i, "parent_id", Code.PARENT_LEVEL, level=row["level"],
                                          parent_level=parent, parent=row["parent_id"]))
    return problems


def _check_core_ids(table: Table) -> list[Problem]:
    if not table.rows:
        return []
    present = table.keys("indicator_id")
    return [Problem(table.label, 0, "indicator_id", Code.CORE_INDICATOR_MISSING, indicator=core)
            for core in CORE_INDICATORS if core not in present]


def _check_observation_periods(table: Table) -> list[Problem]:
    problems = []
    for i, row in table.numbered():
        start, end, basis = row["period_start"], row["period_end"], row["period_basis"]
        if start is not None and end is not None and start > end:  # type: ignore[operator]
            problems.append(table.problem(i, "period_end", Code.PERIOD_END_BEFORE_START))
        needs = {"stated": (True, True), "inferred": (True, True), "as_of": (False, True),
                 "not_stated": (False, False)}.get(str(basis))
        if needs is None:
            continue
        if needs[1] and end is None:
            problems.append(table.problem(i, "period_end", Code.PERIOD_NEEDS_END, basis=basis))
        if needs[0] and start is None:
            problems.append(table.problem(i, "period_start", Code.PERIOD_NEEDS_START,
                                          basis=basis))
        if basis == "not_stated" and (start is not None or end is not None):
            problems.append(table.problem(i, "period_basis", Code.PERIOD_NOT_STATED_GIVEN))
    return problems


def _check_breakdowns(table: Table) -> list[Problem]:
    return [
        table.problem(i, "breakdown", Code.BREAKDOWN_SHAPE, value=row["breakdown"])
        for i, row in table.numbered()
        if row["breakdown"] is not None and row["breakdown"] != "total"
        and ":" not in str(row["breakdown"])
    ]


def _check_sources(table: Table, documents: dict[str, RawDocument]) -> list[Problem]:
    problems = []
    for i, row in table.numbered():
        source_id = row.get("source_id")
        if source_id is None:
            continue
        if source_id not in documents:
            problems.append(table.problem(i, "source_id", Code.UNKNOWN_SOURCE, value=source_id,
                                          known=sorted(documents)))
            continue
        missing = check_locator(documents, str(source_id), str(row.get("locator") or ""))
        if missing:
            code, values = missing
            problems.append(table.problem(i, "locator", code, **values))
    return problems
