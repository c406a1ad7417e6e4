"""Take the README's screenshots of the choice buttons from a real build of the example site.

Usage (from the repository root, with the project's virtual environment):

    .venv/bin/python benchmarks/screenshots.py [--out example_site/screenshots]

It builds the example site, serves it on 127.0.0.1 and photographs the
"Where next?" section of one page in headless Chromium: on a desktop in the
light and the dark scheme, and on a phone.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from _example import EXAMPLE_SITE, build_example, find_chromium, served
from playwright.sync_api import sync_playwright

MARGIN = 16
SHOTS = {
    "desktop-light.png": {"width": 1100, "scheme": "light"},
    "desktop-dark.png": {"width": 1100, "scheme": "dark"},
    "phone.png": {"width": 375, "scheme": "light"},
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=EXAMPLE_SITE / "screenshots")
    parser.add_argument("--page", default="light.html", help="the page to photograph")
    arguments = parser.parse_args()
    arguments.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as work, sync_playwright() as playwright:
        output = build_example(Path(work) / "output")
        browser = playwright.chromium.launch(executable_path=find_chromium())
        with served(output) as base:
            for name, shot in SHOTS.items():
                page = browser.new_page(
                    viewport={"width": shot["width"], "height": 900},
                    color_scheme=shot["scheme"],
                    reduced_motion="reduce",
                )
                page.goto(f"{base}/{arguments.page}")
                box = page.locator("nav.choices").bounding_box()
                clip = {
                    "x": max(box["x"] - MARGIN, 0),
                    "y": max(box["y"] - MARGIN, 0),
                    "width": box["width"] + 2 * MARGIN,
                    "height": box["height"] + 2 * MARGIN,
                }
                page.screenshot(path=arguments.out / name, clip=clip, full_page=True)
                page.close()
                print(f"{name}: {(arguments.out / name).stat().st_size:,} bytes")
        browser.close()


if __name__ == "__main__":
    main()
