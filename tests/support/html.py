"""Reading the HTML the tracker writes (briefings, server-rendered pages): the status marks an
element carries, and links that would reach out of a self-contained file."""

from __future__ import annotations

import re
from html.parser import HTMLParser

Mark = tuple[str, str, str, str]  # indicator, quarter, status, value
# Any src= or href= (quoted or not) that reaches out of the file.
EXTERNAL = re.compile(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", re.IGNORECASE)


class _MarkParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.marks: list[Mark] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if "data-indicator-id" in found:
            self.marks.append((str(found["data-indicator-id"]), str(found["data-quarter"]),
                               str(found["data-status"]), str(found["data-value"] or "")))


def html_marks(html: str) -> list[Mark]:
    """Every element's (data-indicator-id, data-quarter, data-status, data-value), in order."""
    parser = _MarkParser()
    parser.feed(html)
    return parser.marks
