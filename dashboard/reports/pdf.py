"""A briefing as PDF: WeasyPrint lays out the very HTML the download and the report command
write (one source, two outputs). WeasyPrint honours the stylesheet's paged-media rules that
browsers ignore: the footer's page numbers, build date and data version (``@page`` margin
boxes), tables and charts kept whole (``break-inside: avoid``) and the summary alone on the
first page. It needs Pango on the machine (the Makefile installs it on Debian)."""

from __future__ import annotations


def to_pdf(html: str) -> bytes:
    """The PDF of one self-contained briefing (nothing is fetched: no base URL)."""
    from weasyprint import HTML  # imported late: loading Pango costs ~0.3 s

    pdf = HTML(string=html).write_pdf()
    assert pdf is not None
    return bytes(pdf)
