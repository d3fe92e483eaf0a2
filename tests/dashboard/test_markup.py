"""A layout's JSON written as the HTML dash-renderer draws from it: elements and attributes as
React writes them, text escaped, dict ids as Dash stringifies them, the core components the
pages use, and controls a callback listens to marked for the takeover."""

from __future__ import annotations

import json
from html.parser import HTMLParser

from dash import dcc, html
from plotly.io.json import to_json_plotly

from dashboard.html_first.markup import Context, layout_html, stringify_id


def _html(component: object, context: Context | None = None) -> str:
    return layout_html(json.loads(to_json_plotly(component)), context)


class _Shape(HTMLParser):
    """Tags with their attributes in name order, and text: what a browser builds from the
    markup, whatever order the attributes were written in."""

    def __init__(self) -> None:
        super().__init__()
        self.items: list[tuple[str, ...]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.items.append((tag, *sorted(f"{k}={v}" for k, v in attrs)))

    def handle_endtag(self, tag: str) -> None:
        self.items.append((f"/{tag}",))

    def handle_data(self, data: str) -> None:
        self.items.append(("text", data))


def shape(markup: str) -> list[tuple[str, ...]]:
    reader = _Shape()
    reader.feed(markup)
    return reader.items


def test_elements_attributes_and_text_as_react_writes_them() -> None:
    written = _html(html.Div([
        html.Label("Quarter", htmlFor="q", className="label"),
        html.Span("hint", hidden=True, **{"aria-describedby": "x", "data-value": 3}),
        html.Details([html.Summary("More"), html.P(["a ", 1, None, " b"])], open=False),
        html.Img(src="data:image/svg+xml;base64,AA", alt="", width=28),
    ], style={"marginTop": 4, "opacity": 0.5}, tabIndex="-1"))
    assert shape(written) == shape(
        '<div style="margin-top: 4px; opacity: 0.5;" tabindex="-1">'
        '<label for="q" class="label">Quarter</label>'
        '<span hidden aria-describedby="x" data-value="3">hint</span>'
        "<details><summary>More</summary><p>a 1 b</p></details>"
        '<img src="data:image/svg+xml;base64,AA" alt="" width="28"></div>')


def test_text_and_attributes_are_escaped() -> None:
    written = _html(html.A('<script>"x"</script>', href='/a?b=1&c="2"', title="<t>"))
    assert "<script" not in written and 'c="2"' not in written
    assert shape(written) == [("a", 'href=/a?b=1&c="2"', "title=<t>"),
                              ("text", '<script>"x"</script>'), ("/a",)]


def test_a_dict_id_is_written_as_dash_renderer_stringifies_it() -> None:
    component_id = {"type": "chart-download", "graph": "g", "format": "png"}
    assert stringify_id(component_id) == \
        '{"format":"png","graph":"g","type":"chart-download"}'
    written = _html(html.Button("PNG", id=component_id, type="button"))
    assert 'id="{&quot;format&quot;:&quot;png&quot;' in written


def test_core_components_as_dash_renderer_draws_them() -> None:
    written = _html(html.Form([
        dcc.Input(type="hidden", name="lang", value="fr", id="lang"),
        dcc.Input(type="text", name="from", value=None, id="from", pattern=r"\d{4}",
                  debounce=True),
        dcc.Link("Home", href="/?lang=fr", className="nav-link"),
        dcc.Store(id="store", data={"a": 1}),
    ], method="get", action="/data"))
    assert shape(written) == shape(
        '<form method="get" action="/data">'
        '<div class="dash-input-container dash-input dash-input-hidden">'
        '<input id="lang" class="dash-input-element" type="hidden" inputmode="verbatim" '
        'autocomplete="off" step="any" name="lang" value="fr"></div>'
        '<div class="dash-input-container dash-input">'
        '<input id="from" class="dash-input-element" type="text" inputmode="verbatim" '
        'autocomplete="off" step="any" name="from" pattern="\\d{4}" value=""></div>'
        '<a href="/?lang=fr" class="nav-link">Home</a></form>')


def test_a_control_a_callback_listens_to_is_marked_live() -> None:
    context = Context(live=lambda component_id: component_id == "print")
    written = _html(html.Div([html.Button("Print", id="print"),
                              html.Button("Other", id="other")]), context)
    assert ("button", "data-live=", "id=print") in shape(written)
    assert ("button", "id=other") in shape(written)


def test_a_graph_is_drawn_as_svg_in_its_box() -> None:
    figure = {"data": [{"type": "scatter", "mode": "lines+markers", "x": ["2024-01-01",
                                                                         "2025-01-01"],
                        "y": [1, 2], "marker": {"symbol": "square", "size": 8}}],
              "layout": {"height": 300, "margin": {"l": 50, "r": 20, "t": 20, "b": 30}}}
    written = _html(dcc.Graph(id="g", figure=figure, className="chart-graph",
                              style={"height": "300px"}))
    assert shape(written)[0] == ("div", "class=dash-graph chart-graph", "data-live=", "id=g",
                                 "style=height: 300px;")
    assert '<svg class="chart-svg-plot"' in written and written.count("<use ") == 2


def test_a_component_without_a_writer_keeps_its_children_and_is_reported() -> None:
    context = Context()
    written = _html(dcc.Loading(html.P("inside")), context)
    assert "<p>inside</p>" in written and context.unknown == ["dash_core_components.Loading"]
