"""The basic plotly.js bundle replaces the full one where dcc.Graph fetches it."""

from __future__ import annotations

from flask.testing import FlaskClient
from plotly.offline import get_plotlyjs_version

from dashboard.web.plotly_bundle import BUNDLE, FULL_BUNDLE_PATH, bundle_version


def test_vendored_bundle_matches_the_plotly_package() -> None:
    # dcc.Graph and the figures plotly.py builds assume this plotly.js version.
    assert bundle_version() == get_plotlyjs_version()


def test_graph_url_serves_the_basic_bundle(serving_client: FlaskClient) -> None:
    response = serving_client.get("/" + FULL_BUNDLE_PATH)
    assert response.status_code == 200
    assert response.mimetype == "application/javascript"
    assert b"plotly.js (basic - minified)" in response.data[:200]


def test_pages_do_not_load_the_bundle_eagerly(serving_client: FlaskClient) -> None:
    # Only a page with a chart should download plotly.js, and only when the chart mounts.
    page = serving_client.get("/").get_data(as_text=True)
    assert BUNDLE not in page
    assert "plotly.min.js" not in page


def test_vendored_bundle_is_the_file_its_readme_records() -> None:
    import hashlib
    import re

    from dashboard.web.plotly_bundle import VENDOR_DIR

    readme = (VENDOR_DIR / "README.md").read_text(encoding="utf-8")
    recorded = re.search(r"sha256 `([0-9a-f]{64})`", readme)
    assert recorded is not None
    assert hashlib.sha256((VENDOR_DIR / BUNDLE).read_bytes()).hexdigest() == recorded.group(1)
    assert f"`plotly.js-basic-dist-min` {get_plotlyjs_version()}" in readme
