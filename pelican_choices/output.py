"""What a build tells the author about its choice graph: a summary line, a JSON file, a map page."""

from __future__ import annotations

import json
import logging
import os
from typing import Any

from pelican.generators import Generator
from pelican.utils import sanitised_join
from pelican.writers import Writer

from pelican_choices.graph import Edge, NavigationGraph, Node
from pelican_choices.problems import Problem

logger = logging.getLogger(__name__)

MAP_TEMPLATE = "choices_map"
SCHEMA_VERSION = 1


def log_summary(graph: NavigationGraph) -> None:
    """One INFO line: how many pages, choices, broken choices, orphans and dead ends."""
    logger.info("choices: %s", graph.summary())


def graph_json(graph: NavigationGraph) -> str:
    """The graph as JSON, keys sorted and indented by two: the same bytes for the same site."""
    document = {
        "version": SCHEMA_VERSION,
        "nodes": [_node(node) for node in graph.nodes],
        "edges": [_edge(edge) for edge in graph.edges],
        "broken": [_problem(problem) for problem in graph.broken],
        "orphans": [node.url for node in graph.orphans],
        "dead_ends": [node.url for node in graph.dead_ends],
    }
    return json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def _node(node: Node) -> dict[str, Any]:
    return {
        "url": node.url,
        "title": node.title,
        "source": node.source,
        "sort_order": node.sort_order,
        "position": node.position,
        "category": node.category,
    }


def _edge(edge: Edge) -> dict[str, Any]:
    choice = edge.choice
    return {
        "from": edge.origin,
        "to": edge.to,
        "number": choice.number,
        "text": choice.text,
        "icon": choice.icon.symbol_id if choice.icon else None,
        "external": choice.external,
    }


def _problem(problem: Problem) -> dict[str, Any]:
    return {
        "source": problem.source,
        "line": problem.line,
        "key": problem.key,
        "value": problem.value,
        "reason": problem.reason,
    }


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
