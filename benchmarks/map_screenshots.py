"""Take the README's pictures of the map page: a small site's and a 300-page guide's.

Usage (from the repository root, with the project's virtual environment):

    .venv/bin/python benchmarks/map_screenshots.py [--out docs/map]

It builds the example site, and the synthetic guide of ``map_page.py`` at
300 pages with an orphan, a dead end, a broken choice and a misspelt icon
added, both in the bundled theme with the map page on; serves each on
127.0.0.1 and photographs in headless Chromium, at 1280 px in the light
scheme: the example site's picture of every page (``map-small.png``), the
guide's picture of its chapters (``map-300-chapters.png``) and the top of
its map page, down to that picture (``map-300-top.png``).
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from _example import build_example, find_chromium, served
from map_page import MAP, build_guide
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
# The guide's problems, in pages of a chapter of their own.
EXTRAS = {
    "lonely.md": "title: The lonely page\nslug: lonely\nsort-order: 9.1\n"
    "choice1url: /the-end.html\nchoice1icon: fa-shovl\nchoice2url: /no-such-page.html\n",
    "the-end.md": "title: The end\nslug: the-end\nsort-order: 9.2\n",
}
WIDTH = 1280
TOP_HEIGHT = 1100


def photograph(browser, output: Path, shots: dict[str, str]) -> None:
    """For each name, the element a selector finds (``top`` for the page's top), saved."""
    with served(output) as base:
        page = browser.new_page(viewport={"width": WIDTH, "height": 1600}, reduced_motion="reduce")
        page.goto(f"{base}/{MAP}")
        for name, selector in shots.items():
            if selector == "top":
                clip = {"x": 0, "y": 0, "width": WIDTH, "height": TOP_HEIGHT}
                page.screenshot(path=name, clip=clip)
            else:
                page.locator(selector).screenshot(path=name)
            print(f"{Path(name).name}: {Path(name).stat().st_size:,} bytes")
        page.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "map")
    arguments = parser.parse_args()
    arguments.out.mkdir(parents=True, exist_ok=True)
    out = arguments.out
    with tempfile.TemporaryDirectory() as work, sync_playwright() as playwright:
        small = build_example(Path(work) / "example" / "output")
        guide_root = Path(work) / "guide"
        for name, text in EXTRAS.items():
            path = guide_root / "content" / "pages" / "extra" / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text + "\nSome text.\n", encoding="utf-8")
        guide = build_guide(guide_root, 300)
        browser = playwright.chromium.launch(executable_path=find_chromium())
        photograph(browser, small, {str(out / "map-small.png"): "div.choices-map-pages svg"})
        photograph(
            browser,
            guide,
            {
                str(out / "map-300-top.png"): "top",
                str(out / "map-300-chapters.png"): "div.choices-map-chapters svg",
            },
        )
        browser.close()


if __name__ == "__main__":
    main()
