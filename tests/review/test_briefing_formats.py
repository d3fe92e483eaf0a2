"""Briefings a minister can read: the PDF (WeasyPrint, from the same HTML) has page numbers,
the build date and the data version on every page, a first page filled at least two-thirds,
every table and chart whole on one page; the Word file (python-docx) holds the summary, every
table and every chart; the page's links and ``python -m dashboard report --format`` give the
same files. Read from the PDF's text and page boxes (pdfplumber), as a reader would see them.
"""

from __future__ import annotations

import io
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import dash
import docx
import duckdb
import pdfplumber
import pytest
from flask.testing import FlaskClient

from dashboard.app import create_app
from pipelines.settings import REPO_ROOT, load_settings

QUARTER = "2026-27Q2"
MM = 72 / 25.4
FOOTER = 18 * MM  # the bottom margin the footer's boxes sit in
PAGE_WORDS = {"en": "Page {} of {}", "fr": "Page {} de {}"}


def _client(db: Path) -> FlaskClient:
    app: dash.Dash = create_app(load_settings(db_path=db))
    return app.server.test_client()


def _url(kind: str, fmt: str, lang: str) -> str:
    if kind == "statutory":
        return f"/review/statutory/briefing.{fmt}?lang={lang}"
    return f"/review/quarterly/briefing.{fmt}?quarter={QUARTER}&lang={lang}"


CASES = [("demo", "statutory", "en"), ("demo", "statutory", "fr"),
         ("published", "statutory", "en"), ("published", "statutory", "fr"),
         ("demo", "quarterly", "en"), ("demo", "quarterly", "fr")]


@pytest.fixture(scope="module")
def files(demo_db: Path, dashboard_db: Path) -> dict[tuple[str, str, str], dict[str, bytes]]:
    clients = {"demo": _client(demo_db), "published": _client(dashboard_db)}
    out = {}
    for build, kind, lang in CASES:
        got = {}
        for fmt in ("html", "pdf", "docx"):
            response = clients[build].get(_url(kind, fmt, lang))
            assert response.status_code == 200, (build, kind, fmt, response.text[:200])
            assert f'.{fmt}"' in response.headers["Content-Disposition"]
            got[fmt] = response.data
        out[(build, kind, lang)] = got
    return out


class _Shape(HTMLParser):
    """Each table's number of rows, and the number of charts, in the briefing's HTML."""

    def __init__(self) -> None:
        super().__init__()
        self.table_rows: list[int] = []
        self.charts = 0
        self._depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self.table_rows.append(0)
        elif tag == "tr":
            self.table_rows[-1] += 1
        elif tag == "svg":
            self.charts += 1


def _shape(html: bytes) -> _Shape:
    shape = _Shape()
    shape.feed(html.decode("utf-8"))
    return shape


def _version(db: Path) -> str:
    with duckdb.connect(str(db), read_only=True) as con:
        row = con.execute("SELECT value FROM meta.build_info WHERE key = 'data_version'"
                          ).fetchone()
    assert row is not None
    return str(row[0])


@pytest.mark.parametrize("case", CASES, ids=["-".join(c) for c in CASES])
def test_every_pdf_page_has_its_number_build_date_and_data_version(
        files: dict[tuple[str, str, str], dict[str, bytes]], case: tuple[str, str, str],
        demo_db: Path, dashboard_db: Path) -> None:
    build, _, lang = case
    version = _version(demo_db if build == "demo" else dashboard_db)
    with pdfplumber.open(io.BytesIO(files[case]["pdf"])) as pdf:
        total = len(pdf.pages)
        for number, page in enumerate(pdf.pages, start=1):
            text = page.extract_text()
            assert PAGE_WORDS[lang].format(number, total) in text, (number, text[-200:])
            assert version in text
            assert ("Built" if lang == "en" else "Construit le") in text


@pytest.mark.parametrize("case", CASES, ids=["-".join(c) for c in CASES])
def test_the_first_page_is_at_least_two_thirds_full(
        files: dict[tuple[str, str, str], dict[str, bytes]], case: tuple[str, str, str]) -> None:
    with pdfplumber.open(io.BytesIO(files[case]["pdf"])) as pdf:
        page = pdf.pages[0]
        body = [c["bottom"] for c in page.chars if c["bottom"] < page.height - FOOTER]
        assert max(body) >= page.height * 2 / 3, max(body) / page.height


@pytest.mark.parametrize("case", CASES, ids=["-".join(c) for c in CASES])
def test_no_table_or_chart_is_split_across_pages(
        files: dict[tuple[str, str, str], dict[str, bytes]], case: tuple[str, str, str]) -> None:
    """A table cut by a page break is found as two tables, each with fewer rows; a chart's
    axis labels and its caption land on the same page."""
    shape = _shape(files[case]["html"])
    with pdfplumber.open(io.BytesIO(files[case]["pdf"])) as pdf:
        # Ruled boxes of one column (the footer's rule beside the help line) are not tables.
        found = [len(t.rows) for page in pdf.pages for t in page.find_tables()
                 if len(t.rows[0].cells) > 1]
    assert found == shape.table_rows
    assert shape.charts == len(re.findall(rb"<figcaption", files[case]["html"]))


def _docx_text(data: bytes) -> tuple[str, int, int]:
    document = docx.Document(io.BytesIO(data))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    text = "\n".join([p.text for p in document.paragraphs] + cells)
    return text, len(document.tables), len(document.inline_shapes)


@pytest.mark.parametrize("case", CASES, ids=["-".join(c) for c in CASES])
def test_the_word_file_holds_the_summary_every_table_and_every_chart(
        files: dict[tuple[str, str, str], dict[str, bytes]], case: tuple[str, str, str]) -> None:
    _, kind, lang = case
    shape = _shape(files[case]["html"])
    text, tables, pictures = _docx_text(files[case]["docx"])
    assert tables == len(shape.table_rows)
    assert pictures == shape.charts and (kind == "quarterly" or pictures >= 2)
    summary = {("statutory", "en"): "The verdicts in one page",
               ("statutory", "fr"): "Les verdicts en une page",
               ("quarterly", "en"): "This quarter at a glance",
               ("quarterly", "fr"): "Ce trimestre en bref"}[(kind, lang)]
    assert summary in text


def test_the_report_command_writes_the_same_pdf_and_word_file(demo_db: Path,
                                                               tmp_path: Path) -> None:
    for fmt in ("pdf", "docx"):
        out = tmp_path / f"statutory.{fmt}"
        done = subprocess.run(
            [sys.executable, "-m", "dashboard", "report", "--statutory", "--format", fmt,
             "--out", str(out), "--db", str(demo_db), "--lang", "fr"],
            cwd=REPO_ROOT, capture_output=True, text=True, check=False)
        assert done.returncode == 0, done.stderr
        data = out.read_bytes()
        if fmt == "pdf":
            assert data.startswith(b"%PDF")
            with pdfplumber.open(io.BytesIO(data)) as pdf:
                assert "Les verdicts en une page" in pdf.pages[0].extract_text()
        else:
            assert "Les verdicts en une page" in _docx_text(data)[0]


def test_an_unknown_format_is_404_and_an_unknown_parameter_400(demo_db: Path) -> None:
    client = _client(demo_db)
    assert client.get("/review/statutory/briefing.xls").status_code == 404
    assert client.get("/review/quarterly/briefing.rtf").status_code == 404
    assert client.get("/review/statutory/briefing.pdf?page=2").status_code == 400
