"""Locust users for benchmarks/load.py, a realistic mix: page loads (the HTML, then the
page-routing callback that renders the page, as a browser does), the callbacks a filter or a
quarter change sends, small filtered CSV downloads, and one user who downloads every
observation once a minute."""

from __future__ import annotations

import random
from urllib.parse import urlsplit

from locust import HttpUser, between, constant, task

from benchmarks.callbacks import CASES, payload
from benchmarks.mix import DOWNLOADS, PAGES


class Visitor(HttpUser):
    wait_time = between(0.5, 2)

    @task(4)
    def page(self) -> None:
        url = random.choice(PAGES)
        self.client.get(url, name="page: HTML")
        parts = urlsplit(url)
        search = f"?{parts.query}" if parts.query else ""
        self.client.post("/_dash-update-component",
                         json=payload(parts.path, search, "pathname"), name="page: render")

    @task(6)
    def callback(self) -> None:
        case = random.choice(CASES)
        path, search, changed = case.request(random.randrange(100))
        self.client.post("/_dash-update-component", json=payload(path, search, changed),
                         name=f"callback: {case.name}")

    @task(1)
    def download(self) -> None:
        self.client.get(random.choice(DOWNLOADS), name="download (filtered)")


class BulkDownloader(HttpUser):
    """One researcher taking the whole observations table once a minute."""

    fixed_count = 1
    wait_time = constant(60)

    @task
    def everything(self) -> None:
        self.client.get("/download/observations.csv", name="download (all observations)")
