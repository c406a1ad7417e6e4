# On a fresh clone with python3 (3.10 or newer):
#   make site   builds example_site/ into example_site/output
#   make test   runs the whole test suite
#   make bench  times builds with and without the plugin (a few minutes)
# Each creates .venv and installs the package with its test extra first;
# make bench BENCH_ARGS="--pages 250 1000 4000" passes options to the script.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
BENCH_ARGS ?=

.PHONY: site serve test lint bench lighthouse screenshots gallery map-screenshots map-bench clean

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

bench: $(INSTALLED)
	$(BIN)/python -m benchmarks.build_speed $(BENCH_ARGS)

lighthouse: $(INSTALLED)
	$(BIN)/python benchmarks/lighthouse.py

screenshots: $(INSTALLED)
	$(BIN)/python benchmarks/screenshots.py

gallery: $(INSTALLED)
	$(BIN)/python benchmarks/gallery.py

map-screenshots: $(INSTALLED)
	$(BIN)/python benchmarks/map_screenshots.py

map-bench: $(INSTALLED)
	$(BIN)/python benchmarks/map_page.py

clean:
	rm -rf $(VENV) example_site/output example_site/cache dist build
