# Two entry points for a fresh machine with Python 3.11+ and make: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint bench clean

run: $(STAMP)
	$(BIN)/careplan

test: $(STAMP)
	$(BIN)/python -m pytest -n auto

# Checks that pass before every commit: ruff's lint and format, then mypy on the installed layout.
lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	tools/typecheck.sh

bench: $(STAMP)
	$(BIN)/python -m benchmarks

$(STAMP): pyproject.toml
	$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "careplan needs Python 3.11 or newer")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
