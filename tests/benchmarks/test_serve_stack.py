"""``make serve``'s stack (deploy/serve.sh): nginx in front of gunicorn on a unix socket,
assets from nginx with long-lived caching, slow clients kept away from gunicorn's threads,
and a clean stop. A bounded version of ``python -m benchmarks.slow_clients`` (50 slow
clients for 60 s there, with its p95 budget)."""

from __future__ import annotations

import threading
from pathlib import Path

import psutil
import pytest
import requests

from benchmarks import slow_clients

SLOW = 20
SECONDS = 8


@pytest.mark.serial
def test_make_serve_buffers_slow_clients_serves_assets_and_stops_cleanly(
        tmp_path: Path) -> None:
    with slow_clients.served(tmp_path) as url:
        page = requests.get(url + "/", timeout=30)
        assert page.status_code == 200 and page.headers["Server"] == "nginx"
        asset = requests.get(url + "/assets/style.css", timeout=30)
        assert asset.status_code == 200
        assert "max-age=31536000" in asset.headers["Cache-Control"]
        assert (tmp_path / "serve" / "gunicorn.sock").is_socket()
        stop, opened = threading.Event(), []
        port = int(url.rsplit(":", 1)[1])
        clients = [threading.Thread(target=slow_clients.slow_client, args=(port, stop, opened),
                                    daemon=True) for _ in range(SLOW)]
        for client in clients:
            client.start()
        # More slow connections than gunicorn has request threads (2 workers x 4 threads).
        latencies, failed = slow_clients.measure(url, SECONDS)
        stop.set()
        for client in clients:
            client.join(timeout=10)
        assert len(opened) >= SLOW and latencies and failed == 0
        pids = (tmp_path / "serve" / "nginx.pid").read_text().split()
    assert not any(psutil.pid_exists(int(pid)) for pid in pids), "nginx stopped"
    assert not (tmp_path / "serve" / "gunicorn.sock").exists(), "gunicorn stopped"
