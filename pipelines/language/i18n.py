"""The bilingual text catalogue.

Every string a person reads comes from ``pipelines/language/catalogue/*.toml`` (or from the
database's ``_en``/``_fr`` columns). One file per area so pages can add their own file
without editing someone else's. Format::

    [section]
    key = { en = "...", fr = "..." }
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Final, Literal

Lang = Literal["en", "fr"]
LANGUAGES: Final[tuple[Lang, ...]] = ("en", "fr")
DEFAULT_LANG: Final[Lang] = "en"
TEXT_DIR: Final[Path] = Path(__file__).resolve().parent / "catalogue"


class CatalogueError(ValueError):
    """The catalogue files are malformed (missing language, duplicate key)."""


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
            missing = [lang for lang in LANGUAGES if not str(value.get(lang, "")).strip()]
            if missing:
                raise CatalogueError(f"{path.name}: {key} has no {', '.join(missing)} text")
            catalogue[key] = {lang: str(value[lang]) for lang in LANGUAGES}
            origin[key] = path.name
    return catalogue


@cache
def _catalogue() -> dict[str, dict[Lang, str]]:
    # Read once per process on first use, not at import time.
    return load_catalogue()


def t(key: str, lang: str = DEFAULT_LANG, **fmt: object) -> str:
    """The text for ``key`` in ``lang``; ``fmt`` fills ``{placeholders}``."""
    try:
        text = _catalogue()[key][normalise_lang(lang)]
    except KeyError as exc:
        raise KeyError(f"no catalogue entry {key!r}") from exc
    return text.format(**fmt) if fmt else text


def pick(row: object, field: str, lang: str) -> str:
    """``row.<field>_<lang>``: a database row's text in the page's language (English when the
    French is missing)."""
    value = getattr(row, f"{field}_{normalise_lang(lang)}", None) or getattr(
        row, f"{field}_en", None)
    return "" if value is None else str(value)
