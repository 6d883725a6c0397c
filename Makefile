# make run: serve the planner locally. make test: the whole suite. make bench: the benchmarks.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
FLASK := $(BIN)/flask --app planner

.PHONY: run test test-another-day bench bench-http bench-cluster lint screenshots clean translations

# stamps: reinstall only when a requirements file changed
$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.stamp-runtime: requirements.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.stamp-test: requirements.txt requirements-test.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements-test.txt
	touch $@

# the gettext catalogs, compiled (.mo files are built, never committed); see docs/translations.md
PO_FILES := $(wildcard translations/*/LC_MESSAGES/*.po)
translations/.compiled: $(PO_FILES) | $(VENV)/.stamp-runtime
	$(BIN)/pybabel compile --directory translations --domain messages --statistics
	$(BIN)/pybabel compile --directory translations --domain catalog --statistics
	touch $@

# after changing user-facing words: extract both domains and update every locale's .po
translations: $(VENV)/.stamp-runtime
	PYTHONPATH=$(CURDIR) $(BIN)/python -m planner.i18n.catalogs update

run: $(VENV)/.stamp-runtime translations/.compiled
	$(FLASK) db upgrade
	@echo "The planner is starting: open http://127.0.0.1:5000 in your browser (Ctrl+C stops it)."
	@echo "Demo facilitators, clients and trips: in another terminal, on an empty database, run"
	@echo "  $(BIN)/flask --app planner seed-demo"
	@echo "then log in at http://127.0.0.1:5000/login with an email and password it prints."
	$(FLASK) run --host 127.0.0.1 --port 5000

test: $(VENV)/.stamp-test translations/.compiled
	if [ -f tests/js/package.json ]; then npm ci --prefix tests/js --no-audit --no-fund --silent; fi
	$(BIN)/ruff check planner tests benchmarks migrations
	$(BIN)/ruff format --check planner tests benchmarks migrations
	$(BIN)/pytest -n 2

# the whole suite with every Python process's clock moved to DATE (time-machine, from a sitecustomize)
test-another-day: $(VENV)/.stamp-test translations/.compiled
	@test -n "$(DATE)" || { echo "usage: make test-another-day DATE=YYYY-MM-DD"; exit 2; }
	if [ -f tests/js/package.json ]; then npm ci --prefix tests/js --no-audit --no-fund --silent; fi
	PLANNER_TEST_DATE=$(DATE) PYTHONPATH=$(CURDIR)/tests/another_day \
		$(BIN)/pytest -n 2 -p no:cacheprovider -W ignore::pytest.PytestAssertRewriteWarning

bench: $(VENV)/.stamp-test
	$(BIN)/pytest benchmarks -p no:xdist --benchmark-only --benchmark-columns=min,median,mean,max,rounds

# HTTP throughput against /healthz with gunicorn and wrk (Debian's wrk package) on loopback
bench-http: $(VENV)/.stamp-test
	$(BIN)/python benchmarks/visitor_pages_throughput.py
	$(BIN)/python benchmarks/plan_page_throughput.py
	$(BIN)/python benchmarks/feed_throughput.py

# two app instances behind nginx (Debian's package) on PostgreSQL and Redis: they agree, and the load they take
bench-cluster: $(VENV)/.stamp-test
	$(BIN)/python benchmarks/cluster_bench.py

screenshots: $(VENV)/.stamp-test
	$(BIN)/python scripts/screenshots.py

lint: $(VENV)/.stamp-test
	$(BIN)/ruff check planner tests benchmarks migrations
	$(BIN)/ruff format --check planner tests benchmarks migrations

clean:
	rm -rf .pytest_cache .benchmarks .ruff_cache
