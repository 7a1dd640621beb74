# Two commands on a fresh machine: `make run` and `make test`. Each makes its own virtual
# environment when missing (or when pyproject.toml changed) and installs what it needs.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test fuzz bench abuse check clean postgres

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/peerbot run

# PostgreSQL for the tests marked `postgres`, which start a throwaway server of their own
# (tests/postgres_server.py): Debian's package, installed when initdb and pg_ctl are nowhere to be
# found and no PEERBOT_TEST_DATABASE_URL names a server. Without root or apt-get those tests skip,
# saying why.
postgres:
	@if [ -z "$$PEERBOT_TEST_DATABASE_URL" ] && ! command -v pg_ctl >/dev/null 2>&1 \
	    && ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "installing PostgreSQL (Debian's postgresql package) for the tests"; \
	    export DEBIAN_FRONTEND=noninteractive; \
	    apt-get update -qq && apt-get install -y -qq --no-install-recommends postgresql >/dev/null; \
	  else \
	    echo "PostgreSQL is not installed and cannot be installed here (needs root and apt-get):" \
	         "the tests marked postgres will skip"; \
	  fi; \
	fi

# ruff and mypy first: a lint or type finding fails fast, before the minute of tests (rules in
# pyproject.toml; mypy is strict on bot/).
test: $(STAMP) postgres
	$(BIN)/ruff check .
	$(BIN)/mypy
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
