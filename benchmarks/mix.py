"""The requests of the load benchmark's realistic mix (benchmarks/locustfile.py), kept apart
from the locustfile so the benchmark can warm a server up without importing locust."""

from __future__ import annotations

from typing import Final

# The pages of the contract (docs/architecture.md), on SYNTHETIC and real ids.
PAGES: Final = ["/", "/?lang=fr", "/indicator/synthetic_indicator_01?geography=ontario",
                "/indicator/frontline_workers_trained", "/pillar/support", "/deliverables",
                "/data", "/review/quarterly?quarter=2026-27Q2", "/about"]
# Filtered downloads a reader makes: one indicator in one place (about 1,000 rows), one
# published source, a small whole table.
DOWNLOADS: Final = [
    "/download/observations.csv?indicator=synthetic_indicator_02&geography=ontario",
    "/download/observations.csv?source=on-strategy-2025-2030",
    "/download/indicators.csv"]
