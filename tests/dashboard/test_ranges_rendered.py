"""A printed range and a printed "all" read as the source wrote them on the indicator page's
sources list, in both languages."""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient

from tests.support.dash_json import NBSP, render, text_of


@pytest.mark.parametrize(("lang", "range_text", "all_text"), [
    ("en", "45–50", "all (100%)"),
    ("fr", "de 45 à 50", f"la totalité (100{NBSP}%)"),
])
def test_range_and_all_are_written_as_printed(client: FlaskClient, lang: str, range_text: str,
                                              all_text: str) -> None:
    interviews = text_of(render(client, "/indicator/hanley_study_interviews", f"?lang={lang}"))
    assert range_text in interviews
    boards = text_of(render(client, "/indicator/school_boards_with_trafficking_protocols",
                            f"?lang={lang}"))
    assert all_text in boards
