"""Locust users for benchmarks/load.py, a realistic mix: page loads (the first HTML response
is the whole page: docs/architecture.md › HTML first), the takeover a reader who reaches for
a chart or a control triggers (the page's layout from the page-routing callback, Dash's
layout and dependencies), the callbacks Dash's own navigation and filter changes send once it
has taken over, small filtered CSV downloads, and one user who downloads every observation
once a minute."""

from __future__ import annotations

import random
from urllib.parse import urlsplit

from locust import HttpUser, between, constant, task

from benchmarks.callbacks import CASES, payload
from benchmarks.mix import DOWNLOADS, PAGES


class Visitor(HttpUser):
    wait_time = between(0.5, 2)

    @task(6)
    def page(self) -> None:
        self.client.get(random.choice(PAGES), name="page: HTML")

    @task(1)
    def takeover(self) -> None:
        parts = urlsplit(random.choice(PAGES))
        search = f"?{parts.query}" if parts.query else ""
        self.client.post("/_dash-update-component",
                         json=payload(parts.path, search, "pathname"), name="takeover: page")
        self.client.get("/_dash-layout", name="takeover: Dash layout")
        self.client.get("/_dash-dependencies", name="takeover: Dash dependencies")

    @task(3)
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
