"""Photograph the choices in each theme the browser tests use, for the README's gallery.

Usage (from the repository root, with the project's virtual environment):

    .venv/bin/python benchmarks/gallery.py [--out docs/gallery] [--page start.html]

It builds the tests' small guide (``tests/theme_sites.py``) in each theme
that every clone tests (Pelican's own, and those of the test extra) with
nothing but the plugin and the theme's own plugins enabled, serves it on
127.0.0.1 and photographs the end of one page's text and its choices in
headless Chromium, at 1280 px and at 375 px, in the theme's colour scheme.
Like the tests, the browser loads nothing from other hosts.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from _example import find_chromium, served
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from theme_sites import INSTALLED_CASES, build_tea_site  # noqa: E402

WIDTHS = {"desktop": 1280, "phone": 375}
ABOVE = 140  # pixels of the text above the choices
MARGIN = 16


def local_only(route) -> None:
    """Let the page load from the served site only, as in the tests."""
    if urlsplit(route.request.url).hostname == "127.0.0.1":
        route.continue_()
    else:
        route.abort()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "gallery")
    parser.add_argument("--page", default="start.html", help="the page to photograph")
    arguments = parser.parse_args()
    for case in INSTALLED_CASES:
        if reason := case.missing():
            sys.exit(reason)
    arguments.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as work, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=find_chromium())
        for case in INSTALLED_CASES:
            output = build_tea_site(case, Path(work) / case.name)
            with served(output) as base:
                for label, width in WIDTHS.items():
                    page = browser.new_page(
                        viewport={"width": width, "height": 900},
                        color_scheme=case.scheme,
                        reduced_motion="reduce",
                    )
                    page.route("**/*", local_only)
                    page.goto(f"{base}/{arguments.page}")
                    box = page.locator("nav.choices").bounding_box()
                    scrolled = page.evaluate("window.scrollY")
                    top = max(box["y"] + scrolled - ABOVE, 0)
                    clip = {
                        "x": 0,
                        "y": top,
                        "width": width,
                        "height": box["y"] + scrolled - top + box["height"] + MARGIN,
                    }
                    name = arguments.out / f"{case.name}-{label}.png"
                    page.screenshot(path=name, clip=clip, full_page=True)
                    page.close()
                    print(f"{name.name}: {name.stat().st_size:,} bytes")
        browser.close()


if __name__ == "__main__":
    main()
