"""The plain build plus two loads a few weeks apart (tests/support/asof.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.asof import make_revised


@pytest.fixture(scope="session")
def revised_db(dashboard_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_revised(dashboard_db, tmp_path_factory.mktemp("revised"))
