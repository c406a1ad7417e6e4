"""The Pelican signal handlers: where the plugin hooks into a build."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from typing import Any

from jinja2 import FileSystemLoader, pass_context
from jinja2.runtime import Context
from markupsafe import Markup
from pelican import signals
from pelican.generators import Generator

from pelican_choices.addresses import Address, parse_address
from pelican_choices.location import TEMPLATES_PATH
from pelican_choices.metadata import read_slots
from pelican_choices.navigation import build_navigation
from pelican_choices.placement import TextLoader
from pelican_choices.problems import Reporter
from pelican_choices.render import map_picture
from pelican_choices.site import all_contents, linked_source_paths

PLUGIN_NAMES = ("pelican_choices", "pelican.plugins.pelican_choices")


def register() -> None:
    """Connect the plugin to Pelican's signals."""
    signals.generator_init.connect(add_templates)
    signals.article_generator_finalized.connect(add_static_links)
    signals.page_generator_finalized.connect(add_static_links)
    signals.all_generators_finalized.connect(build)
    signals.content_written.connect(place_choices)
    signals.content_written.connect(note_written)
    signals.feed_written.connect(note_written)


def enabled(settings: Mapping[str, Any]) -> bool:
    """Whether this build asked for the plugin.

    Signal handlers stay connected for the life of the process, so a later
    build in the same process without the plugin must be left alone.
    """
    return any(name in PLUGIN_NAMES for name in settings.get("PLUGINS") or ())


def add_templates(generator: Generator) -> None:
    """Serve the plugin's partials (``pelican_choices/choices.html``) to every theme.

    Their loader comes last, so a theme or ``THEME_TEMPLATES_OVERRIDES`` can
    replace a partial with its own. Every template is served with the
    choices' place marked after the text it prints (see ``placement``).
    """
    if enabled(generator.settings):
        env = generator.env
        env.loader.loaders.append(FileSystemLoader(TEMPLATES_PATH))
        env.loader = TextLoader(env.loader)
        env.globals["choices_after_text"] = choices_after_text
        env.globals["choices_map_picture"] = map_picture


@pass_context
def choices_after_text(context: Context, entry: Any) -> Markup:
    """The choices of ``entry`` where a template printed its text, on its own page."""
    placement = context.get("choices_placement")
    return placement.after_text(context, entry) if placement is not None else Markup("")


def add_static_links(generator: Generator) -> None:
    """Ask Pelican to copy the files that choices link with ``{static}`` or ``{attach}``.

    This runs before the static generator looks for files, as Pelican does
    for links inside content. The slots are read again, and their problems
    reported, when the choices are built.
    """
    if not enabled(generator.settings):
        return
    intrasite_link = re.compile(generator.settings["INTRASITE_LINK_REGEX"])
    static_links = generator.context["static_links"]
    quiet = Reporter("ignore", log=False)
    for content in all_contents([generator]):
        if not any(
            key.startswith("choice") and _links_a_file(intrasite_link, value)
            for key, value in content.metadata.items()
        ):
            continue  # most contents link no file from their choices
        source = content.get_relative_source_path()
        for slot in read_slots(content.metadata, source, quiet):
            address = parse_address(slot.url, intrasite_link) if slot.url else None
            if not isinstance(address, Address) or address.what not in ("static", "attach"):
                continue
            for candidate in linked_source_paths(address.path, source):
                if os.path.isfile(os.path.join(generator.path, candidate)):
                    static_links.add(candidate)
                    break


def _links_a_file(intrasite_link: re.Pattern[str], value: object) -> bool:
    """Whether a metadata value holds a ``{static}`` or ``{attach}`` link."""
    return any(
        link.group("what") in ("static", "attach") for link in intrasite_link.finditer(str(value))
    )


def build(generators: list[Generator]) -> None:
    """Build every content's choices, the reading order and the choice graph."""
    if enabled(generators[0].settings):
        build_navigation(generators)


def place_choices(path: str, context: dict[str, Any]) -> None:
    """Once a file is written from a template: the stylesheet it links, or a warning."""
    placement = context.get("choices_placement")
    if placement is not None:
        placement.file_written(path, context)


def note_written(path: str, context: dict[str, Any], **_: Any) -> None:
    """Tell the build's reports of a file Pelican wrote: none of them may replace it."""
    reports = context.get("choices_reports")
    if reports is not None:
        reports.file_written(path)
