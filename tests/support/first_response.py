"""What a page's first HTML response holds, read the way a client without script reads it
(the standard library's HTML parser): the help bar, the headings, every figure's data
attributes and every chart's SVG. Shared by the plain-client and the browser tests."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any

PAGE_ID = "tracker-page"
Mark = tuple[str, str, str | None, str | None]  # indicator id, status, quarter, value
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}


@dataclass
class Facts:
    """What the page shows, from its markup."""

    h1: list[str] = field(default_factory=list)
    marks: list[Mark] = field(default_factory=list)
    charts: int = 0
    chart_svgs: int = 0
    tel: list[str] = field(default_factory=list)  # tel: links of the help bar
    quick_exit: str | None = None  # Quick exit's href
    help_text: str = ""


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.facts = Facts()
        self.depth = 0  # inside #tracker-page when > 0
        self.stack: list[str] = []
        self.h1: list[str] | None = None
        self.help_depth = 0
        self.graph_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if found.get("id") == PAGE_ID and not self.depth:
            self.depth = 1
            self.stack = ["div"]
            return
        if not self.depth:
            return
        self._open(tag, found)
        if tag not in VOID:
            self.stack.append(tag)

    def _open(self, tag: str, found: dict[str, str | None]) -> None:
        classes = (found.get("class") or "").split()
        if found.get("id") == "shell-help":
            self.help_depth = len(self.stack) + 1
        if self.help_depth and tag == "a" and (found.get("href") or "").startswith("tel:"):
            self.facts.tel.append(str(found["href"]))
        if tag == "a" and found.get("id") == "shell-quick-exit":
            self.facts.quick_exit = found.get("href")
        if tag == "h1":
            self.h1 = []
        if "data-indicator-id" in found and "data-status" in found:
            self.facts.marks.append((str(found["data-indicator-id"]), str(found["data-status"]),
                                     found.get("data-quarter"), found.get("data-value")))
        if "dash-graph" in classes:
            self.facts.charts += 1
        if tag == "svg" and "chart-svg-plot" in classes:
            self.facts.chart_svgs += 1

    def handle_endtag(self, tag: str) -> None:
        if not self.depth or tag in VOID:
            return
        if tag == "h1" and self.h1 is not None:
            self.facts.h1.append(" ".join("".join(self.h1).split()))
            self.h1 = None
        if self.stack and self.stack[-1] == tag:
            self.stack.pop()
        if self.help_depth and len(self.stack) < self.help_depth:
            self.help_depth = 0
        if not self.stack:
            self.depth = 0

    def handle_data(self, data: str) -> None:
        if self.h1 is not None:
            self.h1.append(data)
        if self.help_depth:
            self.facts.help_text += data


def read_page(html: str) -> Facts:
    reader = _Reader()
    reader.feed(html)
    return reader.facts


def layout_marks(layout: Any) -> list[Mark]:
    """The data attributes of the layout's JSON (what dash-renderer draws), in order."""
    marks: list[Mark] = []

    def walk(node: Any) -> None:
        if isinstance(node, list):
            for child in node:
                walk(child)
        elif isinstance(node, dict):
            props = node.get("props") if "namespace" in node else None
            if isinstance(props, dict):
                if "data-indicator-id" in props and "data-status" in props:
                    marks.append(tuple(None if props.get(k) is None else str(props[k])
                                       for k in ("data-indicator-id", "data-status",
                                                 "data-quarter", "data-value")))  # type: ignore[arg-type]
                walk(props.get("children"))
            else:
                for value in node.values():
                    walk(value)

    walk(layout)
    return marks


def layout_graphs(layout: Any) -> int:
    return json.dumps(layout).count('"type": "Graph"')
