# Two commands on a fresh machine (see README):
#   make run    install into .venv and build the graph of seeds/ into out/
#   make test   install the development tools too and run the whole test suite
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PIP    := $(BIN)/python -m pip --disable-pip-version-check --quiet

.PHONY: run test install install-dev lint clean

run: install
	$(BIN)/kg build seeds -o out

test: install-dev
	$(BIN)/ruff check kg tests bench
	$(BIN)/python -m pytest

install: $(VENV)/.installed

install-dev: $(VENV)/.installed-dev

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --upgrade pip
	$(PIP) install -e .
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed
	$(PIP) install -e ".[dev]"
	touch $@

lint: install-dev
	$(BIN)/ruff check kg tests bench
	$(BIN)/ruff format --check kg tests bench

clean:
	rm -rf $(VENV) out .pytest_cache .ruff_cache
