# Two commands on a fresh machine: `make run` and `make test`. Each makes its own virtual
# environment when missing (or when pyproject.toml changed) and installs what it needs.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test fuzz bench abuse check clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/peerbot run

# ruff first: a lint finding fails fast, before the minute of tests (rules in pyproject.toml).
test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/python -m pytest -q

check: $(STAMP)
	$(BIN)/peerbot content check
	$(PYTHON) ../shared/tools/verbatim_check.py content

# The generated tests with many fresh random examples (the suite runs a fixed, derandomized set).
fuzz: $(STAMP)
	HYPOTHESIS_PROFILE=explore $(BIN)/python -m pytest -q tests/test_fuzz.py tests/slack/test_slack_fuzz.py tests/discord/test_discord_limits.py

bench: $(STAMP)
	$(BIN)/python -m bench.all

abuse: $(STAMP)
	$(BIN)/python -m bench.abuse

clean:
	rm -rf $(VENV) .pytest_cache
