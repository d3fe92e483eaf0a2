"""data/reference/milestone_indicators.csv: which indicators a deliverable should move, each
link stated (with the sentence) or inferred (with a rationale), loaded into
marts.milestone_indicators; a broken link is rejected with FILE:ROW:COLUMN."""

from __future__ import annotations

from pathlib import Path

import duckdb

from tests.support.commands import run_pipelines

LABEL = "data/reference/milestone_indicators.csv"


def test_every_link_is_loaded_with_its_reason(con: duckdb.DuckDBPyConnection) -> None:
    rows = con.execute("SELECT milestone_id, indicator_id, basis, rationale, rationale_fr, "
                       "locator FROM marts.milestone_indicators").fetchall()
    assert ("awareness-a1", "frontline_workers_trained") in {r[:2] for r in rows}
    assert all(r[3].strip() and r[4].strip() for r in rows)
    assert all((r[2] == "stated") == (r[5] is not None) for r in rows)
    linked = {r[1] for r in rows}
    pillar = {r[0] for r in con.execute(
        "SELECT indicator_id FROM marts.indicators WHERE pillar_id IS NOT NULL").fetchall()}
    assert linked == pillar, "every pillar indicator has a deliverable that should move it"


def test_unknown_ids_and_an_unquoted_stated_link_are_rejected(data_copy: Path,
                                                              tmp_path: Path) -> None:
    path = data_copy / "reference" / "milestone_indicators.csv"
    first = len(path.read_text(encoding="utf-8").splitlines()) + 1
    with path.open("a", encoding="utf-8") as handle:
        handle.write("awareness-z9,frontline_workers_trained,inferred,Why.,Pourquoi.,,\n"
                     "awareness-a2,no_such_indicator,inferred,Why.,Pourquoi.,,\n"
                     "awareness-a3,frontline_workers_trained,stated,Why.,Pourquoi.,,\n")
    result = run_pipelines("build", "--db", str(tmp_path / "x.duckdb"), data_dir=data_copy)
    assert result.returncode == 1
    assert result.stderr.splitlines()[:3] == [
        f"{LABEL}:{first}:milestone_id: unknown milestone_id 'awareness-z9' "
        "(not in milestones.csv)",
        f"{LABEL}:{first + 1}:indicator_id: unknown indicator_id 'no_such_indicator' "
        "(not in indicators.csv)",
        f"{LABEL}:{first + 2}:locator: a stated link needs its source_id and locator",
    ]
    assert not (tmp_path / "x.duckdb").exists()
