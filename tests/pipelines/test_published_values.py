"""Published-value checks in the style of owid/etl: figures asserted against the documents.

Each expected row was read by a person from the named document; the test fails if the
pipeline loses a qualifier, shifts a period or changes a value.
"""

from __future__ import annotations

from datetime import date

import pytest

D = date.fromisoformat
STRATEGY, CCEHT, PS = "on-strategy-2025-2030", "cceht-hotline-2019-2024", "ps-progress-backgrounder"

EXPECTED = [
    # indicator, value, qualifier, period_start, period_end, source
    ("strategy_investment", 345_000_000, "more_than", D("2025-04-01"), D("2030-03-31"), STRATEGY),
    ("people_served_funded_orgs", 29_000, "more_than", D("2021-04-01"), D("2024-03-31"), STRATEGY),
    ("funded_organizations", 52, "exact", D("2021-04-01"), D("2024-03-31"), STRATEGY),
    ("care_children_youth_served", 200, "more_than", None, None, STRATEGY),
    ("joint_forces_investigations", 65, "exact", None, D("2023-02-28"), STRATEGY),
    ("joint_forces_victims_assisted", 61, "exact", None, D("2023-02-28"), STRATEGY),
    ("joint_forces_trafficking_charges", 72, "exact", None, D("2023-02-28"), STRATEGY),
    ("joint_forces_other_charges", 167, "exact", None, D("2023-02-28"), STRATEGY),
    ("joint_forces_persons_charged", 28, "exact", None, D("2023-02-28"), STRATEGY),
    ("hotline_calls", 22_861, "exact", D("2019-01-01"), D("2024-12-31"), CCEHT),
    ("hotline_cases_identified", 2_311, "exact", D("2019-01-01"), D("2024-12-31"), CCEHT),
    ("hotline_victims_supported", 3_317, "exact", D("2019-01-01"), D("2024-12-31"), CCEHT),
    ("hotline_referrals", 2_202, "exact", D("2019-01-01"), D("2024-12-31"), CCEHT),
    ("ps_serious_crime_funding", 5_120_000, "exact", D("2020-04-01"), D("2024-03-31"), PS),
    ("victims_under_25_share", 70, "more_than", None, None, PS),
    ("hotline_h1_2020_victims_identified", 76, "about", D("2020-04-01"), D("2020-09-30"), PS),
    ("hotline_h1_2020_victims_referred", 135, "more_than", D("2020-04-01"), D("2020-09-30"), PS),
]


@pytest.mark.parametrize(("indicator", "value", "qualifier", "start", "end", "source"), EXPECTED,
                         ids=[row[0] for row in EXPECTED])
def test_published_figure(con, indicator, value, qualifier, start, end, source):
    rows = con.execute(
        "SELECT value, qualifier, period_start, period_end, status, suppressed "
        "FROM marts.observations WHERE indicator_id = ? AND source_id = ?",
        [indicator, source]).fetchall()
    assert rows == [(value, qualifier, start, end, "published", False)]


def test_training_target_is_the_only_published_target(con):
    rows = con.execute("SELECT indicator_id, target_kind, target_value, period_start, "
                       "period_end, baseline_value FROM marts.targets").fetchall()
    assert rows == [("frontline_workers_trained", "cumulative", 1100.0, D("2025-04-01"),
                     D("2030-03-31"), None)]


def test_juristat_editions_stay_separate_series(con):
    """2022 incidents: 528 in the 2022 edition, 597 revised in the 2023 edition."""
    rows = con.execute(
        "SELECT o.value, s.published FROM marts.observations o JOIN meta.sources s "
        "USING (source_id) WHERE o.indicator_id = 'ca_ht_incidents' "
        "AND o.period_start = DATE '2022-01-01' ORDER BY s.published").fetchall()
    assert rows == [(528.0, "2023-12-04"), (597.0, "2024-11-01")]


def test_context_qualifiers_are_parsed_from_the_unit_text(con):
    rows = con.execute(
        "SELECT value, qualifier FROM marts.observations WHERE series_id = 'CA_HT_INCIDENTS_CUM' "
        "AND period_start = DATE '2012-01-01'").fetchall()
    assert rows == [(4000.0, "nearly")]


def test_only_primary_context_rows_are_loaded(con):
    import csv

    from pipelines.settings import REPO_ROOT

    with (REPO_ROOT / "data/raw/context-figures.csv").open(encoding="utf-8") as handle:
        raw = list(csv.DictReader(handle))
    excluded = {"ON_HT_SHARE_OF_CANADA_PCT_GOVCLAIM", "CA_ESDC_POTENTIAL_FL_VICTIMS"}
    expected = sum(1 for r in raw if r["source_tier"] == "primary"
                   and r["series_id"] not in excluded)
    loaded = con.execute("SELECT count(*) FROM marts.observations "
                         "WHERE series_id IS NOT NULL").fetchone()[0]
    assert loaded == expected == 79


def test_every_core_indicator_exists_with_both_languages(con):
    from pipelines.vocabulary import CORE_INDICATORS

    rows = dict(con.execute("SELECT indicator_id, name_fr FROM marts.indicators").fetchall())
    assert all(rows.get(core) for core in CORE_INDICATORS)


def test_every_pillar_has_a_headline_indicator(con):
    rows = con.execute("SELECT p.pillar_id, count(i.indicator_id) FROM marts.pillars p "
                       "LEFT JOIN marts.indicators i ON i.pillar_id = p.pillar_id AND i.headline "
                       "GROUP BY 1 ORDER BY 1").fetchall()
    assert [r[0] for r in rows] == ["accountability", "awareness", "protection", "support"]
    assert all(count >= 1 for _, count in rows)
