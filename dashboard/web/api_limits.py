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
