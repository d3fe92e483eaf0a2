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


# In a PDF line block, what follows this is the next line: it may hold the marker of a value
# that ends the line, but its own values are checked in their own block.
NEXT_LINE = "\x00"


def unmarked(blocks: Iterable[str], tokens: set[str]) -> list[str]:
    """The blocks that show a demonstration value with no marker in the same block."""
    pattern = _token_pattern(tokens)
    return [b for b in blocks
            if pattern.search(b.split(NEXT_LINE)[0]) and not MARKER.search(b)]


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


HTML_BLOCKS = frozenset({"td", "th", "li", "p", "dd", "dt", "figcaption", "h1", "h2", "h3",
                         "caption", "text", "title", "blockquote", "option"})


def html_blocks(html: str) -> Iterator[str]:
    """Each block-level element's whole text in an HTML document (an SVG chart's labels
    included: each ``<text>`` is a block)."""
    import tinyhtml5

    def tag(element: Any) -> str:
        return str(element.tag).split("}")[-1]

    def walk(element: Any) -> Iterator[str]:
        if tag(element) in ("style", "script"):
            return
        if tag(element) in HTML_BLOCKS:
            yield " ".join("".join(element.itertext()).split())
        for child in element:
            yield from walk(child)

    yield from walk(tinyhtml5.parse(html))


def pdf_blocks(data: bytes) -> Iterator[str]:
    """A PDF's table cells (as pdfplumber finds them), and each other line joined with the
    next (a sentence may wrap between a value and its marker)."""
    import io

    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            tables = page.find_tables()
            for found in tables:
                for row in found.extract():
                    yield from (cell or "" for cell in row)
            boxes = [t.bbox for t in tables]

            def outside(obj: dict[str, Any], boxes: list[Any] = boxes) -> bool:
                return not any(x0 <= obj["x0"] and obj["x1"] <= x1 and top <= obj["top"]
                               and obj["bottom"] <= bottom for x0, top, x1, bottom in boxes)

            lines = (page.filter(outside).extract_text() or "").splitlines()
            yield from (NEXT_LINE.join(pair)
                        for pair in zip(lines, [*lines[1:], ""], strict=True))


def docx_blocks(data: bytes) -> Iterator[str]:
    import io

    import docx

    document = docx.Document(io.BytesIO(data))
    yield from (p.text for p in document.paragraphs)
    for table in document.tables:
        for row in table.rows:
            yield from (cell.text for cell in row.cells)
