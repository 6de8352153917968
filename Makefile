# Two commands do everything on a fresh machine: `make demo` and `make test`.
VENV ?= .venv
PYTHON ?= python3
PY := $(VENV)/bin/python
WARTA := $(VENV)/bin/warta
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)

.PHONY: install demo test test-all bench lint check clean model yasgui screenshots

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test,scale]'
	rm -f $(VENV)/.installed-* && touch $@

install: $(STAMP)

## Install, ingest the bundled examples, write a graph view, serve SPARQL + UI on 127.0.0.1.
# The view goes under out/ (gitignored), so a demo leaves the checkout clean.
demo: install
	$(WARTA) demo --output out/warta-graph.html

## Install with test extras and run the suite (CI sets WARTA_FULL_TESTS=1 to add slow, browser and Virtuoso tests).
test: install lint
	$(PY) -m pytest -q

## The whole suite, including slow, browser and Virtuoso tests.
test-all: install yasgui
	WARTA_FULL_TESTS=1 $(PY) -m pytest -q

## YASGUI's built files (npm registry, MIT) for the cross-origin browser test, fetched once with npm;
## the test serves them itself and lets the browser download nothing.
YASGUI_VERSION := 4.6.2
YASGUI := $(VENV)/yasgui/package/build/yasgui.min.js
yasgui: $(YASGUI)
$(YASGUI):
	mkdir -p $(VENV)/yasgui
	cd $(VENV)/yasgui && npm pack --silent @zazuko/yasgui@$(YASGUI_VERSION) >/dev/null && tar xzf zazuko-yasgui-$(YASGUI_VERSION).tgz

## Benchmarks (not part of the tests): prints ratios against baselines measured in the same run.
bench: install
	$(PY) bench/extract.py
	$(PY) bench/run.py

## The README's screenshots (docs/img/), from the example store in Debian's chromium.
screenshots: install
	$(PY) docs/screenshots.py

## Retrain the shipped NER model from the corpora (NER_DATA=... to point elsewhere; about 7 min on one core).
NER_DATA ?= ../shared/data/ner
model: install
	OPENBLAS_NUM_THREADS=1 $(PY) -m graph.extract.ner.train --data $(NER_DATA) --out graph/extract/ner/model

## Lint (what reviewers run before a commit): the formatter's check, the linter, the type checker.
lint: install
	$(PY) -m ruff format --check graph bench tests docs/*.py
	$(PY) -m ruff check graph bench tests docs/*.py
	$(PY) -m mypy

## Same as test (lint, then the suite); kept for habit.
check: test

clean:
	rm -rf warta-data .pytest_cache
