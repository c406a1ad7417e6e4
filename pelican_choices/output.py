"""What a build tells the author about its choice graph: a summary line, a JSON file, a map page."""

from __future__ import annotations

import logging
import os

from pelican.generators import Generator
from pelican.utils import sanitised_join
from pelican.writers import Writer

from pelican_choices.export import graph_json
from pelican_choices.graph import NavigationGraph

logger = logging.getLogger(__name__)

MAP_TEMPLATE = "choices_map"


def log_summary(graph: NavigationGraph) -> None:
    """One INFO line: how many pages, choices, broken choices, orphans and dead ends."""
    logger.info(
        "choices: %d pages, %d choices, %d broken, %d orphans, %d dead ends",
        len(graph.nodes),
        len(graph.edges),
        len(graph.broken),
        len(graph.orphans),
        len(graph.dead_ends),
    )


def write_navigation_files(generator: Generator, writer: Writer) -> None:
    """Write ``choices.json`` and the map page from the graph the build stored in the context.

    This runs once the pages are written, with their generator: the map page
    extends the theme's ``base.html``, which that generator's templates have
    already compiled.
    """
    context = generator.context
    graph = context.get("choices_graph")
    if graph is None:
        return
    graph_name = context.get("choices_graph_url")
    if graph_name:
        path = sanitised_join(generator.output_path, graph_name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8", newline="\n") as file:
            file.write(graph_json(graph))
        logger.info('Writing "%s"', path)
    map_name = context.get("choices_map_url")
    if map_name:
        writer.write_file(
            map_name,
            generator.get_template(MAP_TEMPLATE),
            context,
            generator.settings["RELATIVE_URLS"],
            template_name=MAP_TEMPLATE,
            url=map_name,
            page_name=os.path.splitext(map_name)[0],
        )
