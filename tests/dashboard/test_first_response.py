"""Every public page, in both languages, read from its first HTML response by a client that
runs no script: the help bar with 911, the hotline and a working Quick exit link (the embed,
framed by other sites, carries its status, chart, source line and link back instead); the
heading; every figure's data attributes, exactly those of the layout Dash draws after its
script has run; and an SVG for every chart. The pages come from the page registry
(:func:`dashboard.site_pages.public_pages`): one id of each page in both languages, and every
indicator's chart."""

from __future__ import annotations

import re

import dash
import pytest
from flask.testing import FlaskClient

from dashboard.context import DB_CONFIG_KEY
from dashboard.html_first.document import first_page
from dashboard.routing import page_request
from dashboard.site_pages import (
    BAD_REQUEST_EXAMPLE,
    NOT_FOUND_EXAMPLE,
    public_pages,
    public_templates,
    unknown_id_kinds,
)
from dashboard.web.security import EMBED_PATH_PREFIX
from tests.support.first_response import layout_graphs, layout_marks, read_page

LANGS = ("en", "fr")
HOTLINE = "tel:+18339001010"


def _layout(client: FlaskClient, path: str, search: str) -> object:
    response = client.post("/_dash-update-component", json=page_request(path, search))
    assert response.status_code == 200, path
    return response.get_json()["response"]["_pages_content"]["children"]


def _check(client: FlaskClient, path: str, lang: str, status: int = 200) -> list[str]:
    """The problems of one page in one language (none: an empty list)."""
    search = f"?{path.partition('?')[2]}&lang={lang}" if "?" in path else f"?lang={lang}"
    url = path.partition("?")[0]
    response = client.get(url + search)
    where = f"{url}{search}"
    if response.status_code != status:
        return [f"{where}: HTTP {response.status_code}"]
    facts = read_page(response.text)
    problems = []
    if url.startswith(EMBED_PATH_PREFIX):
        if 'id="embed-permalink"' not in response.text or "embed-footer" not in response.text:
            problems.append(f"{where}: the embed has no source line and link back")
    elif "tel:911" not in facts.tel or HOTLINE not in facts.tel:
        problems.append(f"{where}: help bar without 911 and the hotline: {facts.tel}")
    elif not (facts.quick_exit or "").startswith("https://"):
        problems.append(f"{where}: no Quick exit link ({facts.quick_exit})")
    if len(facts.h1) != 1 or not facts.h1[0]:
        problems.append(f"{where}: headings {facts.h1}")
    layout = _layout(client, url, search)
    if facts.marks != layout_marks(layout):
        problems.append(f"{where}: figures {facts.marks} != layout's {layout_marks(layout)}")
    graphs = layout_graphs(layout)
    if facts.charts != graphs or facts.chart_svgs != graphs:
        problems.append(f"{where}: {graphs} charts, {facts.chart_svgs} SVG")
    return problems


def test_every_kind_of_id_in_a_path_can_be_listed(app: dash.Dash) -> None:
    assert unknown_id_kinds() == []
    assert public_templates(), "no page registered"


def test_every_public_page_has_its_content_in_the_first_response(
        client: FlaskClient, app: dash.Dash) -> None:
    client.get("/")  # Dash's first-request set-up
    with app.server.test_request_context("/"):
        pages = public_pages(app.server.config[DB_CONFIG_KEY], sample=True)
    assert {p.template for p in pages} == {t for _, t in public_templates()}
    problems = [p for page in pages for lang in LANGS for p in _check(client, page.path, lang)]
    assert problems == []


def test_every_component_of_every_page_has_an_html_writer(client: FlaskClient,
                                                          app: dash.Dash) -> None:
    """A component the first response cannot write would be missing without script (and
    would change the page at the takeover): a new one needs a writer in markup.py."""
    client.get("/")
    with app.server.test_request_context("/"):
        pages = public_pages(app.server.config[DB_CONFIG_KEY], sample=True)
    unknown = {}
    for page in pages:
        for lang in LANGS:
            with app.server.test_request_context(page.path, query_string={"lang": lang}):
                found = first_page(app, page.path, f"?lang={lang}")
            if found.unknown:
                unknown[f"{page.path}?lang={lang}"] = found.unknown
    assert unknown == {}


def test_every_indicator_chart_is_drawn_in_the_first_response(
        client: FlaskClient, app: dash.Dash) -> None:
    client.get("/")
    with app.server.test_request_context("/"):
        pages = [p for p in public_pages(app.server.config[DB_CONFIG_KEY])
                 if p.template == "/indicator/<indicator_id>"]
    problems = []
    for page in pages:
        facts = read_page(client.get(page.path).text)
        graphs = layout_graphs(_layout(client, page.path, ""))
        if facts.chart_svgs != graphs:
            problems.append(f"{page.path}: {graphs} charts, {facts.chart_svgs} SVG")
    assert len(pages) > 50 and problems == []


@pytest.mark.parametrize(("path", "status"), [(NOT_FOUND_EXAMPLE, 404),
                                              (BAD_REQUEST_EXAMPLE, 400)])
@pytest.mark.parametrize("lang", LANGS)
def test_the_error_pages_have_their_content_in_the_first_response(
        client: FlaskClient, path: str, status: int, lang: str) -> None:
    assert _check(client, path, lang, status) == []


def test_a_page_with_a_chart_has_its_figures_in_the_svg(client: FlaskClient) -> None:
    html = client.get("/indicator/frontline_workers_trained?lang=fr").text
    svg = html[html.index('<svg class="chart-svg-plot"'):]
    svg = svg[:svg.index("</svg>")]
    # The target's label, in French digits (a no-break space between thousands), and its star.
    assert re.search("1[\u00a0\u202f]100", svg)
    assert 'href="#c' in svg and "-star-" in svg


def test_dash_scripts_wait_for_the_takeover(client: FlaskClient) -> None:
    html = client.get("/indicator/frontline_workers_trained").text
    head, _, body = html.partition("</head>")
    assert "dash_renderer" not in head
    scripts_outside_template = body.split("<template")[0] + body.split("</template>")[-1]
    assert "dash_renderer" not in scripts_outside_template  # only inside the inert template
    assert "_dash-loading" not in html and "Loading..." not in html
