"""Finding demonstration values without their marker: the tokens a demonstration build
shows, and a scan of any text made of blocks (a page's components, a briefing's elements, a
PDF's lines, a Word file's paragraphs and cells)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import duckdb

from pipelines.language.formatting import format_number

# The visible markers, in both languages: "[demo]", "(DEMONSTRATION)", "demonstration data".
MARKER = re.compile(r"\[d[ée]mo\]|d[ée]monstration", re.IGNORECASE)
BLOCK_TYPES = frozenset({"Td", "Th", "Li", "P", "Dd", "Dt", "Figcaption", "H1", "H2", "H3",
                         "Caption", "Option", "Label"})


def demo_tokens(db: Path) -> set[str]:
    """Formatted demonstration values (both languages) that no real figure shares: every
    submitted demonstration total, and every figure to date decided on one. Values below 100
    are left out: a "3" or a "52" also counts teams, days and real organizations."""
    with duckdb.connect(str(db), read_only=True) as con:
        demo = {v for (v,) in con.execute(
            "SELECT value FROM marts.observations WHERE status = 'demo' AND value IS NOT NULL "
            "UNION SELECT value_to_date FROM marts.progress WHERE value_to_date_status = 'demo' "
            "AND value_to_date IS NOT NULL").fetchall()}
        real = {v for (v,) in con.execute(
            "SELECT value FROM marts.observations WHERE status <> 'demo' AND value IS NOT NULL "
            "UNION SELECT baseline_per_year FROM marts.indicator_assessments "
            "WHERE baseline_per_year IS NOT NULL").fetchall()}
    return {format_number(v, lang) for v in demo - real if v >= 100 for lang in ("en", "fr")}


def _token_pattern(tokens: Iterable[str]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(t) for t in sorted(tokens, key=len, reverse=True))
    return re.compile(rf"(?<![\d.,\u00a0\u202f])(?:{alternatives})(?![\d\u00a0\u202f]?\d)")


def unmarked(blocks: Iterable[str], tokens: set[str]) -> list[str]:
    """The blocks that show a demonstration value with no marker in the same block."""
    pattern = _token_pattern(tokens)
    return [b for b in blocks if pattern.search(b) and not MARKER.search(b)]


def _text(node: Any) -> str:
    if isinstance(node, str):
        return node
    if isinstance(node, (int, float)):
        return str(node)
    if isinstance(node, list):
        return " ".join(_text(n) for n in node)
    if isinstance(node, dict):
        props = node.get("props", {})
        return " ".join(_text(props.get(k)) for k in ("children", "title", "alt", "value")
                        if props.get(k) is not None)
    return ""


def dash_blocks(node: Any) -> Iterator[str]:
    """Each block-level component's whole text (a cell, an item, a paragraph)."""
    if isinstance(node, list):
        for child in node:
            yield from dash_blocks(child)
    elif isinstance(node, dict):
        if node.get("type") in BLOCK_TYPES:
            yield _text(node)
        for value in (node["props"] if isinstance(node.get("props"), dict)
                      else node).values():
            yield from dash_blocks(value)
