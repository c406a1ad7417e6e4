"""How long a build spends loading icons: a site's icon strings resolved in a fresh process.

Each run starts a new Python process, which imports the plugin, then times a
new ``IconLibrary`` resolving every distinct ``choiceNicon`` and
``choiceicon`` value of the site's sources and the default icon, as one
build does. The files it reads may already be in the system's file cache.

Usage::

    python -m benchmarks.icon_load CONTENT [--runs 5]
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

from pelican_choices.icons import IconLibrary
from pelican_choices.settings import DEFAULTS

ICON_LINE = re.compile(r"^:?choice\d*icon:[ \t]*(\S.*?)[ \t]*$", re.IGNORECASE | re.MULTILINE)
SOURCES = ("*.md", "*.markdown", "*.rst")


def site_icons(content: Path) -> list[str]:
    """The distinct icon strings of the site's sources, with the default icon."""
    specs = {DEFAULTS["CHOICES_DEFAULT_ICON"]}
    for pattern in SOURCES:
        for path in content.rglob(pattern):
            specs.update(ICON_LINE.findall(path.read_text(encoding="utf-8")))
    return sorted(specs)


def resolve_seconds(specs: list[str]) -> float:
    """Seconds a new ``IconLibrary`` takes to resolve ``specs``."""
    start = time.perf_counter()
    library = IconLibrary()
    for spec in specs:
        library.resolve(spec)
    return time.perf_counter() - start


def cold_seconds(specs: list[str], runs: int) -> list[float]:
    """``resolve_seconds`` in ``runs`` fresh processes."""
    times = []
    for _ in range(runs):
        done = subprocess.run(
            [sys.executable, "-m", "benchmarks.icon_load", "--child"],
            input=json.dumps(specs),
            capture_output=True,
            text=True,
            check=True,
            cwd=Path(__file__).parent.parent,
        )
        times.append(float(done.stdout))
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("content", type=Path, nargs="?", help="the site's content folder")
    parser.add_argument("--runs", type=int, default=5, help="fresh processes to time (5)")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.child:
        print(resolve_seconds(json.loads(sys.stdin.read())))
        return
    if arguments.content is None:
        parser.error("the content folder is required")
    specs = site_icons(arguments.content)
    times = cold_seconds(specs, arguments.runs)
    print(
        f"{len(specs)} icon strings: median {statistics.median(times) * 1000:.1f} ms, "
        f"max {max(times) * 1000:.1f} ms over {arguments.runs} fresh processes"
    )


if __name__ == "__main__":
    main()
