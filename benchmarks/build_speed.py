"""Build speed, scaling and page weight of a site with and without pelican-choices.

For each size, the script writes a synthetic site (``benchmarks.synthetic_site``)
or takes an existing content folder, builds it once per variant untimed (to
warm the file cache and weigh the pages), then ``--runs`` times per variant,
each build in a fresh process with caching off, alternating the variants run
by run so that a disturbance of the machine hits them alike. Then one build
of variant ``b`` under cProfile gives the plugin's own share, and fresh
processes time the icon loading. It prints Markdown tables: medians, ratios
to variant ``a`` (of the medians, and the median of the run-by-run ratios),
time per page, peak memory, page weight, and a scaling table when given
several sizes.

Usage::

    python -m benchmarks.build_speed [--pages 1000 ...] [--runs 5] [--seed 1]
    python -m benchmarks.build_speed --content PATH [--runs 5]
    python -m benchmarks.build_speed --pages 400 --variants a b

The variants are described in ``benchmarks.build_once``.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path
from typing import Any

from benchmarks import icon_load, page_weight
from benchmarks.build_once import PLUGIN_FOLDER, VARIANTS
from benchmarks.synthetic_site import write_site

ROOT = Path(__file__).parent.parent
TARGETS = {"b": 1.05, "c": 1.10}
ICON_LOADING_TARGET = 0.050  # seconds
PAGE_TARGET = 20 * 1024  # bytes of HTML and CSS
ICON_TARGET = 1024  # bytes per distinct icon
SCALING_TARGET = 1.15


@dataclass
class SiteResult:
    """Everything measured on one site."""

    label: str
    pages: int
    seconds: dict[str, list[float]] = field(default_factory=dict)
    cpu: dict[str, list[float]] = field(default_factory=dict)
    peak_kb: dict[str, int] = field(default_factory=dict)
    warnings: dict[str, int] = field(default_factory=dict)
    weights: dict[str, page_weight.WeightSummary] = field(default_factory=dict)
    files: dict[str, int] = field(default_factory=dict)
    profile: dict[str, float] = field(default_factory=dict)
    icon_seconds: list[float] = field(default_factory=list)

    def median(self, variant: str) -> float:
        return statistics.median(self.seconds[variant])

    def ratio(self, variant: str) -> float:
        return self.median(variant) / self.median("a")

    def paired_ratio(self, variant: str) -> float:
        """The median of the run-by-run ratios: steadier when the machine's speed drifts."""
        pairs = zip(self.seconds[variant], self.seconds["a"], strict=True)
        return statistics.median(seconds / baseline for seconds, baseline in pairs)

    def cpu_ratio(self, variant: str) -> float:
        return statistics.median(self.cpu[variant]) / statistics.median(self.cpu["a"])


def build(
    variant: str,
    content: Path,
    *flags: str,
    inspect: Callable[[Path, dict[str, Any]], Any] | None = None,
) -> dict[str, Any]:
    """Build ``content`` as ``variant`` in a fresh process; ``inspect(output)`` reads the output."""
    with tempfile.TemporaryDirectory() as folder:
        output, result = Path(folder) / "output", Path(folder) / "result.json"
        command = [sys.executable, "-m", "benchmarks.build_once", variant]
        start = time.perf_counter()
        done = subprocess.run(
            [*command, str(content), str(output), str(result), *flags],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
        )
        wall = time.perf_counter() - start
        if done.returncode:
            sys.exit(f"build of variant {variant} failed:\n{done.stderr}")
        measured = json.loads(result.read_text(encoding="utf-8"))
        measured["wall"] = wall
        if inspect is not None:
            measured["inspected"] = inspect(output, measured)
        return measured


