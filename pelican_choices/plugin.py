"""The Pelican signal handlers: where the plugin hooks into a build."""

from __future__ import annotations

import gc
import os
import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from itertools import chain
from typing import TYPE_CHECKING, Any

from jinja2 import FileSystemLoader
from pelican import signals
from pelican.generators import Generator

from pelican_choices.addresses import Address, parse_address
from pelican_choices.choices import ChoiceBuilder
from pelican_choices.graph import build_graph, node_candidates
from pelican_choices.icons import IconLibrary
from pelican_choices.layout import lay_out
from pelican_choices.location import TEMPLATES_PATH
from pelican_choices.output import log_summary, write_navigation_files
from pelican_choices.problems import Reporter
from pelican_choices.reading_order import link_neighbours, reading_order
from pelican_choices.settings import ChoicesSettings
from pelican_choices.slots import SLOT_KEY
from pelican_choices.targets import SiteIndex, all_contents, source_path

if TYPE_CHECKING:
    from pelican.writers import Writer

PLUGIN_NAMES = ("pelican_choices", "pelican.plugins.pelican_choices")


def register() -> None:
    """Connect the plugin to Pelican's signals."""
    signals.generator_init.connect(add_template_loader)
    signals.article_generator_finalized.connect(add_static_links)
    signals.page_generator_finalized.connect(add_static_links)
    signals.all_generators_finalized.connect(build_navigation)
    signals.page_writer_finalized.connect(write_navigation)


def write_navigation(generator: Generator, writer: Writer) -> None:
    """Write ``choices.json`` and the map page, once the pages are written."""
    if enabled(generator.settings):
        write_navigation_files(generator, writer)


def enabled(settings: Mapping[str, Any]) -> bool:
    """Whether this build asked for the plugin.

    Signal handlers stay connected for the life of the process, so a later
    build in the same process without the plugin must be left alone.
    """
    return any(name in PLUGIN_NAMES for name in settings.get("PLUGINS") or ())


def add_template_loader(generator: Generator) -> None:
    """Serve the plugin's partials (``pelican_choices/choices.html``) to every theme.

    The loader comes last, so a theme or ``THEME_TEMPLATES_OVERRIDES`` can
    replace a partial with its own.
    """
    if enabled(generator.settings):
        generator.env.loader.loaders.append(FileSystemLoader(TEMPLATES_PATH))


def add_static_links(generator: Generator) -> None:
    """Ask Pelican to copy the files that choices link with ``{static}`` or ``{attach}``.

    This runs before the static generator looks for files, as Pelican does
    for links inside content. A missing file is left to ``build_navigation``
    to report.
    """
    if not enabled(generator.settings):
        return
    intrasite_link = re.compile(generator.settings["INTRASITE_LINK_REGEX"])
    static_links = generator.context["static_links"]
    for content in all_contents([generator]):
        for key, value in content.metadata.items():
            if not (key.endswith("url") and isinstance(value, str)):
                continue
            url = value.strip()
            link = intrasite_link.match(url)  # most choices are plain paths
            if link is None or link.group("what") not in ("static", "attach"):
                continue
            address = parse_address(url, intrasite_link)
            if isinstance(address, Address) and SLOT_KEY.fullmatch(key):
                path = source_path(content, address.path).replace("%20", " ")
                if os.path.isfile(os.path.join(generator.path, path)):
                    static_links.add(path)


def build_navigation(generators: list[Generator]) -> None:
    """Build every content's choices, the reading order and the choice graph.

    This runs once all content is read. The graph and its layout go into the
    build's context, for the map page and for themes.
    """
    if not enabled(generators[0].settings):
        return
    with collector_paused():
        context = generators[0].context
        settings = ChoicesSettings.from_pelican(generators[0].settings)
        reporter = Reporter(settings.on_broken)
        site = SiteIndex(generators)
        icons = IconLibrary()
        builder = ChoiceBuilder(site, icons, settings, reporter)
        for content in site.contents:
            content.choices = builder.build(content)

        published = chain(context.get("pages", ()), context.get("articles", ()))
        order = reading_order(published, settings.sort_key, reporter, site.facts)
        link_neighbours(order, site.contents, site.facts)
        context["reading_order"] = order
        context["choices_icon_credit"] = icons.credit
        if not settings.page_order_by_site and "pages" in context:
            position = {id(content): index for index, content in enumerate(order)}
            context["pages"].sort(key=lambda page: position.get(id(page), len(position)))

        graph = build_graph(
            node_candidates(generators), order, reporter.broken, settings.sort_key, site.facts
        )
        context["choices_graph"] = graph
        context["choices_map"] = lay_out(graph) if settings.map_save_as else None
        context["choices_graph_url"] = settings.graph_save_as
        context["choices_map_url"] = settings.map_save_as
        log_summary(graph)
        reporter.finish()


@contextmanager
def collector_paused() -> Iterator[None]:
    """Hold back Python's garbage collector while the plugin makes its many small records.

    They last the whole build, so a collection in between frees nothing, yet
    each full one walks every object of the build: on a 4,000-page site that
    cost more than the records themselves. The collector runs as usual
    afterwards, and stays off if the build had turned it off.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
