"""Each federally funded project amount carries the place the backgrounder prints beside it
("(Vienne, Autriche) 125 769 $"), not the funder's country, and each place sits in the right
province or country."""

from __future__ import annotations

import re

import duckdb

from pipelines.settings import REPO_ROOT

BACKGROUNDER = REPO_ROOT / "data/raw/public-safety-progress-backgrounder.fr.txt"
# A project bullet ends with "(Place) 54 919 $" or "(Place, Country) 125 769 $".
PROJECT = re.compile(r"\((?P<place>[^()]+)\)\s*(?P<amount>\d{1,3}(?:[ \u00a0]\d{3})+)\s*\$\s*$")


def _printed_projects() -> list[tuple[str, str, float]]:
    """(bullet, place as printed, amount) for every project line of the backgrounder."""
    found = []
    for line in BACKGROUNDER.read_text(encoding="utf-8").splitlines():
        match = PROJECT.search(line)
        if match:
            amount = float(re.sub(r"\D", "", match["amount"]))
            found.append((" ".join(line.split()), match["place"].strip(), amount))
    return found


def _ancestors(con: duckdb.DuckDBPyConnection, geography: str) -> list[str]:
    chain = []
    parent: str | None = geography
    while parent:
        chain.append(parent)
        parent = con.execute("SELECT parent_id FROM marts.geographies WHERE geography_id = ?",
                             [parent]).fetchone()[0]
    return chain


def test_the_backgrounder_lists_fourteen_placed_projects() -> None:
    projects = _printed_projects()
    assert len(projects) == 14
    assert sum(amount for *_, amount in projects) == 5_120_527


def test_each_project_amount_carries_its_printed_place(con: duckdb.DuckDBPyConnection) -> None:
    rows = con.execute(
        "SELECT o.locator, o.value, g.name_fr, g.level, p.name_fr FROM marts.observations o "
        "JOIN marts.geographies g ON g.geography_id = o.geography "
        "LEFT JOIN marts.geographies p ON p.geography_id = g.parent_id "
        "WHERE o.indicator_id LIKE 'ps_project_%'").fetchall()
    assert len(rows) == 14
    for bullet, place, amount in _printed_projects():
        [(value, city, level, parent)] = [(v, c, lv, p) for loc, v, c, lv, p in rows
                                          if " ".join(loc.split()) in bullet]
        printed_city, *country = [part.strip() for part in place.split(",")]
        assert (value, level) == (amount, "city")
        assert printed_city in city, (place, city)
        if country:
            assert parent == country[0]


def test_places_sit_in_their_province_or_country(con: duckdb.DuckDBPyConnection) -> None:
    assert _ancestors(con, "city_vienna") == ["city_vienna", "austria"]
    assert _ancestors(con, "city_halifax") == ["city_halifax", "nova_scotia", "canada"]
    assert _ancestors(con, "city_toronto") == ["city_toronto", "ontario", "canada"]
    nameless = con.execute("SELECT geography_id FROM marts.geographies "
                           "WHERE name_en = '' OR name_fr = ''").fetchall()
    assert nameless == []
