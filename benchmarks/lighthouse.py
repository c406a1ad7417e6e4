"""Run Lighthouse over pages of the example site and print its four scores.

Usage (from the repository root, with the project's virtual environment):

    .venv/bin/python benchmarks/lighthouse.py [--pages index.html light.html ...]

It builds the example site into a temporary folder, serves it on 127.0.0.1 and
runs Lighthouse 12 (through ``npx``, Node 20 or newer) in headless Chromium with
its default mobile settings. Scores are printed from 0 to 100.
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import subprocess
import tempfile
from pathlib import Path

from _example import build_example, find_chromium, served

CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
PAGES = ("index.html", "light.html", "articles/spring-repotting-checklist.html", "glossary.html")
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --no-first-run --disable-sync"
    " --disable-background-networking --disable-component-update"
)


def lighthouse_scores(command: list[str], url: str, chromium: str, report: Path) -> dict[str, int]:
    """Run Lighthouse once on ``url``; its four category scores, 0 to 100."""
    subprocess.run(
        [
            *command,
            url,
            "--quiet",
            "--output=json",
            f"--output-path={report}",
            f"--only-categories={','.join(CATEGORIES)}",
            f"--chrome-flags={CHROME_FLAGS}",
        ],
        check=True,
        env=dict(os.environ, CHROME_PATH=chromium),
    )
    categories = json.loads(report.read_text(encoding="utf-8"))["categories"]
    return {name: round(categories[name]["score"] * 100) for name in CATEGORIES}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", nargs="+", default=PAGES, help="pages below the site root")
    parser.add_argument(
        "--lighthouse",
        default="npx --yes lighthouse@12",
        help="the command that runs Lighthouse (default: %(default)s)",
    )
    arguments = parser.parse_args()
    chromium = find_chromium()
    with tempfile.TemporaryDirectory() as work:
        output = build_example(Path(work) / "output")
        print(f"{'page':<45}" + "".join(f"{name:>16}" for name in CATEGORIES))
        with served(output) as base:
            for page in arguments.pages:
                scores = lighthouse_scores(
                    shlex.split(arguments.lighthouse),
                    f"{base}/{page}",
                    chromium,
                    Path(work) / "report.json",
                )
                print(f"{page:<45}" + "".join(f"{scores[name]:>16}" for name in CATEGORIES))


if __name__ == "__main__":
    main()
