"""File names of downloads: a file says what it holds.

``frontline_workers_trained_ontario_en.csv`` is the observations of one indicator in Ontario,
with English headers; ``frontline_workers_trained_progress_demo_fr.csv`` its progress rows
including demonstration rows, with French headers; ``observations_support_en.csv`` every
observation of a pillar. The same filters always give the same name.
"""

from __future__ import annotations

import hashlib
import re
from typing import Final

from pipelines.release.export import LIST_FILTERS, Filters

# Longer names are cut and end with a short fingerprint of the whole filter set instead.
MAX_STEM: Final[int] = 120
_UNSAFE: Final = re.compile(r"[^A-Za-z0-9_.-]+")
# "total" is what an unbroken-down figure is: naming it adds nothing.
_UNNAMED: Final[dict[str, frozenset[str]]] = {"breakdown": frozenset({"total"})}


def _slug(text: str) -> str:
    return _UNSAFE.sub("-", text).strip("-.") or "x"


def name_parts(table: str, filters: Filters) -> list[str]:
    """What the name says, in order: the indicators (else the table), the table when it is
    not the observations of an indicator, then each filter's values and "demo"."""
    parts = list(filters.indicator) or [table]
    if filters.indicator and table != "observations":
        parts.append(table)
    for name in LIST_FILTERS:
        if name != "indicator":
            parts += [v for v in getattr(filters, name) if v not in _UNNAMED.get(name, ())]
    if filters.date_from:
        parts.append(f"from_{filters.date_from.isoformat()}")
    if filters.date_to:
        parts.append(f"to_{filters.date_to.isoformat()}")
    if filters.include_demo:
        parts.append("demo")
    return [_slug(part) for part in parts]


def download_name(table: str, filters: Filters, lang: str, extension: str = "csv") -> str:
    """The file name of ``table`` filtered by ``filters`` with ``lang`` headers."""
    stem = "_".join(name_parts(table, filters))
    if len(stem) > MAX_STEM:
        digest = hashlib.sha256(repr(filters.query_items()).encode()).hexdigest()[:8]
        stem = f"{stem[:MAX_STEM - 9].rstrip('_-.')}_{digest}"
    return f"{stem}_{'fr' if lang == 'fr' else 'en'}.{extension}"
