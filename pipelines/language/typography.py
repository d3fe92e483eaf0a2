"""French typography for text shown on a French page, whatever its origin (the catalogue, the
database, a formatted number): a no-break space before ``: ; ! ? %`` and ``»`` and after
``«``, and the typographic apostrophe (’) for the straight one.

Applied once, where a page is assembled (:func:`dashboard.components.shell.page_shell`), the
way a typesetter applies house style, so no source of text can bring the wrong spacing back.
Addresses (``https://…``, ``/data?lang=fr``) and code-like tokens with no space around the
sign (``dimension:valeur``, ``10:30``) are left as they are.
"""

from __future__ import annotations

import re
from typing import Final

NBSP: Final[str] = "\u00a0"
# Words that are addresses or paths: never respaced.
_ADDRESS: Final = re.compile(r"\S*://\S*|(?<!\S)/\S*")
# A space (any kind but a no-break one) before the high signs, or the sign right after a word
# and followed by a space or the end of the text.
_SPACE_BEFORE: Final = re.compile(r"[ \t\u2009]+([:;!?»%])")
_GLUED_BEFORE: Final = re.compile(r"(?<=[\w)»\u2019.…%])([;!?»])(?=\s|$|[,.)])")
_GLUED_COLON: Final = re.compile(r"(?<=[\w)»\u2019])(:)(?=\s|$)")
_GLUED_PERCENT: Final = re.compile(r"(?<=\d)(%)")
_AFTER_OPEN: Final = re.compile(r"«[ \t\u2009]*(?=\S)")
_APOSTROPHE: Final = re.compile(r"(?<=\w)'(?=\w)")
# A text that opens on a high sign continues the text before it (a link, a bold term):
# "<strong>En bonne voie</strong>: chaque…", "<a>…</a>; <a>…</a>".
_OPENING_SIGN: Final = re.compile(r"^([:;!?])(?=\s)")


def _spaced(text: str) -> str:
    text = _APOSTROPHE.sub("\u2019", text)
    text = _SPACE_BEFORE.sub(NBSP + r"\1", text)
    text = _GLUED_BEFORE.sub(NBSP + r"\1", text)
    text = _GLUED_COLON.sub(NBSP + r"\1", text)
    text = _GLUED_PERCENT.sub(NBSP + r"\1", text)
    return _AFTER_OPEN.sub("«" + NBSP, text)


def french(text: str) -> str:
    """``text`` with French spacing and apostrophes, addresses untouched. Idempotent."""
    if not text:
        return text
    parts: list[str] = []
    last = 0
    for found in _ADDRESS.finditer(text):
        parts += [_spaced(text[last:found.start()]), found.group(0)]
        last = found.end()
    parts.append(_spaced(text[last:]))
    return _OPENING_SIGN.sub(NBSP + r"\1", "".join(parts))
