# SIPSABot developer commands. Every target installs what it needs into a project-local .venv first.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
# Portable llama.cpp build (no -march=native), so the wheel in pip's cache runs on any x86-64 machine.
export CMAKE_ARGS ?= -DGGML_NATIVE=OFF

.PHONY: install run test lint typecheck pytest bench eval eval-forecast clean wheels docker-build test-docker

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

# The wheelhouse the image installs from (no network inside the build); llama-cpp-python comes from pip's cache.
wheels: $(STAMP)
	rm -rf build/wheels build/lib build/bdist.*  # stale build/lib files would end up in the wheel
	$(PY) -m pip wheel --quiet -w build/wheels . setuptools wheel

# DOCKER_BASE: any bookworm image with python3 + python3-venv (CI imports one made with debootstrap).
DOCKER_BASE ?= python:3.11-slim-bookworm
docker-build: wheels
	docker build --build-arg BASE=$(DOCKER_BASE) -t sipsabot:latest .

# The deployment end to end (CI, after `make test`): dockerd, an offline base image, the image, docker-compose
# against the fake Bot API, one question, a restart with the state intact. Needs root.
test-docker: $(STAMP)
	tools/docker_ci.sh

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache
