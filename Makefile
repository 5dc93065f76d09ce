# The two commands of the kit (see README.md):
#   make demo   the main job
#   make test   the whole test suite (what CI runs)
# Both create or refresh the virtual environment in .venv first.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
# The CPU build of torch; a plain `pip install torch` would pull a multi-GB CUDA build.
TORCH := torch==2.13.0

.PHONY: demo test release check-release venv clean

$(VENV)/.installed: setup.py
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet $(TORCH)
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@

venv: $(VENV)/.installed

test: $(VENV)/.installed
	$(PY) -m pytest -n 2 tests

demo: $(VENV)/.installed
	$(PY) -m autograder.demo

release: $(VENV)/.installed
	$(PY) -m autograder.release

check-release: $(VENV)/.installed
	$(PY) -m autograder.release --check

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
