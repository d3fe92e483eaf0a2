"""The bilingual text catalogue.

Every string a person reads comes from ``pipelines/language/catalogue/*.toml`` (or from the
database's ``_en``/``_fr`` columns). One file per area so pages can add their own file
without editing someone else's. Format::

    [section]
    key = { en = "...", fr = "..." }

A text that counts something has a form for each plural category of the language (CLDR's,
through Babel: English says "1 row" and "0 rows", French "0 ligne" and "1 ligne"), chosen by
the ``count`` parameter, which the text shows formatted for the language::

    rows.en.one = "{count} row"
    rows.en.other = "{count} rows"
    rows.fr.one = "{count} ligne"
    rows.fr.other = "{count} lignes"

``one`` and ``other`` are required; a category the entry does not give (French ``many``, for
a million) reads ``other``.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Final, Literal

from babel import Locale

Lang = Literal["en", "fr"]
LANGUAGES: Final[tuple[Lang, ...]] = ("en", "fr")
DEFAULT_LANG: Final[Lang] = "en"
TEXT_DIR: Final[Path] = Path(__file__).resolve().parent / "catalogue"
LOCALES: Final[dict[str, str]] = {"en": "en_CA", "fr": "fr_CA"}
# CLDR's plural categories; every plural entry gives at least the first two.
PLURAL_REQUIRED: Final = ("one", "other")
PLURAL_CATEGORIES: Final = frozenset({"zero", "one", "two", "few", "many", "other"})


class CatalogueError(ValueError):
    """The catalogue files are malformed (missing language, duplicate key)."""


class Plural(str):
    """A text with a form per plural category. As a ``str`` it is its ``other`` form, so
    whoever reads the catalogue as plain text (a scan of its words) reads a whole sentence."""

    forms: dict[str, str]

    def __new__(cls, forms: Mapping[str, str]) -> Plural:
        text = super().__new__(cls, forms["other"])
        text.forms = dict(forms)
        return text

    def form(self, count: float, lang: str) -> str:
        """The form Babel's plural rule for ``lang`` gives ``count``, else ``other``."""
        category = Locale.parse(LOCALES[normalise_lang(lang)]).plural_form(abs(count))
        return self.forms.get(category, self.forms["other"])


def normalise_lang(value: object) -> Lang:
    """Any user-supplied ``lang`` value becomes a supported language; unknown means English."""
    return "fr" if str(value or "").strip().lower().startswith("fr") else "en"


def other_lang(lang: Lang) -> Lang:
    return "en" if lang == "fr" else "fr"


def _entries(path: Path) -> dict[str, Mapping[str, object]]:
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    entries: dict[str, Mapping[str, object]] = {}
    for section, table in data.items():
        if not isinstance(table, dict):
            raise CatalogueError(f"{path.name}: top-level key {section!r} is not a [section]")
        for key, value in table.items():
            if not isinstance(value, dict):
                raise CatalogueError(f"{path.name}: {section}.{key} is not an {{en, fr}} table")
            entries[f"{section}.{key}"] = value
    return entries


def load_catalogue(text_dir: Path = TEXT_DIR) -> dict[str, dict[Lang, str]]:
    """Read and check every catalogue file; raise on a missing language or a duplicate key."""
    catalogue: dict[str, dict[Lang, str]] = {}
    origin: dict[str, str] = {}
    for path in sorted(text_dir.glob("*.toml")):
        for key, value in _entries(path).items():
            if key in catalogue:
                raise CatalogueError(f"{key} is defined in both {origin[key]} and {path.name}")
            catalogue[key] = {lang: _text(path.name, key, lang, value.get(lang))
                              for lang in LANGUAGES}
            origin[key] = path.name
    return catalogue


def _text(file: str, key: str, lang: Lang, value: object) -> str:
    """One language of one entry: a text, or a table of plural forms."""
    if not isinstance(value, dict):
        if not str(value or "").strip():
            raise CatalogueError(f"{file}: {key} has no {lang} text")
        return str(value)
    unknown = sorted(set(value) - PLURAL_CATEGORIES)
    missing = [c for c in PLURAL_REQUIRED if not str(value.get(c, "")).strip()]
    if unknown or missing:
        raise CatalogueError(f"{file}: {key}.{lang} has plural forms {sorted(value)}; "
                             f"expected {' and '.join(PLURAL_REQUIRED)} (CLDR categories)")
    return Plural({category: str(text) for category, text in value.items()})


@cache
def _catalogue() -> dict[str, dict[Lang, str]]:
    # Read once per process on first use, not at import time.
    return load_catalogue()


def t(key: str, lang: str = DEFAULT_LANG, /, **fmt: object) -> str:
    """The text for ``key`` in ``lang``; ``fmt`` fills ``{placeholders}``. A plural entry
    takes its form from ``fmt["count"]`` (a number), shown formatted for ``lang``."""
    try:
        text = _catalogue()[key][normalise_lang(lang)]
    except KeyError as exc:
        raise KeyError(f"no catalogue entry {key!r}") from exc
    if isinstance(text, Plural):
        count = fmt.get("count")
        if not isinstance(count, int | float) or isinstance(count, bool):
            raise TypeError(f"{key} counts something: give count= a number, not {count!r}")
        # The formatting module builds on this one (its words come from the catalogue).
        from pipelines.language.formatting import format_number

        text = text.form(count, lang)
        fmt = {**fmt, "count": format_number(count, lang)}
    return text.format(**fmt) if fmt else text


def pick(row: object, field: str, lang: str) -> str:
    """``row.<field>_<lang>``: a database row's text in the page's language (English when the
    French is missing)."""
    value = getattr(row, f"{field}_{normalise_lang(lang)}", None) or getattr(
        row, f"{field}_en", None)
    return "" if value is None else str(value)
