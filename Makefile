# Two commands for learners and facilitators:
#   make lab    set up .venv when it is missing, then open JupyterLab on the introduction lesson
#   make test   set up .venv when it is missing, then run the whole test suite
# Needs only Python 3.11+ (PYTHON=python3.12 make lab to choose another interpreter).

PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
PORT   ?= 8888

.PHONY: lab test lint data handouts briefs agenda bench clean help

help:
	@echo "make lab    open JupyterLab on notebooks/00_introduction.ipynb (http://127.0.0.1:$(PORT), token auth)"
	@echo "make test   run the test suite: helper unit tests, data checks, notebook lint and nbval"
	@echo "make lint   ruff over the package, scripts, tests and notebooks"
	@echo "make data   rebuild the derived tables in data/ from the upstream files (../shared/reference)"
	@echo "make handouts  execute every lesson and export self-contained HTML to build/handouts/"
	@echo "make briefs the simulation's printable briefs, public briefing, outcome form, scoring sheet -> build/briefs/"
	@echo "make agenda MINUTES=90  print a workshop agenda that fits the time budget"
	@echo "make bench  run the benchmarks (prints a table; see docs/benchmarks.md)"

$(STAMP): requirements.txt requirements-test.txt pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed: run PYTHON=python3.11 make ...")'
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt -r requirements-test.txt -e .
	@touch $(STAMP)

# The browser test's accessibility check needs axe-core from the npm registry (pinned in
# tests/browser/package-lock.json). Where npm is missing, tests/test_browser.py says so and skips that part.
BROWSER_DEPS := tests/browser/node_modules/.installed
$(BROWSER_DEPS): tests/browser/package.json tests/browser/package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
	  npm ci --prefix tests/browser --no-audit --no-fund --loglevel=error && touch $@; \
	else \
	  echo "npm not found: the browser test will skip its accessibility check (install Node.js and npm to run it)"; \
	fi

# Local only, token kept; nothing fetched: no update check, no news feed, extension manager read-only.
# --allow-root only where the user is root (containers), as JupyterLab refuses to start otherwise.
LAB_FLAGS := --ServerApp.ip=127.0.0.1 --ServerApp.port=$(PORT) --ServerApp.root_dir=. \
	--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate --LabApp.news_url=None \
	--LabApp.extension_manager=readonly $(if $(filter 0,$(shell id -u 2>/dev/null)),--allow-root,)

lab: $(STAMP)
	$(VENV)/bin/jupyter lab $(LAB_FLAGS) notebooks/00_introduction.ipynb

test: $(STAMP) $(BROWSER_DEPS)
	$(PY) -m pytest

lint: $(STAMP)
	$(VENV)/bin/ruff check src scripts tests notebooks

data: $(STAMP)
	$(PY) scripts/build_data.py

handouts: $(STAMP)
	$(PY) -m peaceops.workshop.handouts

briefs: $(STAMP)
	$(PY) -m peaceops.simulation.briefs --out build/briefs

MINUTES ?= 90
agenda: $(STAMP)
	@$(PY) -m peaceops.workshop.agenda --minutes $(MINUTES)

bench: $(STAMP)
	$(PY) benchmarks/run.py

clean:
	rm -rf $(VENV) build .pytest_cache tests/browser/node_modules
