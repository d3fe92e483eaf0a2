"""Internal links always carry ``?lang=`` so the language survives every click."""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import urlencode

from pipelines.language.i18n import Lang


def href(path: str, lang: Lang, query: Mapping[str, object] | None = None) -> str:
    params = {k: str(v) for k, v in (query or {}).items() if k != "lang" and v is not None}
    params["lang"] = lang
    return f"{path}?{urlencode(params)}"


def template_href(extension: str) -> str:
    """The quarterly submission template (served by dashboard/web/templates.py)."""
    return f"/submissions/template.{extension}"
