# Every target installs what it needs on a fresh machine. See README.md.
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
BENCH_STAMP := $(VENV)/.bench-installed-stamp
LIGHTHOUSE_STAMP := benchmarks/lighthouse/node_modules/.installed-stamp
HOST ?= 127.0.0.1
PORT ?= 8050

.PHONY: install build run serve nginx test lint chromium pdf-libs clean vendor-plotly bench

$(STAMP): pyproject.toml constraints.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade "pip>=24"
	$(PY) -m pip install --quiet -c constraints.txt -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

build: install
	$(PY) -m pipelines build

run: build pdf-libs
	HOST=$(HOST) PORT=$(PORT) $(PY) -m dashboard

# Production stack (docs/deployment.md): nginx on HOST:PORT buffering requests and answers,
# serving the assets itself, in front of gunicorn (./gunicorn.conf.py) on a unix socket.
# Runs in the foreground; Ctrl-C stops both. Its files live under data/build/serve/.
serve: build pdf-libs nginx
	HOST=$(HOST) PORT=$(PORT) PY=$(PY) deploy/serve.sh

# Debian's nginx, installed like chromium; the distribution's own service is not started.
nginx:
	@command -v nginx >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && RUNLEVEL=1 DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq nginx; }

chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium fonts-dejavu-core; }

# The briefings' PDF (WeasyPrint) needs Pango, and their Word charts (CairoSVG) need Cairo:
# installed from Debian's packages when missing, like chromium.
pdf-libs:
	@ldconfig -p | grep -q 'libpango-1.0.so' && ldconfig -p | grep -q 'libpangoft2-1.0.so' \
	  && ldconfig -p | grep -q 'libcairo.so.2' || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq \
	    libpango-1.0-0 libpangoft2-1.0-0 libcairo2 fonts-dejavu-core; }

lint: install
	$(PY) -m ruff check .
	$(PY) -m mypy

# The suite in two parts (docs/testing.md): everything not marked `serial` on TEST_WORKERS
# processes (pytest-xdist), then the `serial` tests, which measure time or race processes,
# alone. PYTEST_ARGS passes options to both, e.g. PYTEST_ARGS="--screenshots". Each part lists
# its slowest tests, so the next speed-up starts from a measurement.
TEST_WORKERS ?= 4
test: install chromium pdf-libs nginx
	$(PY) -m ruff check .
	$(PY) -m mypy
	$(PY) -m pytest -n $(TEST_WORKERS) -m "not serial" --durations=20 $(PYTEST_ARGS)
	$(PY) -m pytest -m serial --durations=10 $(PYTEST_ARGS)

clean:
	rm -rf data/build .pytest_cache

# Benchmarks (not part of `make test`): the bench extra (locust, Datasette, psutil), Lighthouse
# (npm, the version pinned in benchmarks/lighthouse/package-lock.json), the SYNTHETIC data,
# every benchmark, one JSON per benchmark in benchmarks/results/, a summary.
# Regenerate docs/benchmarks.md's table from the JSON with `python -m benchmarks.report --docs`.
# BENCH_ARGS passes options on, e.g. `make bench BENCH_ARGS="--rows 1000"` for a quick check.
$(BENCH_STAMP): $(STAMP)
	$(PY) -m pip install --quiet -c constraints.txt -e '.[test,bench]'
	$(PY) -c 'import locust, datasette, psutil, playwright'
	touch $(BENCH_STAMP)

$(LIGHTHOUSE_STAMP): benchmarks/lighthouse/package.json benchmarks/lighthouse/package-lock.json
	@command -v npm >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq npm; }
	cd benchmarks/lighthouse && npm ci --no-audit --no-fund --loglevel=error
	touch $(LIGHTHOUSE_STAMP)

bench: $(BENCH_STAMP) $(LIGHTHOUSE_STAMP) chromium nginx
	CHROME_PATH=$${CHROME_PATH:-/usr/bin/chromium} $(PY) -m benchmarks $(BENCH_ARGS)

# The basic plotly.js bundle of the version the installed plotly package carries (README in
# dashboard/assets/vendor/). Needs npm; run after upgrading plotly.
vendor-plotly: install
	@set -e; version=$$($(PY) -c 'from plotly.offline import get_plotlyjs_version as v; print(v())'); \
	  tmp=$$(mktemp -d); (cd $$tmp && npm pack --silent plotly.js-basic-dist-min@$$version >/dev/null && tar xzf *.tgz); \
	  cp $$tmp/package/plotly-basic.min.js dashboard/assets/vendor/plotly-basic.min.js; \
	  cp $$tmp/package/LICENSE dashboard/assets/vendor/plotly-basic.LICENSE.txt; \
	  sha=$$(sha256sum dashboard/assets/vendor/plotly-basic.min.js | cut -d' ' -f1); \
	  sed -i -E "s/plotly.js-basic-dist-min\` [0-9.]+/plotly.js-basic-dist-min\` $$version/; s/sha256 \`[0-9a-f]{64}\`/sha256 \`$$sha\`/" dashboard/assets/vendor/README.md; \
	  rm -rf $$tmp; echo "plotly.js basic $$version, sha256 $$sha"
