"""A briefing as a Word file (python-docx), from the very HTML the download writes, so a
writer can paste its headings, tables and charts into a ministry template.

The briefing's HTML is our own, small and regular, so it is walked element by element:
``h1``–``h3`` become headings, ``p``/``li``/``dt``/``dd`` paragraphs, ``table`` a Word table
(its caption a paragraph above it), and each inline ``<svg>`` chart a PNG drawn by CairoSVG
(no browser) with its caption and source line below. Text keeps every marker the HTML has
("[demo]"). The help line, styles and anchors are not copied.
"""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from typing import Any

import tinyhtml5
from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.shared import Cm, Pt

SVG_NS = "{http://www.w3.org/2000/svg}"
XMLNS_NS = "{http://www.w3.org/2000/xmlns/}"
CHART_WIDTH_CM = 16.0
BLOCKS = frozenset({"p", "li", "dt", "dd", "figcaption", "blockquote"})


def _tag(element: Any) -> str:
    return str(element.tag).split("}")[-1]


def _find(element: Any, tag: str) -> Any:
    return next((e for e in element.iter() if _tag(e) == tag), None)


def _text(element: Any) -> str:
    return " ".join("".join(element.itertext()).split())


def _svg_png(svg: Any) -> bytes:
    import cairosvg  # imported late: loads cairo

    # The HTML parser keeps ``xmlns`` as an attribute of its own namespace; XML may not.
    for element in svg.iter():
        for name in [n for n in element.attrib if n.startswith(XMLNS_NS)]:
            del element.attrib[name]
    ET.register_namespace("", SVG_NS[1:-1])
    source = ET.tostring(svg)
    png = cairosvg.svg2png(bytestring=source, output_width=1600)
    assert png is not None
    return bytes(png)


def _table(document: Any, table: Any) -> None:
    caption = _find(table, "caption")
    if caption is not None:
        document.add_paragraph(_text(caption), style="Caption")
    rows = [r for r in table.iter() if _tag(r) == "tr"]
    width = max((sum(_tag(c) in ("th", "td") for c in r) for r in rows), default=0)
    if not rows or not width:
        return
    out = document.add_table(rows=len(rows), cols=width)
    out.style = "Table Grid"
    out.alignment = WD_TABLE_ALIGNMENT.LEFT
    for i, row in enumerate(rows):
        for j, cell in enumerate(c for c in row if _tag(c) in ("th", "td")):
            target = out.cell(i, j)
            target.text = _text(cell)
            if _tag(cell) == "th":
                for run in target.paragraphs[0].runs:
                    run.bold = True
    document.add_paragraph()


def _walk(element: Any) -> Iterator[Any]:
    """The elements that become Word blocks, in document order, without descending into
    them (a table's cells, a figure's SVG)."""
    for child in element:
        if not isinstance(child.tag, str):
            continue
        tag = _tag(child)
        if tag in ("h1", "h2", "h3", "table", "figure", "svg") or tag in BLOCKS:
            yield child
        elif tag not in ("style", "script"):
            yield from _walk(child)


def _add(document: Any, element: Any) -> None:
    tag = _tag(element)
    if tag in ("h1", "h2", "h3"):
        document.add_heading(_text(element), level=int(tag[1]) - (1 if tag == "h1" else 0))
    elif tag == "table":
        _table(document, element)
    elif tag in ("figure", "svg"):
        svg = element if tag == "svg" else _find(element, "svg")
        if svg is not None:
            document.add_picture(io.BytesIO(_svg_png(svg)), width=Cm(CHART_WIDTH_CM))
        for caption in (e for e in element.iter() if _tag(e) == "figcaption"):
            document.add_paragraph(_text(caption), style="Caption")
    elif tag == "li":
        document.add_paragraph(_text(element), style="List Bullet")
    else:
        text = _text(element)
        if text:
            paragraph = document.add_paragraph(text)
            if tag == "dt":
                for run in paragraph.runs:
                    run.bold = True


def to_docx(html: str) -> bytes:
    """The Word file of one self-contained briefing."""
    tree = tinyhtml5.parse(html)
    document = Document()
    style = document.styles["Normal"]
    style.font.name = "Calibri"
    style.font.size = Pt(10.5)
    title = _find(tree, "title")
    document.core_properties.title = _text(title) if title is not None else ""
    document.core_properties.language = tree.get("lang", "en")
    body = _find(tree, "body")
    for part in ("header", "main", "footer"):
        section = _find(body, part) if body is not None else None
        if section is None:
            continue
        for element in _walk(section):
            if "help" in (element.get("class") or "").split():
                continue
            _add(document, element)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
