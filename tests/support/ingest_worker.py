"""One ingest through the Python API, as a web upload will call it, in its own process:
``python -m tests.support.ingest_worker FILE DB TODAY`` prints one JSON line with the outcome."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

from pipelines.errors import TrackerError
from pipelines.settings import load_settings
from pipelines.submissions.ingest import ingest


def main(file: str, db: str, today: str) -> None:
    settings = load_settings(db_path=Path(db))
    try:
        (result,) = ingest([(file, Path(file))], settings, today=date.fromisoformat(today))
    except TrackerError as error:
        print(json.dumps({"outcome": "error", "detail": str(error)}))
        return
    print(json.dumps({"outcome": result.outcome, "load_id": result.load_id,
                      "rows": result.rows}))


if __name__ == "__main__":
    main(*sys.argv[1:4])
