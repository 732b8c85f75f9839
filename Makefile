# SIPSABot developer commands. Every target installs what it needs into a project-local .venv first.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
# Portable llama.cpp build (no -march=native), so the wheel in pip's cache runs on any x86-64 machine.
export CMAKE_ARGS ?= -DGGML_NATIVE=OFF

.PHONY: install run test lint typecheck pytest bench eval eval-forecast clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

# Reads .env (KEY=value lines, as in .env.example) when it exists, so the token can live there.
run: $(STAMP)
	@set -a; if [ -f .env ]; then . ./.env; fi; set +a; exec $(VENV)/bin/sipsabot run

lint: $(STAMP)
	$(VENV)/bin/ruff check bot handlers models data tests tools

typecheck: $(STAMP)
	$(VENV)/bin/mypy

pytest: $(STAMP)
	$(VENV)/bin/pytest -q

test: lint typecheck pytest

bench: $(STAMP)
	$(PY) tools/bench.py

eval: $(STAMP)
	$(VENV)/bin/sipsabot eval

eval-forecast: $(STAMP)
	$(VENV)/bin/sipsabot eval-forecast

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache
