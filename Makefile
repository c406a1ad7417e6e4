# On a fresh clone with python3 (3.10 or newer):
#   make site   builds example_site/ into example_site/output
#   make test   runs the whole test suite
# Both create .venv and install the package with its test extra first.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed

.PHONY: site serve test lint lighthouse screenshots clean

$(INSTALLED): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit("make: Python 3.10 or newer is needed, found " + sys.version.split()[0]) if sys.version_info < (3, 10) else None'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --editable '.[test]'
	touch $(INSTALLED)

site: $(INSTALLED)
	cd example_site && ../$(BIN)/pelican content -s pelicanconf.py -o output --fatal warnings

serve: site
	cd example_site && ../$(BIN)/pelican --listen -s pelicanconf.py -o output

lint: $(INSTALLED)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: lint
	$(BIN)/python -m pytest

lighthouse: $(INSTALLED)
	$(BIN)/python benchmarks/lighthouse.py

screenshots: $(INSTALLED)
	$(BIN)/python benchmarks/screenshots.py

clean:
	rm -rf $(VENV) example_site/output example_site/cache dist build
