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
from functools import total_ordering
from typing import Any

from pipelines.language.i18n import t
from pipelines.language.messages import Message, Value
from pipelines.problem_codes import Code


@total_ordering
@dataclass(frozen=True, init=False)
class Problem:
    """One problem in one input cell: where it is and what it is, a :class:`Code` and the
    values it names. ``str()`` is ``FILE:ROW:COLUMN: message`` in English (the command line,
    ``meta.loads``, a rejected file's report); :meth:`text` is the message in a page's
    language, from the catalogue.

    ``row`` is the 1-based line number in the file as a spreadsheet shows it (the header is
    row 1); 0 means the whole file. ``column`` is the column name, or ``-`` for the whole row.
    """

    file: str
    row: int
    column: str
    code: Code
    params: tuple[tuple[str, Value], ...]

    def __init__(self, file: str, row: int, column: str, code: Code, /,
                 **params: object) -> None:
        message = Message.of(code.key, code.params, **params)
        object.__setattr__(self, "file", file)
        object.__setattr__(self, "row", row)
        object.__setattr__(self, "column", column)
        object.__setattr__(self, "code", code)
        object.__setattr__(self, "params", tuple((n, v) for n, _k, v in message.params))

    @property
    def what(self) -> Message:
        return Message.of(self.code.key, self.code.params, **dict(self.params))

    def text(self, lang: str) -> str:
        """The message in ``lang``."""
        return self.what.text(lang)

    def language(self, lang: str) -> str:
        """The language :meth:`text` answers in for ``lang``: English for a problem kept as
        English words only (a page marks it ``lang="en"``)."""
        return "en" if self.code is Code.KEPT_TEXT else lang

    @property
    def message(self) -> str:
        """The message in English."""
        return self.text("en")

    def at(self, *, column: str) -> Problem:
        """The same problem named at another column."""
        return Problem(self.file, self.row, column, self.code, **dict(self.params))

    def __str__(self) -> str:
        return f"{self.file}:{self.row}:{self.column}: {self.message}"

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Problem):
            return NotImplemented
        return self._order() < other._order()

    def _order(self) -> tuple[str, int, str, str]:
        return self.file, self.row, self.column, self.message

    def to_json(self) -> dict[str, Any]:
        """A problem as a page keeps it to show again: its code and values, and its English
        for a reader of the file (and for a later version that no longer knows the code)."""
        return {"file": self.file, "row": self.row, "column": self.column,
                "code": self.code.value, "params": self.what.to_json()["params"],
                "message": self.message}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Problem:
        """The problem :meth:`to_json` kept. One kept without a code, or whose code or values
        this version does not declare, is its kept English words (:attr:`Code.KEPT_TEXT`)."""
        place = str(data["file"]), int(data["row"]), str(data["column"])
        try:
            code = Code(data["code"])
            values = Message.from_json({"key": code.key, "params": data["params"]}).values
            return cls(*place, code, **values)
        except (KeyError, ValueError, TypeError):
            return cls(*place, Code.KEPT_TEXT, text=str(data.get("message", "")))


class TrackerError(Exception):
    """Base class of every error the project raises on purpose."""


class DataRejected(TrackerError):
    """Input data failed validation. Nothing was written."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(set(problems))
        super().__init__(t("message.problems_found", "en", count=len(self.problems)))


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
