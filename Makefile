# Two commands for learners and facilitators:
#   make lab    set up .venv when it is missing, then open JupyterLab on the introduction lesson
#   make test   set up .venv when it is missing, then run the whole test suite
# Needs only Python 3.11+ (PYTHON=python3.12 make lab to choose another interpreter).

PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
PORT   ?= 8888

.PHONY: lab test lint data handouts agenda bench clean help

help:
	@echo "make lab    open JupyterLab on notebooks/00_introduction.ipynb (http://127.0.0.1:$(PORT), token auth)"
	@echo "make test   run the test suite: helper unit tests, data checks, notebook lint and nbval"
	@echo "make lint   ruff over the package, scripts, tests and notebooks"
	@echo "make data   rebuild the derived tables in data/ from the upstream files (../shared/reference)"
	@echo "make handouts  execute every lesson and export self-contained HTML to build/handouts/"
	@echo "make agenda MINUTES=90  print a workshop agenda that fits the time budget"
	@echo "make bench  run the benchmarks (prints a table; see docs/benchmarks.md)"

$(STAMP): requirements.txt requirements-test.txt pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed: run PYTHON=python3.11 make ...")'
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt -r requirements-test.txt -e .
	@touch $(STAMP)

lab: $(STAMP)
	$(VENV)/bin/jupyter lab --ServerApp.ip=127.0.0.1 --ServerApp.port=$(PORT) --ServerApp.root_dir=. notebooks/00_introduction.ipynb

test: $(STAMP)
	$(PY) -m pytest

lint: $(STAMP)
	$(VENV)/bin/ruff check src scripts tests notebooks

data: $(STAMP)
	$(PY) scripts/build_data.py

handouts: $(STAMP)
	$(PY) -m peaceops.handouts

MINUTES ?= 90
agenda: $(STAMP)
	@$(PY) -m peaceops.agenda --minutes $(MINUTES)

bench: $(STAMP)
	$(PY) benchmarks/run.py

clean:
	rm -rf $(VENV) build .pytest_cache
