"""How many bytes a page of a built site weighs, besides its own prose.

A page's weight is its HTML without the prose (the rendered Markdown, whose
size the build recorded), plus the stylesheets it links, which the browser
fetches once for the whole site. Its icons are the ``<symbol>`` elements of
the choices' sprite, one per distinct icon on the page.

Usage::

    python -m benchmarks.page_weight OUTPUT PAGE.html [PAGE.html ...]

prints the HTML, CSS and icon bytes of pages of a built site (here without
subtracting the prose, which only a build can tell).
"""

from __future__ import annotations

import argparse
import re
import statistics
from dataclasses import dataclass
from pathlib import Path

CHOICE_LINK = re.compile(r'<a class="choice[ "]')
STYLESHEET = re.compile(r'<link\b[^>]*\brel="stylesheet"[^>]*>')
HREF = re.compile(r'\bhref="([^"]+)"')
SYMBOL = re.compile(r"<symbol\b.*?</symbol>", re.DOTALL)


@dataclass(frozen=True)
class PageWeight:
    """The bytes of one page: its HTML without prose, its stylesheets and its icon symbols."""

    page: str
    html: int
    css: int
    icons: int
    icon_bytes: int

    @property
    def total(self) -> int:
        return self.html + self.css

    @property
    def bytes_per_icon(self) -> float:
        return self.icon_bytes / self.icons if self.icons else 0.0


@dataclass(frozen=True)
class WeightSummary:
    """The weights of a set of pages: medians, and the largest of each."""

    pages: int
    html: int
    html_max: int
    css: int
    total: int
    total_max: int
    icons: float
    bytes_per_icon: float
    bytes_per_icon_max: float


def pages_with_choices(output: Path, count: int = 4) -> list[str]:
    """The pages of a built site that show exactly ``count`` choices."""
    return sorted(
        path.relative_to(output).as_posix()
        for path in output.rglob("*.html")
        if len(CHOICE_LINK.findall(path.read_text(encoding="utf-8"))) == count
    )


def weigh(output: Path, page: str, prose: int = 0) -> PageWeight:
    """The weight of ``page`` (relative to ``output``), less ``prose`` bytes of its own text."""
    text = (output / page).read_text(encoding="utf-8")
    css = 0
    for link in STYLESHEET.findall(text):
        href = HREF.search(link)
        path = href.group(1).partition("?")[0] if href else ""
        local = output / path.lstrip("/") if path else None
        if local is not None and local.is_file():
            css += local.stat().st_size
    symbols = SYMBOL.findall(text)
    return PageWeight(
        page,
        len(text.encode("utf-8")) - prose,
        css,
        len(symbols),
        sum(len(symbol.encode("utf-8")) for symbol in symbols),
    )


def summarise(weights: list[PageWeight]) -> WeightSummary:
    """Medians and maxima over ``weights``."""
    with_icons = [weight.bytes_per_icon for weight in weights if weight.icons] or [0.0]
    return WeightSummary(
        pages=len(weights),
        html=round(statistics.median(weight.html for weight in weights)),
        html_max=max(weight.html for weight in weights),
        css=round(statistics.median(weight.css for weight in weights)),
        total=round(statistics.median(weight.total for weight in weights)),
        total_max=max(weight.total for weight in weights),
        icons=statistics.median(weight.icons for weight in weights),
        bytes_per_icon=statistics.median(with_icons),
        bytes_per_icon_max=max(with_icons),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("output", type=Path, help="the output folder of a build")
    parser.add_argument("pages", nargs="+", help="pages to weigh, relative to the output folder")
    arguments = parser.parse_args()
    print("| page | HTML | CSS | icons | bytes per icon |")
    print("|---|---:|---:|---:|---:|")
    for page in arguments.pages:
        weight = weigh(arguments.output, page)
        print(
            f"| {page} | {weight.html} | {weight.css} | {weight.icons} "
            f"| {weight.bytes_per_icon:.0f} |"
        )


if __name__ == "__main__":
    main()
