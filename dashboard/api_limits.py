"""The JSON API's address and paging limits, shared by its routes (``api.py``) and its
OpenAPI description (``openapi.py``)."""

from __future__ import annotations

from typing import Final

PREFIX: Final = "/api/v1"
DEFAULT_LIMIT: Final = 500
MAX_LIMIT: Final = 5000
# Parameters every table takes besides its filters.
CONTROLS: Final = frozenset({"lang", "limit", "cursor", "snapshot"})
# Parameters whose values are an enumeration: an empty value is refused, as the schema says.
ENUM_FILTERS: Final = frozenset({"pillar", "status"})
# The shape of a paging cursor (dashboard/web/api.py), as the OpenAPI description gives it.
CURSOR_PATTERN: Final = r"([0-9a-f]{12})\.([0-9a-f]{12})\.([0-9]{1,12})"
# A filter's id (export.ID_PATTERN), or nothing (an empty value is ignored).
ID_VALUE_PATTERN: Final = r"^([A-Za-z0-9][A-Za-z0-9_.:-]{0,99})?$"
# A fiscal quarter, YYYY-YYQn with the second year following the first, or nothing.
QUARTER_VALUE_PATTERN: Final = ("^([0-9]{2}(" + "|".join(
    f"{y:02d}-{(y + 1) % 100:02d}" for y in range(100)) + ")Q[1-4])?$")
