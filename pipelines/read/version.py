"""Which version of the data a reader sees: one short id that changes whenever the data does
(API ETags and paging cursors depend on it)."""

from __future__ import annotations

import hashlib

from pipelines.read.core import Reader, fetch_one
from pipelines.read.rows import DataVersion


def data_version(reader: Reader) -> str:
    """The build's ``data_version`` (a new id at every write) when stored, else a digest of
    the build's inputs, its time, its snapshot label and its loads."""
    row = fetch_one(reader, "data_version", DataVersion)
    assert row is not None  # the query always returns one row
    if row.data_version:
        return row.data_version
    parts = (row.inputs_sha256, row.built_at, row.snapshot_label, row.last_load_id, row.loads)
    return "d" + hashlib.sha256(repr(parts).encode()).hexdigest()[:24]
