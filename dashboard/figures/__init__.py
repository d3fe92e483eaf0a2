"""Pure figure builders: data in, ``plotly.graph_objects.Figure`` (or SVG text) out.
No database or request access, so each is unit-tested on its own."""
