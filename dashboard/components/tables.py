"""Tables that read on a phone: every table goes through :func:`scroll_table`.

On a narrow screen (``assets/tables.css``) a table of more than two columns becomes one card
per row: each cell shows its column's name before its value, from the ``data-label`` this
module writes from the header row. The markup stays a real ``<table>`` with its caption and
headers, and each part also carries its ARIA role, because some browsers drop table
semantics once CSS changes how a table displays. Narrow tables keep their columns. On a wide
screen nothing changes, and a region that would still overflow scrolls sideways.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

from dash import html
from dash.development.base_component import Component

# A table with more columns than this becomes cards on a phone.
MAX_COLUMNS_KEPT: Final[int] = 2
# The attribute that turns the card layout on (an attribute, so the table's classes stay the
# builder's own).
CARDS: Final[tuple[str, str]] = ("data-layout", "cards")
_ROLES: Final[dict[type, str]] = {
    html.Table: "table", html.Thead: "rowgroup", html.Tbody: "rowgroup",
    html.Tfoot: "rowgroup", html.Tr: "row", html.Td: "cell",
}


def plain_text(node: object) -> str:
    """The text a component shows, without markup (for labels)."""
    if node is None or isinstance(node, bool):
        return ""
    if isinstance(node, str | int | float):
        return str(node)
    if isinstance(node, list | tuple):
        return "".join(plain_text(child) for child in node)
    return plain_text(getattr(node, "children", None))


def _children(node: Component) -> list[Component]:
    children = getattr(node, "children", None)
    if children is None:
        return []
    items = children if isinstance(children, list | tuple) else [children]
    return [child for child in items if isinstance(child, Component)]


def _parts(table: Component, kind: type) -> Iterator[Component]:
    yield from (child for child in _children(table) if isinstance(child, kind))


def column_labels(table: Component) -> list[str]:
    """The text of each column header (the last header row), one per column (a header
    spanning columns names each of them)."""
    rows = [row for head in _parts(table, html.Thead) for row in _parts(head, html.Tr)]
    if not rows:
        return []
    labels: list[str] = []
    for cell in _children(rows[-1]):
        labels += [plain_text(cell).strip()] * int(getattr(cell, "colSpan", None) or 1)
    return labels


def _set(node: Component, name: str, value: str) -> None:
    # Dash serialises data-* and aria-* attributes (and role) set after construction.
    setattr(node, name, value)


def _cell_role(cell: Component) -> str:
    if not isinstance(cell, html.Th):
        return _ROLES.get(type(cell), "cell")
    return "columnheader" if getattr(cell, "scope", None) == "col" else "rowheader"


def _label_body(table: Component, labels: list[str]) -> None:
    for body in [*_parts(table, html.Tbody), *_parts(table, html.Tfoot)]:
        _set(body, "role", "rowgroup")
        for row in _parts(body, html.Tr):
            _set(row, "role", "row")
            column = 0
            for cell in _children(row):
                _set(cell, "role", _cell_role(cell))
                if column < len(labels) and labels[column]:
                    _set(cell, "data-label", labels[column])
                    # One box for the value, so the card's label and value sit side by side
                    # whatever the cell holds.
                    cell.children = html.Div(getattr(cell, "children", None),
                                             className="cell-value")
                column += int(getattr(cell, "colSpan", None) or 1)


def stacked(table: Component) -> Component:
    """``table`` with roles on every part and, when it has more than
    :data:`MAX_COLUMNS_KEPT` columns, the card layout's attribute and labels. Changes and
    returns the table it is given (a freshly built one)."""
    labels = column_labels(table)
    _set(table, "role", "table")
    for head in _parts(table, html.Thead):
        _set(head, "role", "rowgroup")
        for row in _parts(head, html.Tr):
            _set(row, "role", "row")
            for cell in _children(row):
                _set(cell, "role", "columnheader")
    if len(labels) > MAX_COLUMNS_KEPT:
        _set(table, *CARDS)
        _label_body(table, labels)
    return table


def scroll_table(table: Component, label: str) -> Component:
    """``table`` stacked for phones, in a region that scrolls sideways if it still overflows
    (a scrolling region must be reachable by keyboard, WCAG 2.1.1: hence tabIndex and a name
    a screen reader announces on focus)."""
    return html.Div(
        stacked(table), className="table-scroll", tabIndex="0", role="region",
        **{"aria-label": label},
    )
