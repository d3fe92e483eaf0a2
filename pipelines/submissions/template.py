"""The submission template: its columns and the values each accepts.

The README under ``data/submissions/`` documents the same things for people; keep them in step.
"""

from __future__ import annotations

COLUMNS: tuple[str, ...] = (
    "indicator_id",
    "quarter",
    "geography",
    "breakdown",
    "value",
    "qualifier",
    "note",
    "program",
)
REQUIRED_COLUMNS: tuple[str, ...] = ("indicator_id", "quarter", "geography", "value", "program")
# Cells that must not be blank on a data row (optional columns have defaults).
REQUIRED_CELLS: tuple[str, ...] = REQUIRED_COLUMNS
DEFAULT_BREAKDOWN = "total"
DEFAULT_QUALIFIER = "exact"
# The provincial total: never suppressed, and the total that region rows add up to.
PROVINCE = "ontario"
# Geographies above the province are never suppressed either.
NEVER_SUPPRESSED_GEOGRAPHIES: frozenset[str] = frozenset({"canada", "ontario"})
EXTENSIONS: tuple[str, ...] = (".csv", ".xlsx")

# The optional deliverables section: a second XLSX sheet of this name, or a CSV file whose
# header has these columns (told apart from figures by its ``milestone_id`` column). Each row
# becomes one record of staging.milestone_records (pipelines/marts/milestones.py).
DELIVERABLES_SHEET = "deliverables"
DELIVERABLE_COLUMNS: tuple[str, ...] = (
    "milestone_id",
    "status",
    "as_of",
    "note",
    "evidence_url",
    "program",
    "due_date",
)
DELIVERABLE_REQUIRED: tuple[str, ...] = ("milestone_id", "status", "as_of", "program")
# The column that says a header is a deliverables header.
DELIVERABLES_KEY = "milestone_id"
