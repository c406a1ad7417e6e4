"""One Pelican build of one benchmark variant, in this process, with its result as JSON.

Variants:

- ``a``: Pelican's ``simple`` theme without the plugin;
- ``b``: ``simple`` with the plugin and its default placement of the choices,
  no template changed, no reports;
- ``b-reports``: ``b`` with ``choices.json`` and the map page;
- ``b-by-hand``: ``b`` with the partial included by the two-line overrides
  in ``benchmarks/overrides`` instead of placed by the plugin;
- ``c``: the bundled theme with the plugin.

Usage::

    python -m benchmarks.build_once VARIANT CONTENT OUTPUT RESULT [--profile] [--weigh]

``CONTENT`` holds the site's pages under ``pages/``. The result holds the
build's seconds, the process's CPU seconds (imports included), its peak
resident memory and the number of warnings;
``--profile`` adds the seconds spent in the plugin (under cProfile), and
``--weigh`` the size of every page's prose (its rendered Markdown).
"""

from __future__ import annotations

import argparse
import cProfile
import json
import logging
import pstats
import resource
import time
from pathlib import Path
from typing import Any

from pelican import Pelican, signals
from pelican.settings import read_settings

import pelican_choices

VARIANTS = {
    "a": "simple theme, no plugin",
    "b": "simple theme, plugin placing the choices",
    "b-reports": "b with choices.json and the map page",
    "b-by-hand": "b with the partial included by template overrides",
    "c": "bundled theme and plugin",
}
OVERRIDES = Path(__file__).parent / "overrides"
PLUGIN_FOLDER = str(Path(pelican_choices.__file__).parent)
# The plugin's entry points: its signal handlers and its partial.
ENTRY_POINTS = {
    "add_templates",
    "add_static_links",
    "build",
    "place_choices",
    "note_written",
    "finish",  # BuildEnd.finish, on Pelican's finalized signal
}
PARTIAL = "choices.html"


def variant_settings(variant: str, content: Path, output: Path) -> dict[str, Any]:
    """Pelican settings of one variant, caching off, for a site whose pages are in ``pages/``."""
    settings: dict[str, Any] = {
        "PATH": str(content),
        "OUTPUT_PATH": str(output),
        "CACHE_PATH": str(output.parent / f"{output.name}-cache"),
        "CACHE_CONTENT": False,
        "LOAD_CONTENT_CACHE": False,
        "SITEURL": "",
        "SITENAME": "Benchmark guide",
        "TIMEZONE": "UTC",
        "DEFAULT_LANG": "en",
        "PAGE_PATHS": ["pages"],
        "ARTICLE_PATHS": [],
        "PAGE_URL": "{slug}.html",
        "PAGE_SAVE_AS": "{slug}.html",
        "DISPLAY_PAGES_ON_MENU": False,
        "FEED_ALL_ATOM": None,
        "CATEGORY_FEED_ATOM": None,
        "TRANSLATION_FEED_ATOM": None,
        "AUTHOR_FEED_ATOM": None,
        "AUTHOR_FEED_RSS": None,
        "PLUGINS": ["pelican_choices"],
        "THEME": "simple",
        "CHOICES_MAP_SAVE_AS": None,
        "CHOICES_GRAPH_SAVE_AS": None,
    }
    if variant == "a":
        settings["PLUGINS"] = []
    elif variant == "b-reports":
        settings["CHOICES_MAP_SAVE_AS"] = "choices-map.html"
        settings["CHOICES_GRAPH_SAVE_AS"] = "choices.json"
    elif variant == "b-by-hand":
        settings["THEME_TEMPLATES_OVERRIDES"] = [str(OVERRIDES)]
        settings["CHOICES_PLACE_AFTER_CONTENT"] = False
    elif variant == "c":
        settings["THEME"] = pelican_choices.THEME_PATH
    elif variant != "b":
        raise ValueError(f"unknown variant {variant!r}")
    return settings


class WarningCounter(logging.Handler):
    """Counts the warnings and errors of the build."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


def plugin_seconds(stats: pstats.Stats) -> float:
    """Cumulative seconds of the plugin's entry points, called from outside the plugin."""
    total = 0.0
    for (filename, _, name), entry in stats.stats.items():  # type: ignore[attr-defined]
        if not filename.startswith(PLUGIN_FOLDER):
            continue
        if name not in ENTRY_POINTS and not filename.endswith(PARTIAL):
            continue
        callers = entry[-1]
        for caller, calls in callers.items():
            if not caller[0].startswith(PLUGIN_FOLDER):
                total += calls[-1]
    return total


def build(variant: str, content: Path, output: Path, *, profile: bool, weigh: bool) -> dict:
    """Build the site once and return what was measured."""
    counter = WarningCounter()
    logging.getLogger().addHandler(counter)
    prose: dict[str, int] = {}
    if weigh:

        def record(path: str, context: dict[str, Any]) -> None:
            page = context.get("page") or context.get("article")
            if page is not None:
                relative = Path(path).relative_to(output).as_posix()
                prose[relative] = len(page.content.encode("utf-8"))

        signals.content_written.connect(record, weak=False)
    profiler = cProfile.Profile() if profile else None
    start = time.perf_counter()
    if profiler:
        profiler.enable()
    Pelican(read_settings(override=variant_settings(variant, content, output))).run()
    if profiler:
        profiler.disable()
    usage = resource.getrusage(resource.RUSAGE_SELF)
    result: dict[str, Any] = {
        "seconds": time.perf_counter() - start,
        "cpu_seconds": usage.ru_utime + usage.ru_stime,
        "peak_rss_kb": usage.ru_maxrss,
        "warnings": counter.count,
    }
    if profiler:
        stats = pstats.Stats(profiler)
        result["profile_seconds"] = stats.total_tt  # type: ignore[attr-defined]
        result["plugin_seconds"] = plugin_seconds(stats)
    if weigh:
        result["prose_bytes"] = prose
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("variant", choices=sorted(VARIANTS))
    parser.add_argument("content", type=Path)
    parser.add_argument("output", type=Path)
    parser.add_argument("result", type=Path)
    parser.add_argument("--profile", action="store_true", help="measure the plugin's share")
    parser.add_argument("--weigh", action="store_true", help="record the prose size of pages")
    arguments = parser.parse_args()
    result = build(
        arguments.variant,
        arguments.content,
        arguments.output,
        profile=arguments.profile,
        weigh=arguments.weigh,
    )
    arguments.result.write_text(json.dumps(result), encoding="utf-8")


if __name__ == "__main__":
    main()