def measure_site(
    label: str, content: Path, pages: int, variants: list[str], runs: int
) -> SiteResult:
    """Weigh, time and profile one site."""
    site = SiteResult(label, pages)
    sample: list[str] = []
    # The variants with choices first: they pick the pages to weigh.
    for variant in sorted(variants, key=lambda name: name == "a"):
        log("%s: weighing variant %s", label, variant)
        measured = build(
            variant,
            content,
            "--weigh",
            inspect=lambda output, measured: weigh_output(output, measured["prose_bytes"], sample),
        )
        weights, files = measured["inspected"]
        if weights:
            site.weights[variant] = weights
        site.files.update(files)
        site.warnings[variant] = measured["warnings"]
    for run in range(1, runs + 1):
        log("%s: run %d of %d", label, run, runs)
        for variant in variants:
            measured = build(variant, content)
            site.seconds.setdefault(variant, []).append(measured["wall"])
            site.cpu.setdefault(variant, []).append(measured["cpu_seconds"])
            site.peak_kb[variant] = max(site.peak_kb.get(variant, 0), measured["peak_rss_kb"])
    if "b" in variants:
        log("%s: profiling variant b", label)
        site.profile = build("b", content, "--profile")
    log("%s: timing icon loading", label)
    site.icon_seconds = icon_load.cold_seconds(icon_load.site_icons(content), runs)
    return site


def weigh_output(
    output: Path, prose: dict[str, int], sample: list[str]
) -> tuple[page_weight.WeightSummary | None, dict[str, int]]:
    """The weight of the ``sample`` pages (chosen here when empty), and the graph files' sizes."""
    if not sample:
        sample.extend(page_weight.pages_with_choices(output))
    weights = [page_weight.weigh(output, page, prose.get(page, 0)) for page in sample]
    files = {
        name: (output / name).stat().st_size
        for name in ("choices.json", "choices-map.html")
        if (output / name).is_file()
    }
    return (page_weight.summarise(weights) if weights else None), files


def log(template: str, *args: object) -> None:
    """Progress on standard error, out of the tables' way."""
    print(template % args, file=sys.stderr, flush=True)


def machine() -> list[str]:
    """The machine, Python and Pelican, and the load average now."""
    model = "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.is_file():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    return [
        f"- CPU: {model}, {os.cpu_count()} cores",
        f"- {platform.python_implementation()} {platform.python_version()}, "
        f"Pelican {version('pelican')}, Markdown {version('markdown')}, "
        f"Jinja2 {version('jinja2')}, {platform.system()}",
        f"- load average (1, 5, 15 min) at the start: {load_average()}",
    ]


def load_average() -> str:
    return ", ".join(f"{value:.2f}" for value in os.getloadavg())


def print_site(site: SiteResult) -> None:
    """The tables of one site."""
    print(f"\n### {site.label}: {site.pages} pages\n")
    print(
        "| variant | what | median s | min s | ms per page | ratio to a | paired ratio "
        "| CPU s | CPU ratio | peak MB | warnings |"
    )
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for variant, times in site.seconds.items():
        print(
            f"| {variant} | {VARIANTS[variant]} | {site.median(variant):.2f} | {min(times):.2f} "
            f"| {site.median(variant) / site.pages * 1000:.2f} | {site.ratio(variant):.3f} "
            f"| {site.paired_ratio(variant):.3f} "
            f"| {statistics.median(site.cpu[variant]):.2f} | {site.cpu_ratio(variant):.3f} "
            f"| {site.peak_kb[variant] / 1024:.0f} | {site.warnings[variant]} |"
        )
    if site.weights:
        print("\nPage weight, pages with four choices (median, largest), bytes:\n")
        print("| variant | HTML without prose | CSS | HTML + CSS | icons | bytes per icon |")
        print("|---|---:|---:|---:|---:|---:|")
        for variant, weight in site.weights.items():
            print(
                f"| {variant} | {weight.html} ({weight.html_max}) | {weight.css} "
                f"| {weight.total} ({weight.total_max}) | {weight.icons:g} "
                f"| {weight.bytes_per_icon:.0f} ({weight.bytes_per_icon_max:.0f}) |"
            )
    print()
    for name, size in site.files.items():
        print(f"- {name}: {size / 1024:.0f} KB")
    if "b" in site.seconds and "b-reports" in site.seconds:
        cost = site.median("b-reports") - site.median("b")
        print(f"- choices.json and the map page: {cost:+.2f} s (median b-reports minus median b)")
    if site.profile:
        share = site.profile["plugin_seconds"] / site.profile["profile_seconds"]
        print(
            f"- plugin's own share of build b under cProfile: {share:.1%} "
            f"({site.profile['plugin_seconds'] / site.pages * 1000:.2f} ms per page "
            f"of {site.profile['profile_seconds'] / site.pages * 1000:.2f})"
        )
    icons = statistics.median(site.icon_seconds) * 1000
    most = max(site.icon_seconds) * 1000
    print(f"- icon loading in a fresh process: median {icons:.1f} ms, largest {most:.1f} ms")
    print("\nTargets:\n")
    for variant, target in TARGETS.items():
        if variant in site.seconds:
            print(verdict(f"{variant}/a", site.ratio(variant), target, ".3f"))
    print(verdict("icon loading, ms", icons, ICON_LOADING_TARGET * 1000, ".1f"))
    for variant, weight in site.weights.items():
        if weight.icons:
            print(verdict(f"{variant}: largest HTML + CSS, bytes", weight.total_max, PAGE_TARGET))
            most_per_icon = weight.bytes_per_icon_max
            print(verdict(f"{variant}: largest bytes per icon", most_per_icon, ICON_TARGET, ".0f"))


