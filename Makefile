# continuum.infoscale: build, test and demo entry points.
# Everything installs itself: `make test` and `make demo` work on a fresh clone.
SHELL := /bin/bash
.DEFAULT_GOAL := help

# Base interpreter for the virtualenvs (Python 3.11).
PYTHON ?= $(shell command -v python3.11 2>/dev/null || ls -d $(HOME)/.pyenv/versions/3.11*/bin/python3.11 2>/dev/null | tail -n 1)
VENV := .venv
LINT_VENV := .venv-lint
PYTEST_WORKERS ?= 2

VERSION := $(shell sed -n 's/^version:[[:space:]]*//p' galaxy.yml)
ARTIFACT := .build/continuum-infoscale-$(VERSION).tar.gz

TEST_REQUIREMENTS := tests/ci/requirements-test.txt tests/unit/requirements.txt requirements.txt
LINT_REQUIREMENTS := tests/ci/requirements-lint.txt

export PYTHON

.PHONY: help venv lint-venv test units integration sanity lint build demo bench clean distclean

help:
	@echo 'make demo         build + install the collection, run playbooks/deploy.yml on a simulated estate'
	@echo 'make test         build check, sanity, lint, then unit + integration tests (what CI runs)'
	@echo 'make units        pytest tests/unit'
	@echo 'make integration  pytest tests/integration (playbooks against the simulator)'
	@echo 'make sanity       ansible-test sanity on a copy of the shipped collection'
	@echo 'make lint         ansible-lint (roles, playbooks, galaxy.yml) + antsibull-changelog lint'
	@echo 'make build        build the Galaxy artifact into .build/ and check its contents'
	@echo 'make bench        run every bench/*.py'
	@echo 'make clean        remove build output and demo state (distclean: also the venvs)'

venv:
	@tests/ci/ensure_venv.sh $(VENV) --editable simulator $(TEST_REQUIREMENTS)

lint-venv:
	@tests/ci/ensure_venv.sh $(LINT_VENV) $(LINT_REQUIREMENTS)

test: venv lint-venv
	@PYTEST_WORKERS=$(PYTEST_WORKERS) tests/ci/test_all.sh

units: venv
	$(VENV)/bin/python -m pytest -n $(PYTEST_WORKERS) tests/unit

integration: venv
	$(VENV)/bin/python -m pytest -n $(PYTEST_WORKERS) tests/integration

sanity: venv
	tests/ci/sanity.sh

lint: lint-venv
	tests/ci/lint.sh

build: venv
	rm -f .build/continuum-infoscale-*.tar.gz
	$(VENV)/bin/ansible-galaxy collection build --force --output-path .build .
	$(VENV)/bin/python tests/ci/check_artifact.py $(ARTIFACT)

demo: build
	tests/ci/demo.sh $(ARTIFACT)

bench: venv
	@shopt -s nullglob; scripts=(bench/*.py); \
	if (( ! $${#scripts[@]} )); then echo 'no benchmarks in bench/'; fi; \
	for script in "$${scripts[@]}"; do \
		echo "==> $$script"; $(VENV)/bin/python "$$script" || exit 1; \
	done

clean:
	rm -rf .build demo-state tests/output
	find . \( -path ./.venv -o -path ./.venv-lint -o -path ./.git \) -prune -o \
		\( -name __pycache__ -o -name .pytest_cache \) -type d -prune -exec rm -rf {} +

distclean: clean
	rm -rf $(VENV) $(LINT_VENV)
