# Two entry points for a fresh machine with Python 3.11+ and make: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint lock bench clean

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

# The exact versions CI tested, for a reproducible set-up; pyproject.toml keeps the ranges people
# installing the package get. Updated on purpose, with `make lock`, and committed.
lock: $(STAMP)
	$(BIN)/python -m pip install --quiet pip-tools
	$(BIN)/pip-compile --quiet --extra test --extra lint --strip-extras --no-emit-index-url \
		--no-emit-find-links --output-file constraints.txt pyproject.toml

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "careplan needs Python 3.11 or newer")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[test,lint]"
	touch $(STAMP)

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
