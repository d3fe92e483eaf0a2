"""The real app plus one probe page, ``/probe/chart``, and its filter callback.

Until the indicator pages with charts land, no page of the app loads plotly.js or runs a
filter callback, so page weight, the CSP under plotly, and callback time at 10^6 rows could not
be measured. The probe page is what such a page does: a geography filter whose callback runs a
named query over ``marts.observations`` and returns a Plotly figure. Benchmarks and tests only;
never served in production (``dashboard.wsgi`` does not import it).
"""

from __future__ import annotations

from typing import Final

import dash
import plotly.graph_objects as go
from dash import Input, Output, dcc, html

from dashboard.app import create_app
from dashboard.context import current_db
from pipelines.settings import load_settings

PROBE_PATH: Final[str] = "/probe/chart"
# The named query of the probe callback; the callback benchmark runs the same SQL in raw
# DuckDB to report the ratio.
SERIES_BY_GEOGRAPHY: Final[str] = """
    SELECT period_start, sum(value) AS value, count(*) AS cells
    FROM marts.observations
    WHERE indicator_id = $indicator_id AND geography = $geography AND NOT suppressed
    GROUP BY period_start
    ORDER BY period_start
"""
GEOGRAPHIES: Final[list[str]] = ["ontario", *(f"synthetic_region_{i:03d}" for i in range(1, 6))]


def series_figure(indicator_id: str, geography: str) -> go.Figure:
    frame = current_db().frame(
        SERIES_BY_GEOGRAPHY, {"indicator_id": indicator_id, "geography": geography}
    )
    figure = go.Figure(go.Scatter(x=frame["period_start"], y=frame["value"], mode="lines"))
    figure.update_layout(title=f"{indicator_id} – {geography}", margin={"t": 40})
    return figure


def layout(**_: object) -> html.Main:
    return html.Main(
        [
            html.H1("Probe chart (benchmark only)"),
            dcc.Dropdown(GEOGRAPHIES, "ontario", id="probe-geography", clearable=False),
            dcc.Graph(id="probe-graph"),
        ]
    )


def _install(app: dash.Dash) -> None:
    dash.register_page("probe_chart", path=PROBE_PATH, layout=layout, title="Probe chart")

    @app.callback(Output("probe-graph", "figure"), Input("probe-geography", "value"))
    def _update(geography: str) -> go.Figure:
        return series_figure("synthetic_indicator_01", geography)


_app = create_app(load_settings())
_install(_app)
server = _app.server
