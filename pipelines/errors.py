"""The project's exception tree.

    TrackerError
    ├── DataRejected        input data failed validation; carries every Problem found
    ├── SourceIntegrityError a raw document's sha256 does not match its sidecar
    ├── DatabaseNotBuilt    the database file is missing; run ``python -m pipelines build``
    └── UnknownIdError      a pillar, indicator, table or quarter id that does not exist
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One problem in one input cell, printed as ``FILE:ROW:COLUMN: message``.

    ``row`` is the 1-based line number in the file as a spreadsheet shows it (the header is
    row 1); 0 means the whole file. ``column`` is the column name, or ``-`` for the whole row.
    """

    file: str
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.row}:{self.column}: {self.message}"


class TrackerError(Exception):
    """Base class of every error the project raises on purpose."""


class DataRejected(TrackerError):
    """Input data failed validation. Nothing was written."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(set(problems))
        super().__init__(f"{len(self.problems)} problem(s) found; nothing was written")


class SourceIntegrityError(TrackerError):
    """A raw document no longer matches the sha256 recorded in its sidecar."""


class DatabaseNotBuilt(TrackerError):
    """The database file does not exist yet."""


class UnknownIdError(TrackerError):
    """An id (pillar, indicator, table, quarter) that the database does not know."""
