"""Numbers as people type them in English and French spreadsheets.

Accepted: ``1234``, ``1 234`` (space, no-break space or narrow no-break space between groups of
three), ``1,234`` and ``1,234.5`` (English), ``12,5`` and ``1 234,5`` and ``1.234,5`` (French
decimal comma), an optional trailing ``%``.

The one ambiguous case is a single comma: ``1,234`` could be English thousands or a French
decimal. Rule: in a count column (whole numbers only) a single comma followed by exactly three
digits is a thousands separator (``1,234`` = 1234); anywhere else a single comma is a decimal
comma (``1,5`` = 1.5; in a percentage column ``12,345`` = 12.345). A single dot is always a
decimal point.
"""

from __future__ import annotations

import re

_SPACES = re.compile(r"[ \u00a0\u202f]")
_SPACED_GROUPS = re.compile(r"^[+-]?\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d+)?$")
_PLAIN = re.compile(r"^[+-]?\d+(?:\.\d+)?$")
_GROUPED = {
    ",": re.compile(r"^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$"),
    ".": re.compile(r"^[+-]?\d{1,3}(?:\.\d{3})+(?:,\d+)?$"),
}


class NotANumber(ValueError):
    """The text is not a number under the rules above."""


def parse_number(text: str, *, whole: bool) -> float:
    """Parse ``text``; ``whole`` says the column holds counts (affects the single-comma rule)."""
    s = text.strip().removesuffix("%").strip()
    if _SPACES.search(s):
        if not _SPACED_GROUPS.match(s):
            raise NotANumber(text)
        s = _SPACES.sub("", s)
    return float(_normalise(s, text, whole=whole))


def _normalise(s: str, original: str, *, whole: bool) -> str:
    if _PLAIN.match(s):
        return s
    commas, dots = s.count(","), s.count(".")
    if commas and dots:
        # Whichever separator comes last is the decimal mark.
        thousands = "," if s.rfind(",") < s.rfind(".") else "."
        if not _GROUPED[thousands].match(s):
            raise NotANumber(original)
        return s.replace(thousands, "").replace(",", ".")
    if commas > 1 or dots > 1:
        sep = "," if commas else "."
        if not _GROUPED[sep].match(s):
            raise NotANumber(original)
        return s.replace(sep, "")
    if commas == 1:
        if whole and re.match(r"^[+-]?\d{1,3},\d{3}$", s):
            return s.replace(",", "")
        if re.match(r"^[+-]?\d+,\d+$", s):
            return s.replace(",", ".")
    raise NotANumber(original)
