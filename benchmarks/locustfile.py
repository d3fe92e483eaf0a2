"""Locust users for benchmarks/load.py: real page loads, the page callbacks a browser sends
when a link changes the URL, and CSV downloads."""

from __future__ import annotations

import random

from locust import HttpUser, between, task

from benchmarks.callbacks import CASES, payload

# The pages of the contract (README, Architecture): the quarterly review joins when it lands.
PAGES = ["/", "/?lang=fr", "/indicator/synthetic_indicator_01?geography=ontario",
         "/indicator/frontline_workers_trained", "/pillar/support", "/deliverables", "/data"]
# A filtered download (one indicator, 50,000 rows at 10^6) and a small whole table.
DOWNLOADS = ["/download/observations.csv?indicator=synthetic_indicator_02",
             "/download/indicators.csv"]


class Visitor(HttpUser):
    wait_time = between(0.5, 2)

    @task(4)
    def page(self) -> None:
        self.client.get(random.choice(PAGES), name="page")

    @task(6)
    def callback(self) -> None:
        case = random.choice(CASES[:2])  # the review page may not exist yet
        run = random.randrange(100)
        self.client.post("/_dash-update-component", json=payload(case.path, case.search(run)),
                         name=f"callback: {case.name}")

    @task(1)
    def download(self) -> None:
        self.client.get(random.choice(DOWNLOADS), name="download")
