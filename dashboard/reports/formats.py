"""One briefing, three formats: the self-contained HTML, a PDF laid out from it, a Word file
walked from it. The page's downloads and ``python -m dashboard report --format`` share this."""

from __future__ import annotations

from typing import Final

MIMETYPES: Final = {
    "html": "text/html; charset=utf-8",
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def render_format(html: str, fmt: str) -> bytes:
    if fmt == "pdf":
        from dashboard.reports.pdf import to_pdf

        return to_pdf(html)
    if fmt == "docx":
        from dashboard.reports.docx import to_docx

        return to_docx(html)
    if fmt == "html":
        return html.encode("utf-8")
    raise ValueError(f"unknown format {fmt!r}: html, pdf or docx")
