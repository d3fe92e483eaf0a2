"""Public context series from ``data/raw/context-figures.csv`` (police-reported incidents,
courts, hotline, funding), mapped by three curated tables in ``data/reference/``:

- ``context_sources.csv``: one source (with its edition label) per ``source_url``;
- ``context_series.csv``: each ``series_id`` → indicator id and geography, or excluded with
  a reason;
- ``context_units.csv``: each raw unit text (qualifier removed) → a unit id;
- ``context_periods.csv``: the period the project reads for a raw row whose dates follow
  another convention than the documents' (the strategies' "2020 to 2025" is read as fiscal
  years, as in ``strategies.csv``), with the basis and a note saying why.

Only ``primary`` rows are loaded. Each Juristat edition keeps its own source_id, so two
editions of the same year are never joined into one line.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from pipelines.errors import Problem
from pipelines.problem_codes import Code
from pipelines.sources.tables import Column, Row, Table, TableSpec, check_references, read_table
from pipelines.vocabulary import PERIOD_BASES

RAW_FILE = "context-figures.csv"
RAW_COLUMNS = ("series_id", "indicator", "geography", "period_start", "period_end", "value",
               "unit", "source_title", "publisher", "source_url", "published", "quote",
               "source_tier")

# How the raw table writes a qualifier inside the unit text, e.g. "CAD (more than)".
UNIT_QUALIFIERS = {
    "more than": "more_than", "over": "more_than", "just over": "more_than",
    "nearly": "nearly", "approximately": "about", "roughly": "about",
    "roughly, as stated": "about", "up to": "up_to", "at least": "at_least",
}
_UNIT_WITH_QUALIFIER = re.compile(r"^(?P<unit>.*?)\s*\((?P<qualifier>[^)]*)\)\s*$")

CONTEXT_SPECS = {
    "context_sources": TableSpec("context_sources", (
        Column("source_id"), Column("source_url"), Column("title"), Column("publisher"),
        Column("publisher_fr"),
        Column("language", allowed=frozenset({"en", "fr"})), Column("published", required=False),
        Column("edition_en"), Column("edition_fr"),
    ), key=("source_id",)),
    "context_series": TableSpec("context_series", (
        Column("series_id"), Column("indicator_id"), Column("geography"),
        Column("include", "bool"), Column("exclude_reason", required=False),
    ), key=("series_id",)),
    "context_units": TableSpec("context_units", (Column("unit_text"), Column("unit")),
                               key=("unit_text",)),
    "context_periods": TableSpec("context_periods", (
        Column("series_id"), Column("raw_period_start", "date", False),
        Column("raw_period_end", "date", False), Column("period_start", "date"),
        Column("period_end", "date"), Column("period_basis", allowed=frozenset(PERIOD_BASES)),
        Column("note_en"), Column("note_fr"),
    ), key=("series_id", "raw_period_start", "raw_period_end")),
}


@dataclass
class ContextData:
    sources: Table
    series: Table
    units: Table
    observations: list[Row]


def split_unit(text: str) -> tuple[str, str]:
    """``'CAD (more than)'`` → ``('CAD', 'more_than')``; no parenthesis → exact."""
    match = _UNIT_WITH_QUALIFIER.match(text.strip())
    if not match:
        return text.strip(), "exact"
    words = match["qualifier"].strip().lower()
    return match["unit"].strip(), UNIT_QUALIFIERS.get(words, f"?{words}")


def read_context(reference_dir: Path, raw_dir: Path, label_of: Callable[[Path], str],
                 indicators: dict[str, Row],
                 geographies: set[object]) -> tuple[ContextData, list[Problem]]:
    """Read the mapping tables and the primary rows; every problem at once."""
    problems: list[Problem] = []
    tables = {}
    for name, spec in CONTEXT_SPECS.items():
        path = reference_dir / spec.filename
        tables[name], found = read_table(spec, path, label_of(path))
        problems.extend(found)
    sources, series, units, periods = (tables["context_sources"], tables["context_series"],
                                       tables["context_units"], tables["context_periods"])
    problems += check_references(series, "indicator_id", set(indicators), "indicators.csv")
    problems += check_references(series, "geography", geographies, "geographies.csv")
    problems += [series.problem(i, "exclude_reason", Code.EXCLUDED_NEEDS_REASON)
                 for i, row in series.numbered()
                 if row["include"] is False and not row["exclude_reason"]]
    raw_path = raw_dir / RAW_FILE
    rows, found = _primary_rows(raw_path, label_of(raw_path), sources, series, units,
                                indicators)
    problems.extend(found)
    problems.extend(apply_periods(rows, periods))
    return ContextData(sources, series, units, rows), problems


def apply_periods(rows: list[Row], periods: Table) -> list[Problem]:
    """Give each raw row named in ``context_periods.csv`` the period read there; a problem for
    each line of that file that names no loaded row."""
    by_key = {(p["series_id"], p["raw_period_start"], p["raw_period_end"]): p
              for p in periods.rows}
    used = set()
    for row in rows:
        key = (row["series_id"], row["period_start"], row["period_end"])
        reading = by_key.get(key)
        if reading is not None:
            used.add(key)
            row.update({k: reading[k] for k in ("period_start", "period_end", "period_basis",
                                                "note_en", "note_fr")})
    return [periods.problem(i, "series_id", Code.PERIOD_ROW_UNUSED)
            for i, p in periods.numbered()
            if (p["series_id"], p["raw_period_start"], p["raw_period_end"]) not in used]


def _primary_rows(path: Path, label: str, sources: Table, series: Table, units: Table,
                  indicators: dict[str, Row]) -> tuple[list[Row], list[Problem]]:
    source_by_url = {row["source_url"]: row["source_id"] for row in sources.rows}
    series_by_id = {row["series_id"]: row for row in series.rows}
    unit_by_text = {str(row["unit_text"]): row["unit"] for row in units.rows}
    rows: list[Row] = []
    problems: list[Problem] = []
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [c for c in RAW_COLUMNS if c not in (reader.fieldnames or [])]
        if missing:
            return [], [Problem(label, 1, c, Code.REFERENCE_COLUMN_MISSING, column=c)
                        for c in missing]
        for line, raw in enumerate(reader, start=2):
            if raw["source_tier"] != "primary":
                continue
            row, found = _context_row(raw, line, label, source_by_url, series_by_id,
                                      unit_by_text, indicators)
            problems.extend(found)
            if row is not None:
                rows.append(row)
    return rows, problems


def _context_row(raw: dict[str, str], line: int, label: str, source_by_url: dict[object, object],
                 series_by_id: dict[object, Row], unit_by_text: dict[str, object],
                 indicators: dict[str, Row]) -> tuple[Row | None, list[Problem]]:
    def problem(column: str, code: Code, /, **values: object) -> Problem:
        return Problem(label, line, column, code, **values)

    mapping = series_by_id.get(raw["series_id"])
    if mapping is None:
        return None, [problem("series_id", Code.UNKNOWN_SERIES, series=raw["series_id"])]
    if mapping["include"] is False:
        return None, []
    problems: list[Problem] = []
    try:
        value = float(raw["value"])
    except ValueError:
        problems.append(problem("value", Code.NOT_NUMBER, value=raw["value"]))
        value = None
    qualifier = _unit_problems(raw, problem, problems, unit_by_text,
                               indicators.get(str(mapping["indicator_id"])))
    source_id = source_by_url.get(raw["source_url"])
    if source_id is None:
        problems.append(problem("source_url", Code.UNKNOWN_SOURCE_URL, url=raw["source_url"]))
    start, end = _date_or_problem(raw, "period_start", problem, problems), \
        _date_or_problem(raw, "period_end", problem, problems)
    if not raw["quote"].strip():
        problems.append(problem("quote", Code.QUOTE_EMPTY))
    if problems:
        return None, problems
    return {
        "indicator_id": mapping["indicator_id"], "geography": mapping["geography"],
        "breakdown": "total", "period_start": start, "period_end": end,
        "period_basis": "stated" if start or end else "not_stated",
        "value": value, "qualifier": qualifier, "source_id": source_id,
        "locator": raw["quote"].strip(), "series_id": raw["series_id"],
        "note_en": None, "note_fr": None, "value_high": None, "value_basis": "printed",
    }, []


def _unit_problems(raw: dict[str, str], problem: Callable[..., Problem],
                   problems: list[Problem], unit_by_text: dict[str, object],
                   indicator: Row | None) -> str:
    """Check the raw unit (its text and its parenthesised qualifier) against the mapping and
    the indicator's unit; return the qualifier."""
    unit_text, qualifier = split_unit(raw["unit"])
    if qualifier.startswith("?"):
        problems.append(problem("unit", Code.UNKNOWN_UNIT_QUALIFIER, qualifier=qualifier[1:]))
    unit = unit_by_text.get(unit_text)
    if unit is None:
        problems.append(problem("unit", Code.UNKNOWN_UNIT, unit=unit_text))
    elif indicator is not None and indicator["unit"] != unit:
        problems.append(problem("unit", Code.UNIT_MISMATCH, unit=unit,
                                indicator=indicator["indicator_id"], expected=indicator["unit"]))
    return qualifier


def _date_or_problem(raw: dict[str, str], column: str, problem: Callable[..., Problem],
                     problems: list[Problem]) -> date | None:
    text = raw[column].strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        problems.append(problem(column, Code.NOT_DATE, value=text))
        return None
