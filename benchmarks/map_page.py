"""How much the map page of a large guide weighs, and how long Chromium takes to load it.

Usage (from the repository root, with the project's virtual environment):

    .venv/bin/python benchmarks/map_page.py [--pages 1000] [--runs 7]

It writes the synthetic guide (``synthetic_site.py``: about 500 words and
four choices a page, in eight chapters), builds it in the bundled theme with
the map page on, serves it on 127.0.0.1 and loads the map page in headless
Chromium, each time in a fresh tab: the time is the navigation's, from its
start to the end of the load event, as the page itself reports it. It prints
the page's size and the median and slowest of the loads.
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
from pathlib import Path

from _example import find_chromium, served
from pelican import Pelican
from pelican.settings import read_settings
from playwright.sync_api import sync_playwright
from synthetic_site import write_site

import pelican_choices

MAP = "choices-map.html"
LOAD_END = "performance.getEntriesByType('navigation')[0].loadEventEnd"


def build_guide(root: Path, pages: int) -> Path:
    """The synthetic guide of ``pages`` pages, built with its map page; its output folder."""
    write_site(root / "content", pages)
    settings = read_settings(
        override={
            "PATH": str(root / "content"),
            "OUTPUT_PATH": str(root / "output"),
            "CACHE_PATH": str(root / "cache"),
            "PAGE_PATHS": ["pages"],
            "ARTICLE_PATHS": [],
            "PAGE_URL": "{slug}.html",
            "PAGE_SAVE_AS": "{slug}.html",
            "SITEURL": "",
            "SITENAME": "A large guide",
            "TIMEZONE": "UTC",
            "FEED_ALL_ATOM": None,
            "CATEGORY_FEED_ATOM": None,
            "THEME": pelican_choices.THEME_PATH,
            "PLUGINS": ["pelican_choices"],
            "CHOICES_MAP_SAVE_AS": MAP,
        }
    )
    Pelican(settings).run()
    return root / "output"


def load_seconds(output: Path, runs: int) -> list[float]:
    """How long each of ``runs`` loads of the map page took, in seconds."""
    times = []
    with served(output) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=find_chromium())
        for _ in range(runs):
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(f"{base}/{MAP}", wait_until="load")
            times.append(page.evaluate(LOAD_END) / 1000)
            page.close()
        browser.close()
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=1000, help="pages of the guide (1000)")
    parser.add_argument("--runs", type=int, default=7, help="loads of the map page (7)")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        output = build_guide(Path(work), arguments.pages)
        size = (output / MAP).stat().st_size
        times = load_seconds(output, arguments.runs)
    result = {
        "pages": arguments.pages,
        "map_bytes": size,
        "load_seconds_median": round(statistics.median(times), 3),
        "load_seconds_max": round(max(times), 3),
    }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
