"""The project's exception tree.

    TrackerError
    ├── DataRejected        input data failed validation; carries every Problem found
    ├── SourceIntegrityError a raw document's sha256 does not match its sidecar
    ├── DatabaseNotBuilt    the database file is missing; run ``python -m pipelines build``
    ├── UnknownIdError      a pillar, indicator, table, quarter or snapshot id that does not exist
    ├── InvalidFilterError  a download filter that is not allowed or not well formed
    └── SnapshotExistsError a snapshot label that is already taken (snapshots never change)
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
    """An id (pillar, indicator, table, quarter, snapshot) that the database does not know."""


class InvalidFilterError(TrackerError):
    """A download filter is unknown, repeated where it may not be, or malformed. The web
    answers 400 and the command line exits 2, both with this message."""


class SnapshotExistsError(TrackerError):
    """A snapshot with this label already exists; a snapshot is never rewritten."""
