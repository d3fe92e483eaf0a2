"""Locust users for benchmarks/load.py: a mix of page loads, page and filter callbacks and
(once the routes exist) downloads."""

from __future__ import annotations

import random

from locust import HttpUser, between, task

from benchmarks.callbacks import CASES

# Pages that exist on main now; add the pillar, indicator and review pages as they land.
PAGES = ["/", "/?lang=fr", "/probe/chart"]


class Visitor(HttpUser):
    wait_time = between(0.5, 2)

    @task(4)
    def page(self) -> None:
        path = random.choice(PAGES)
        with self.client.get(path, name="page", catch_response=True) as response:
            # The probe page is not in dashboard.routing.ROUTES, so it is served with a 404
            # status while rendering normally; every other page must be a 200.
            if response.status_code == 200 or (path == "/probe/chart"
                                               and response.status_code == 404):
                response.success()

    @task(6)
    def callback(self) -> None:
        case = random.choice(CASES)
        self.client.post("/_dash-update-component", json=case.payload(random.randrange(100)),
                         name=f"callback: {case.name}")

    @task(1)
    def download(self) -> None:
        # Until the download routes land this is the static asset a page load fetches.
        self.client.get("/assets/style.css", name="asset")
