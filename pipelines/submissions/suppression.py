"""Small-cell suppression (docs/architecture.md › Domain rules), primary and complementary.

Primary: a count of people from 1 to ``threshold - 1`` in any cell below the provincial total is
hidden. Complementary: every additive relation "total = sum of parts" that has its total present
must hide either none of its cells or at least two, otherwise the hidden one is the total minus
the visible parts. Relations are, per indicator and quarter:

* a geography's ``total`` and its ``dimension:value`` parts (one relation per dimension);
* the provincial value of a breakdown and the same breakdown in each geography of one level
  below the province (regions partition Ontario; areas are treated the same way, which is
  conservative when they do not cover the province).

Provincial totals (and anything above the province) are never hidden: the government publishes
them. When a relation needs one more hidden cell, the smallest visible part is chosen because
it carries the least information.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from pipelines.submissions.template import (
    DEFAULT_BREAKDOWN,
    NEVER_SUPPRESSED_GEOGRAPHIES,
    PROVINCE,
)

Key = tuple[str, str, str, str]  # indicator_id, period (quarter label), geography, breakdown


@dataclass(frozen=True)
class Cell:
    key: Key
    value: float
    is_people: bool

    @property
    def protected(self) -> bool:
        geography, breakdown = self.key[2], self.key[3]
        return geography in NEVER_SUPPRESSED_GEOGRAPHIES and breakdown == DEFAULT_BREAKDOWN


def suppress(cells: Iterable[Cell], threshold: int, levels: Mapping[str, str]) -> set[Key]:
    """Keys to hide. ``levels`` maps geography id to its level ('region', 'area', ...)."""
    by_key = {cell.key: cell for cell in cells}
    hidden = {
        key
        for key, cell in by_key.items()
        if cell.is_people and not cell.protected and 1 <= cell.value < threshold
    }
    relations = additive_relations(by_key, levels)
    changed = True
    while changed:  # hiding a cell for one relation can leave another with a single hidden cell
        changed = False
        for total, parts in relations:
            members = [total, *parts]
            if sum(key in hidden for key in members) != 1:
                continue
            extra = _next_to_hide(parts, hidden, by_key)
            if extra is not None:
                hidden.add(extra)
                changed = True
    return hidden


def _next_to_hide(parts: list[Key], hidden: set[Key], by_key: Mapping[Key, Cell]) -> Key | None:
    candidates = [k for k in parts if k not in hidden and not by_key[k].protected]
    return min(candidates, key=lambda k: (by_key[k].value, k), default=None)


def additive_relations(
    by_key: Mapping[Key, Cell], levels: Mapping[str, str]
) -> list[tuple[Key, list[Key]]]:
    """(total, parts) pairs whose total is present and that have at least one part."""
    groups: dict[Key, list[Key]] = defaultdict(list)
    level_groups: dict[tuple[Key, str], list[Key]] = defaultdict(list)
    for key in by_key:
        indicator, period, geography, breakdown = key
        if breakdown != DEFAULT_BREAKDOWN:
            dimension = breakdown.partition(":")[0]
            groups[(indicator, period, geography, f"{DEFAULT_BREAKDOWN}|{dimension}")].append(key)
        if geography not in NEVER_SUPPRESSED_GEOGRAPHIES:
            level = levels.get(geography, "area")
            level_groups[((indicator, period, PROVINCE, breakdown), level)].append(key)
    relations = []
    for (indicator, period, geography, marker), parts in groups.items():
        total = (indicator, period, geography, marker.partition("|")[0])
        if total in by_key:
            relations.append((total, sorted(parts)))
    for (total, _level), parts in level_groups.items():
        if total in by_key:
            relations.append((total, sorted(parts)))
    return sorted(relations)
