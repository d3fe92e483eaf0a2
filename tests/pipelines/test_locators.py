"""Every published locator is found in its raw document (provenance is data)."""

from __future__ import annotations

import re

from pipelines.settings import REPO_ROOT

LOCATED_TABLES = ("marts.observations", "marts.targets", "marts.milestones", "marts.pillars",
                  "marts.strategies")


def _fold(text: str) -> str:
    # Independent of the pipeline's own helper on purpose: the documents wrap lines and use
    # no-break spaces inside numbers ("22 861"), so compare with white space folded.
    return re.sub(r"[\s\u00a0\u202f]+", " ", text).strip()


def test_every_document_locator_is_in_its_document(con):
    documents = dict(con.execute(
        "SELECT source_id, raw_file FROM meta.sources WHERE kind = 'document'").fetchall())
    texts = {sid: _fold((REPO_ROOT / "data/raw" / f).read_text(encoding="utf-8"))
             for sid, f in documents.items()}
    checked, missing = 0, []
    for table in LOCATED_TABLES:
        for source_id, locator in con.execute(f"SELECT source_id, locator FROM {table}").fetchall():
            if source_id not in texts:
                continue
            checked += 1
            if _fold(locator) not in texts[source_id]:
                missing.append((table, source_id, locator))
    assert missing == []
    assert checked > 60


def test_every_context_locator_is_the_quote_of_its_row(con):
    import csv

    with (REPO_ROOT / "data/raw/context-figures.csv").open(encoding="utf-8") as handle:
        quotes = {(r["series_id"], r["quote"].strip()) for r in csv.DictReader(handle)}
    rows = con.execute("SELECT series_id, locator FROM marts.observations "
                       "WHERE series_id IS NOT NULL").fetchall()
    assert rows and all(row in quotes for row in rows)


def test_every_observation_names_a_known_source(con):
    orphans = con.execute("SELECT count(*) FROM marts.observations o "
                          "ANTI JOIN meta.sources USING (source_id)").fetchone()[0]
    assert orphans == 0
