"""The tracker is built and tested on the current major versions of what it stands on."""

from __future__ import annotations

from importlib.metadata import version

import pytest
from packaging.version import Version


@pytest.mark.parametrize(("package", "major"), [
    ("dash", 4), ("plotly", 7), ("pandas", 3), ("duckdb", 2), ("gunicorn", 27),
])
def test_installed_major_versions(package: str, major: int) -> None:
    assert Version(version(package)).major >= major, f"{package} {version(package)}"
