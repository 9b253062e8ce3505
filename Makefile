# One-command set-up: every target builds .venv from nothing with python3 and pip.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)
	@echo "== The seed article as of its publication day (2025-09-03) =="
	$(BIN)/commitments extract seeds/putin-zelenskyy-moscow.md --as-of 2025-09-03
	@echo
	@echo "== The same article as of today =="
	$(BIN)/commitments extract seeds/putin-zelenskyy-moscow.md

test: $(STAMP)
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_extract.py

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .hypothesis
