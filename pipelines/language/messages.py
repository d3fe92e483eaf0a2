"""A message as a catalogue key and its parameters, worded in either language when shown.

Whatever refuses input says *what* is wrong with a code and the values it names; the words
live in the catalogue. A validation problem (:class:`pipelines.errors.Problem`, the
``problem`` section), a refused download filter
(:class:`pipelines.release.problems.FilterProblem`, ``filter_problem``) and a refused change
to a staff account are all a :class:`Message`: the command line, the logs and
``meta.loads`` print its English, a page its words in the page's language.

Each parameter has a :class:`Kind` that says how a language shows it: a number is grouped as
the language groups it (``1,234`` / ``1 234``), a ``count`` also picks the plural form, a
row number is digits only, and text a person typed is shown exactly as typed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Final

from pipelines.language.formatting import format_date, format_number
from pipelines.language.i18n import t


class Kind(StrEnum):
    TEXT = "text"  # as given (a cell, an id, a reason): never translated
    NUMBER = "number"  # grouped per language: 1,234 / 1 234
    COUNT = "count"  # a number that also picks the plural form (catalogue: ``count``)
    ROW = "row"  # a row or line number: digits only, as a spreadsheet numbers its rows
    DATE = "date"  # CLDR's short date, 2026-09-30 in en_CA and fr_CA alike
    LIST = "list"  # allowed values or ids, "a, b, c"
    NAMES = "names"  # names in the language's quotation marks, the first few then "…"


Value = str | int | float | date | tuple[str, ...]
# Sheet names and the like: more than this many are cut with "…".
NAMES_SHOWN: Final = 5


@dataclass(frozen=True)
class Message:
    """What to say (``key``, a catalogue entry) and the values it names, each with its
    kind, in the order given."""

    key: str
    params: tuple[tuple[str, Kind, Value], ...] = ()

    @classmethod
    def of(cls, key: str, kinds: Mapping[str, Kind] | None = None, /,
           **values: object) -> Message:
        """The message ``key`` naming ``values``. With ``kinds`` (a declaration) the values
        must be exactly the declared ones; without, each value's kind follows its type."""
        if kinds is not None and set(values) != set(kinds):
            raise TypeError(f"{key} takes {sorted(kinds)}, not {sorted(values)}")
        params = []
        for name, value in values.items():
            kind = kinds[name] if kinds is not None else infer(value)
            params.append((name, kind, _checked(key, name, kind, value)))
        return cls(key, tuple(params))

    def text(self, lang: str) -> str:
        """The message in ``lang``."""
        return t(self.key, lang, **{name: _shown(kind, value, lang)
                                    for name, kind, value in self.params})

    @property
    def values(self) -> dict[str, Value]:
        return {name: value for name, _kind, value in self.params}

    def to_json(self) -> dict[str, object]:
        return {"key": self.key, "params": [
            [name, kind.value, value.isoformat() if isinstance(value, date) else
             list(value) if isinstance(value, tuple) else value]
            for name, kind, value in self.params]}

    @classmethod
    def from_json(cls, data: Mapping[str, object]) -> Message:
        """The message :meth:`to_json` wrote (dates and lists as they were)."""
        params = []
        for name, kind_name, value in _triples(data.get("params")):
            kind = Kind(str(kind_name))
            params.append((str(name), kind, _restored(kind, value)))
        return cls(str(data["key"]), tuple(params))


def infer(value: object) -> Kind:
    """The kind a value's type suggests (a message with no declaration)."""
    if isinstance(value, bool):
        return Kind.TEXT
    if isinstance(value, int | float):
        return Kind.NUMBER
    if isinstance(value, date):
        return Kind.DATE
    if isinstance(value, list | tuple):
        return Kind.LIST
    return Kind.TEXT


def _checked(key: str, name: str, kind: Kind, value: object) -> Value:
    numeric = isinstance(value, int | float) and not isinstance(value, bool)
    if kind in (Kind.LIST, Kind.NAMES) and isinstance(value, list | tuple):
        return tuple(str(item) for item in value)
    if (kind in (Kind.NUMBER, Kind.COUNT) and numeric) or (
            kind is Kind.ROW and isinstance(value, int) and not isinstance(value, bool)):
        return value  # type: ignore[return-value]
    if kind is Kind.DATE and isinstance(value, date):
        return value
    if kind is Kind.TEXT:
        return str(value)
    raise TypeError(f"{key}: {name} is a {kind.value}, not {value!r}")


def _shown(kind: Kind, value: Value, lang: str) -> object:
    if kind is Kind.NUMBER and isinstance(value, int | float):
        return format_number(value, lang, decimals=6)
    if kind is Kind.DATE and isinstance(value, date):
        return format_date(value, lang, style="short")
    if kind is Kind.LIST and isinstance(value, tuple):
        return ", ".join(value)
    if kind is Kind.NAMES and isinstance(value, tuple):
        quoted = [t("message.quoted", lang, text=name) for name in value[:NAMES_SHOWN]]
        return ", ".join(quoted + (["…"] if len(value) > NAMES_SHOWN else []))
    return value  # text, a row number, and a count (the catalogue formats it)


def _triples(value: object) -> Iterable[tuple[object, object, object]]:
    for item in value if isinstance(value, list) else []:
        if isinstance(item, list) and len(item) == 3:
            yield item[0], item[1], item[2]


def _restored(kind: Kind, value: object) -> Value:
    if kind is Kind.DATE:
        return date.fromisoformat(str(value))
    if kind in (Kind.LIST, Kind.NAMES):
        return tuple(str(v) for v in value) if isinstance(value, list) else (str(value),)
    if kind in (Kind.NUMBER, Kind.COUNT, Kind.ROW) and isinstance(value, int | float):
        return value
    return str(value)
