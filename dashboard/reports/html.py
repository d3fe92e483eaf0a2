"""Small HTML writers shared by the self-contained briefings: every text escaped, every status
or figure-to-date cell carrying the same data attributes as on the pages, one document shell
(inline CSS, no script, no external request) with the help line at both ends."""

from __future__ import annotations

import re
from collections.abc import Sequence
from html import escape, unescape
from pathlib import Path
from typing import Final

from dashboard.components.shell import EMERGENCY_NUMBER, HOTLINE_DISPLAY
from dashboard.text import summary as st
from dashboard.text.review import Cell
from pipelines.language.i18n import Lang, t
from pipelines.language.typography import french

CSS_FILE: Final[Path] = Path(__file__).resolve().parent / "briefing.css"
# The text between two tags (the body holds no <style>, <script> or comment).
_TEXT_NODE: Final = re.compile(r">([^<]+)<")


def attributes(marks: dict[str, str]) -> str:
    return "".join(f' {name}="{escape(value)}"' for name, value in marks.items())


def table(caption: str, headers: Sequence[str], rows: Sequence[Sequence[Cell]],
          row_ids: Sequence[str] | None = None) -> str:
    """A table whose first cell is the row header; ``row_ids`` are anchors for the summary."""
    ids = list(row_ids or [""] * len(rows))
    head = "".join(f'<th scope="col">{escape(h)}</th>' for h in headers)
    body = "".join(
        f"<tr{attributes({'id': row_id}) if row_id else ''}>"
        f'<th scope="row">{escape(r[0].text)}</th>'
        + "".join(f"<td{attributes(c.marks)}>{escape(c.text)}</td>" for c in r[1:]) + "</tr>"
        for r, row_id in zip(rows, ids, strict=True))
    return (f"<table><caption>{escape(caption)}</caption><thead><tr>{head}</tr></thead>"
            f"<tbody>{body}</tbody></table>")


def link(text: str, anchor: str | None, marks: dict[str, str] | None = None) -> str:
    extra = attributes(marks or {})
    if anchor is None:
        return f"<span{extra}>{escape(text)}</span>"
    return f'<a href="#{escape(anchor)}"{extra}>{escape(text)}</a>'


def summary_lines(lines: Sequence[st.Line]) -> str:
    """The summary block's lines as a description list, each linked to its section."""
    parts = []
    for line in lines:
        items = "; ".join(link(i.text, i.anchor, {**i.marks, **({"title": i.full}
                                                                 if i.full else {})})
                          for i in line.items)
        parts.append(f"<dt>{link(line.label, line.anchor)}</dt>"
                     f"<dd>{items or escape(line.none)}</dd>")
    return f'<dl class="summary-lines">{"".join(parts)}</dl>'


def help_line(lang: Lang) -> str:
    return (f'<p class="help">{escape(t("help.in_danger", lang))} <strong>{EMERGENCY_NUMBER}'
            f"</strong>. {escape(t('help.hotline', lang))} <strong>{HOTLINE_DISPLAY}</strong> "
            f"{escape(t('help.hotline_terms', lang))}</p>")


def _css_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def page_css(lang: Lang, built: str, version: str) -> str:
    """Paged-media rules (WeasyPrint's PDF honours them; browsers ignore the margin boxes):
    page numbers, the build date and the data version in every page's footer."""
    numbers = t("briefing.page_footer", lang, page="\x00", pages="\x01")
    before, rest = numbers.split("\x00")
    middle, after = rest.split("\x01")
    left = " · ".join(part for part in (t("briefing.built", lang, date=built) if built else "",
                                        t("briefing.data_version", lang, version=version)
                                        if version else "") if part)
    return ("@page { size: A4; margin: 14mm 13mm 18mm 13mm; "
            f"@bottom-left {{ content: {_css_string(left)}; font-size: 7.5pt; "
            "color: #3b4a5a; } "
            f"@bottom-right {{ content: {_css_string(before)} counter(page) "
            f"{_css_string(middle)} counter(pages) {_css_string(after)}; font-size: 7.5pt; "
            "color: #3b4a5a; } }")


def demo_banner(lang: Lang) -> str:
    return f'<p class="demo-label">{escape(t("demo_mark.briefing_banner", lang))}</p>'


def typeset(body: str, lang: Lang) -> str:
    """``body`` (markup without ``<style>`` or ``<script>``) with every text node in French
    typography when ``lang`` is French, as the pages are typeset (``typeset_french``): the
    briefings write their lines in code, and this is the one place that spaces them."""
    if lang != "fr":
        return body
    return _TEXT_NODE.sub(lambda m: ">" + escape(french(unescape(m.group(1))), quote=False)
                          + "<", body)


def document(title: str, lang: Lang, header: str, main: str, footer: str, *,
             built: str = "", version: str = "", demo: bool = False) -> str:
    """One self-contained HTML document: the stylesheet inline, nothing fetched. ``built``
    and ``version`` go into every printed page's footer; ``demo`` adds the banner. The PDF
    and the Word file are made from it, so all three read alike."""
    body = typeset(f"<header>{header}{demo_banner(lang) if demo else ''}{help_line(lang)}"
                   f"</header><main>{main}</main><footer>{footer}{help_line(lang)}</footer>",
                   lang)
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{escape(title)}</title><style>{CSS_FILE.read_text(encoding='utf-8')}"
            f"{page_css(lang, built, version)}"
            f"</style></head><body>{body}</body></html>")
