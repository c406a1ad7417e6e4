"""How the build time of a page grows with its number of choices and the length of a text.

Each size is built by Pelican in a process of its own, a few times after a
first build that warms the process up, and the fastest build counts. The time
of the same site without choices (or with a short text) is taken off, so what
remains is the cost of the choices themselves: it should grow in step with the
size. The last column compares each step with the one before (1.0 is linear
growth, 2.0 would be quadratic when sizes double), and the exponent fitted over
all sizes says the same in one number. A cost within the spread of the empty
site's own build times is noise, and left out of both.

    python benchmarks/large_input.py
    python benchmarks/large_input.py --choices 1000 4000 --text 100000 --repeat 5
"""

from __future__ import annotations

import argparse
import json
import math
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from pelican import Pelican
from pelican.settings import read_settings

TARGETS = 10
ICONS = ("fa-flask", "fa-terminal fa-inverse", "fab fa-github", "fa-hdd-o", "fas fa-tachometer-alt")
TEXT_UNIT = "Tell me more about <this> & that. "
# Pelican's own theme, with the plugin's partial on every page.
PAGE_WITH_CHOICES = (
    '{% extends "!simple/page.html" %}{% block content %}{{ super() }}'
    '{% include "pelican_choices/choices.html" %}{% endblock %}'
)


def page_source(choices: int, text_length: int) -> str:
    """A Markdown page with ``choices`` choices; the first one's text is ``text_length`` long."""
    lines = ["title: Large", "slug: large"]
    for number in range(1, choices + 1):
        text = f"Where next, number {number}?"
        if number == 1 and text_length:
            text = (TEXT_UNIT * (text_length // len(TEXT_UNIT) + 1))[:text_length].strip()
        lines += [
            f"choice{number}url: /target{number % TARGETS}.html#{number}",
            f"choice{number}icon: {ICONS[number % len(ICONS)]}",
            f"choice{number}text: {text}",
        ]
    return "\n".join(lines) + "\n\nThe page's own text.\n"


def build_seconds(choices: int, text_length: int, theme: str | None) -> float:
    """Build the site once, in a temporary folder, and return how long Pelican took."""
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        pages = root / "content" / "pages"
        pages.mkdir(parents=True)
        (pages / "large.md").write_text(page_source(choices, text_length), encoding="utf-8")
        for number in range(TARGETS):
            target = f"title: Target {number}\nslug: target{number}\n\nText.\n"
            (pages / f"target{number}.md").write_text(target, encoding="utf-8")
        overrides = root / "overrides"
        overrides.mkdir()
        (overrides / "page.html").write_text(PAGE_WITH_CHOICES, encoding="utf-8")
        settings = read_settings(
            override={
                "PATH": str(root / "content"),
                "OUTPUT_PATH": str(root / "output"),
                "PLUGINS": ["pelican_choices"],
                "THEME": theme or "simple",
                "THEME_TEMPLATES_OVERRIDES": [] if theme else [str(overrides)],
                "PAGE_URL": "{slug}.html",
                "PAGE_SAVE_AS": "{slug}.html",
                "TIMEZONE": "UTC",
                "FEED_ALL_ATOM": None,
                "CATEGORY_FEED_ATOM": None,
            }
        )
        start = time.perf_counter()
        Pelican(settings).run()
        seconds = time.perf_counter() - start
        if choices and (root / "output" / "large.html").read_text().count("/target") < choices:
            raise SystemExit("the page lacks some of its choices: the benchmark is wrong")
        return seconds


def measure(choices: int, text_length: int, args: argparse.Namespace) -> tuple[float, float]:
    """The fastest and the slowest of ``args.repeat`` builds in a new Python process."""
    command = [sys.executable, __file__, "--measure", str(choices), str(text_length)]
    command += ["--repeat", str(args.repeat)] + (["--theme", args.theme] if args.theme else [])
    result = subprocess.run(command, capture_output=True, text=True, check=True)
    seconds = json.loads(result.stdout.strip().splitlines()[-1])["seconds"]
    return min(seconds), max(seconds)


def exponent(sizes: list[int], costs: list[float]) -> float | None:
    """The ``k`` of cost ~ size**k that fits best; None with fewer than two sizes."""
    if len(sizes) < 2:
        return None
    xs = [math.log(size) for size in sizes]
    ys = [math.log(cost) for cost in costs]
    mean_x, mean_y = sum(xs) / len(xs), sum(ys) / len(ys)
    spread = sum((x - mean_x) ** 2 for x in xs)
    return sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)) / spread


def run_series(
    name: str,
    unit: str,
    sizes: list[int],
    shape: Callable[[int], tuple[int, int]],
    args: argparse.Namespace,
) -> None:
    """Measure one series and print its rows of the table."""
    base, slowest = measure(*shape(0), args)
    noise = 2 * (slowest - base)
    print(f"{name:<8} {0:>9,} {base:>9.3f} {f'±{noise:.3f}':>9}")
    measured: list[tuple[int, float]] = []
    for size in sizes:
        seconds = measure(*shape(size), args)[0]
        cost = seconds - base
        step = "noise"
        if cost > noise:
            if measured:
                before_size, before_cost = measured[-1]
                step = f"{(cost / before_cost) / (size / before_size):.2f}"
            else:
                step = ""
            measured.append((size, cost))
        per_unit = f"{cost / size * 1e6:,.2f} µs/{unit}"
        print(f"{name:<8} {size:>9,} {seconds:>9.3f} {cost:>9.3f} {per_unit:>14} {step:>6}")
    fitted = exponent([size for size, _ in measured], [cost for _, cost in measured])
    verdict = "too few sizes above the noise" if fitted is None else f"{fitted:.2f} (1 is linear)"
    print(f"{'':<8} exponent of the growth: {verdict}\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--choices", type=int, nargs="*", default=[250, 500, 1000, 2000], metavar="N"
    )
    parser.add_argument(
        "--text",
        type=int,
        nargs="*",
        default=[100_000, 200_000, 400_000, 800_000, 1_600_000],
        metavar="N",
    )
    parser.add_argument("--repeat", type=int, default=3, help="builds per size (default 3)")
    parser.add_argument("--theme", help="a theme folder (default: Pelican's simple theme)")
    parser.add_argument("--measure", type=int, nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.measure:
        # The first build of a process also pays for imports and templates: it is left out.
        seconds = [build_seconds(*args.measure, args.theme) for _ in range(args.repeat + 1)]
        print(json.dumps({"seconds": seconds[1:]}))
        return

    print(f"{'series':<8} {'size':>9} {'build s':>9} {'added s':>9} {'per unit':>14} {'step':>6}")
    if args.choices:
        run_series("choices", "choice", args.choices, lambda n: (n, 0), args)
    if args.text:
        run_series("text", "char", args.text, lambda n: (1, n), args)


if __name__ == "__main__":
    main()
