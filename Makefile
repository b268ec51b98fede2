# The two commands a fresh machine needs (README): `make run` and `make test`.
VENV  ?= .venv
STORE ?= $(CURDIR)/.isnad-store
PY    := $(VENV)/bin/python
# Debian packages the tests drive: rapper (a second RDF parser), chromium + chromedriver (browser tests),
# virtuoso-t + isql-vt (dumps load unchanged into Virtuoso; the binaries alone, no service: 16 MB, ~15 s).
SYSTEM_PACKAGES := raptor2-utils chromium chromium-driver virtuoso-opensource-7-bin

.PHONY: install system-deps run test lint

$(VENV)/.installed: pyproject.toml constraints.txt
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install -q --upgrade pip
	$(VENV)/bin/pip install -q -c constraints.txt -e '.[test,cluster]'
	touch $@

install: $(VENV)/.installed

system-deps:
	@missing=""; for p in $(SYSTEM_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	  else sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; fi; \
	fi

run: install
	$(VENV)/bin/kg build seeds --store $(STORE)
	$(VENV)/bin/kg serve --store $(STORE)

lint: install
	$(VENV)/bin/ruff check kg server tests benchmarks

test: install system-deps lint
	$(VENV)/bin/pytest
