"""Small-cell suppression: try to recover every hidden cell from the visible ones and fail."""

from __future__ import annotations

import itertools
import random

from pipelines.submissions.suppression import Cell, additive_relations, suppress

LEVELS = {f"region_{r}": "region" for r in ("central", "east", "north", "toronto", "west")}
LEVELS |= {"toronto_durham": "area", "kenora": "area"}
T = 10


def cell(geo: str, value: float, breakdown: str = "total", people: bool = True) -> Cell:
    return Cell(("ind", "2025-26Q1", geo, breakdown), value, people)


def recoverable(cells: list[Cell], hidden: set) -> list:
    """Hidden cells an attacker pins down exactly: a relation with one hidden member."""
    by_key = {c.key: c for c in cells}
    found = []
    for total, parts in additive_relations(by_key, LEVELS):
        members = [total, *parts]
        unknown = [k for k in members if k in hidden]
        if len(unknown) == 1:
            found.append(unknown[0])
    return found


def test_small_region_and_its_complement_are_hidden() -> None:
    cells = [cell("ontario", 72), cell("region_central", 19), cell("region_east", 14),
             cell("region_north", 6), cell("region_toronto", 21), cell("region_west", 12)]
    hidden = suppress(cells, T, LEVELS)
    assert hidden == {cells[3].key, cells[5].key}
    visible = sum(c.value for c in cells[1:] if c.key not in hidden)
    # Subtraction yields only the sum of the two hidden cells, never either of them.
    assert 72 - visible == 6 + 12
    assert recoverable(cells, hidden) == []


def test_provincial_total_is_never_hidden_and_zero_is_not_small() -> None:
    cells = [cell("ontario", 5), cell("region_north", 0), cell("region_east", 5)]
    hidden = suppress(cells, T, LEVELS)
    assert cells[0].key not in hidden
    assert cells[2].key in hidden and cells[1].key in hidden  # 0 hidden as the complement


def test_counts_that_are_not_people_are_not_suppressed() -> None:
    cells = [cell("ontario", 30, people=False), cell("region_north", 3, people=False),
             cell("region_east", 27, people=False)]
    assert suppress(cells, T, LEVELS) == set()


def test_age_breakdown_and_area_breakdown_both_protected() -> None:
    cells = [cell("ontario", 54), cell("kenora", 4), cell("toronto_durham", 50),
             cell("ontario", 3, "age:under-12"), cell("ontario", 23, "age:12-15"),
             cell("ontario", 28, "age:16-17")]
    hidden = suppress(cells, T, LEVELS)
    assert {cells[1].key, cells[2].key, cells[3].key, cells[4].key} <= hidden
    assert recoverable(cells, hidden) == []


def test_chained_relations_are_protected() -> None:
    """A region total hidden for its age split must not be recomputable from the regions."""
    cells = [cell("ontario", 100), cell("region_north", 30), cell("region_east", 70),
             cell("region_north", 4, "age:12-15"), cell("region_north", 26, "age:16-17"),
             cell("ontario", 4, "age:12-15"), cell("ontario", 96, "age:16-17"),
             cell("region_east", 0, "age:12-15"), cell("region_east", 70, "age:16-17")]
    hidden = suppress(cells, T, LEVELS)
    assert cells[3].key in hidden
    assert recoverable(cells, hidden) == []


def test_random_tables_never_leak_a_hidden_cell() -> None:
    rng = random.Random(7)
    regions = [g for g, level in LEVELS.items() if level == "region"]
    for _ in range(300):
        cells = []
        grand = 0
        for region in regions:
            ages = [rng.choice([0, 1, 3, 8, 12, 25, 40]) for _ in range(2)]
            cells += [cell(region, a, f"age:{i}") for i, a in enumerate(ages)]
            cells.append(cell(region, sum(ages)))
            grand += sum(ages)
        cells.append(cell("ontario", grand))
        for i in range(2):
            cells.append(cell("ontario", sum(c.value for c in cells if c.key[3] == f"age:{i}"
                                             and c.key[2] != "ontario"), f"age:{i}"))
        hidden = suppress(cells, T, LEVELS)
        small = {c.key for c in cells if 1 <= c.value < T and c.key[2:] != ("ontario", "total")}
        assert small <= hidden
        assert recoverable(cells, hidden) == []
        assert ("ind", "2025-26Q1", "ontario", "total") not in hidden


def test_subtracting_every_combination_of_visible_cells_fails() -> None:
    cells = [cell("ontario", 72), cell("region_central", 19), cell("region_east", 14),
             cell("region_north", 6), cell("region_toronto", 21), cell("region_west", 12)]
    hidden = suppress(cells, T, LEVELS)
    visible = [c.value for c in cells[1:] if c.key not in hidden]
    sums = {72 - sum(combo) for n in range(len(visible) + 1)
            for combo in itertools.combinations(visible, n)}
    # The only exact figure an attacker gets is 18, the sum of both hidden cells.
    assert 6 not in sums and 12 not in sums
