"""Sorting names the way a reader of either language expects: "Équipes" among the E's, not
after "Z", and "éclair" beside "Eclair".

Python's ``sorted`` compares code points, which puts every accented capital after the whole
alphabet. We use the Unicode Collation Algorithm with its default table (pyuca, pure Python,
no system locale): it is what CLDR uses for English and for French, so the order does not
depend on the locales a server happens to have installed. (CLDR's Canadian French adds only
one tailoring, accents compared from the end of the word, which changes the order of words
that differ by accents alone; none of our names do.)

Matching a typed filter uses the same idea in small: accents, case and apostrophes are
ignored, so "equipe" finds "Équipes d’intervention" (the page's script does the same).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable
from functools import cache
from typing import Any, TypeVar

T = TypeVar("T")


@cache
def _collator() -> Any:
    # Loaded on first use (about 0.2 s, once per process), never at import time.
    import pyuca

    return pyuca.Collator()


def sort_key(text: str) -> tuple[int, ...]:
    """The Unicode collation key of ``text``."""
    return tuple(_collator().sort_key(text))


def collated(items: Iterable[T], name: Callable[[T], str]) -> list[T]:
    """``items`` sorted by ``name(item)`` in collation order (ties keep their order)."""
    return sorted(items, key=lambda item: sort_key(name(item)))


def folded(text: str) -> str:
    """``text`` without accents, case or typographic apostrophes, for matching what a reader
    types: "Équipes d’intervention" -> "equipes d'intervention"."""
    decomposed = unicodedata.normalize("NFKD", text.replace("\u2019", "'"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def matches(query: str, *texts: str) -> bool:
    """Whether every word of ``query`` is found in one of ``texts`` (folded)."""
    words = folded(query).split()
    haystack = " ".join(folded(text) for text in texts)
    return all(word in haystack for word in words)