def verdict(what: str, value: float, target: float, spec: str = "") -> str:
    """One line: a measured value against its target."""
    met = "met" if value <= target else "MISSED"
    return f"- {what}: {value:{spec}} (target <= {target:{spec}}): {met}"


def print_scaling(sites: list[SiteResult]) -> None:
    """Time per page at each size, and against the smallest."""
    variants = list(sites[0].seconds)
    print("\n### Scaling: milliseconds per page\n")
    header = " | ".join(variants)
    print(f"| pages | {header} | plugin ms per page (cProfile) | plugin share |")
    print("|---:|" + "---:|" * (len(variants) + 2))
    for site in sites:
        cells = " | ".join(
            f"{site.median(v) / site.pages * 1000:.2f}"
            f" ({site.median(v) / site.pages / (sites[0].median(v) / sites[0].pages):.2f})"
            for v in variants
        )
        plugin = share = "-"
        if site.profile:
            plugin = f"{site.profile['plugin_seconds'] / site.pages * 1000:.2f}"
            share = f"{site.profile['plugin_seconds'] / site.profile['profile_seconds']:.1%}"
        print(f"| {site.pages} | {cells} | {plugin} | {share} |")
    print("\nIn brackets: time per page against the smallest site.\n")
    for variant in variants:
        largest, smallest = sites[-1], sites[0]
        growth = (largest.median(variant) / largest.pages) / (
            smallest.median(variant) / smallest.pages
        )
        what = f"{variant}: time per page at {largest.pages} against {smallest.pages} pages"
        print(verdict(what, growth, SCALING_TARGET, ".2f"))


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--pages", type=int, nargs="+", default=[1000], help="site sizes (1000)")
    parser.add_argument("--content", type=Path, help="an existing content folder to build instead")
    parser.add_argument("--runs", type=int, default=5, help="timed builds per variant (5)")
    parser.add_argument("--seed", type=int, default=1, help="seed of the synthetic site (1)")
    parser.add_argument(
        "--variants", nargs="+", choices=list(VARIANTS), default=list(VARIANTS), metavar="V"
    )
    arguments = parser.parse_args()
    variants = ["a", *(v for v in arguments.variants if v != "a")]
    # An installed plugin comes with its bytecode; a working copy may have none
    # (PYTHONDONTWRITEBYTECODE), and every build would compile it anew.
    compileall.compile_dir(PLUGIN_FOLDER, quiet=1)
    print("## Machine\n")
    print("\n".join(machine()))
    sites = []
    if arguments.content:
        content = arguments.content.resolve()
        count = len(list((content / "pages").rglob("*.*")))
        sites.append(measure_site(content.name, content, count, variants, arguments.runs))
        print_site(sites[-1])
    else:
        for pages in arguments.pages:
            with tempfile.TemporaryDirectory() as folder:
                content = write_site(Path(folder), pages, arguments.seed)
                sites.append(measure_site("synthetic", content, pages, variants, arguments.runs))
            print_site(sites[-1])
    if len(sites) > 1:
        print_scaling(sites)
    print(f"\n- load average at the end: {load_average()}")


if __name__ == "__main__":
    main()
