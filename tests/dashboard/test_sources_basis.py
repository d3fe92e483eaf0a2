"""The indicator page's sources list says, for every figure, how its period was read and
whether its value is printed or derived, in both languages."""

from __future__ import annotations

from typing import Any

import pytest
from flask.testing import FlaskClient

from pipelines import vocabulary
from pipelines.language.i18n import load_catalogue, t
from tests.support.dash_json import props_of, render


def _basis_paragraphs(payload: dict[str, Any]) -> list[dict[str, Any]]:
    return [p for p in props_of(payload) if p.get("className") == "figure-basis"]


@pytest.mark.parametrize("prefix", ["period_basis", "value_basis"])
def test_every_basis_has_words_in_both_languages(prefix: str) -> None:
    catalogue = load_catalogue()
    values = vocabulary.PERIOD_BASES if prefix == "period_basis" else vocabulary.VALUE_BASES
    assert [v for v in values if f"{prefix}.{v}" not in catalogue] == []


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_cceht_figures_say_their_period_is_inferred(client: FlaskClient, lang: str) -> None:
    [basis] = _basis_paragraphs(render(client, "/indicator/hotline_calls", f"?lang={lang}"))
    assert basis["data-period-basis"] == "inferred"
    assert basis["children"].startswith(t("period_basis.inferred", lang))
    assert "2019" in basis["children"] and "2024" in basis["children"]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_derived_value_is_said_to_be_derived(client: FlaskClient, lang: str) -> None:
    [basis] = _basis_paragraphs(render(client, "/indicator/care_teams", f"?lang={lang}"))
    assert basis["data-value-basis"] == "derived"
    assert basis["children"].startswith(t("value_basis.derived", lang))


def test_a_stated_period_is_said_to_be_stated(client: FlaskClient) -> None:
    [basis] = _basis_paragraphs(render(client, "/indicator/people_served_funded_orgs", "?lang=en"))
    assert basis["data-period-basis"] == "stated"
    assert basis["children"].startswith("Period as the source states it.")
