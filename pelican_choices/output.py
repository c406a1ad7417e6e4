"""What a build tells the author about its choice graph: a summary line, a JSON file, a map page.

Both files carry a mark that says the plugin wrote them: the JSON's first
key, and a comment right after the map page's doctype.
"""

from __future__ import annotations

import json
import logging
import os
import re
from typing import Any

from pelican.contents import Page
from pelican.generators import Generator
from pelican.utils import get_relative_path, path_to_url

from pelican_choices.graph import Edge, NavigationGraph, Node
from pelican_choices.problems import Problem

logger = logging.getLogger(__name__)

MAP_TEMPLATE = "choices_map"
MAP_PARTIAL = "pelican_choices/map"
MAP_TITLE = "Navigation map"
MAP_SUMMARY = "Where the choices of each page lead, and what is wrong with them."
SCHEMA_VERSION = 1
GRAPH_MARK = "pelican-choices report (CHOICES_GRAPH_SAVE_AS): the choice graph, for the author"
MAP_MARK = (
    "<!-- pelican-choices report (CHOICES_MAP_SAVE_AS): the navigation map, for the author -->"
)
NOINDEX = '<meta name="robots" content="noindex">'
DOCTYPE = re.compile(r"\s*<!doctype\b[^>]*>", re.IGNORECASE)
# Where noindex goes: before the head's end tag, else where the head would be.
HEAD_PLACES = (
    (re.compile(r"</head\s*>", re.IGNORECASE), "start"),
    (re.compile(r"<head\b[^>]*>", re.IGNORECASE), "end"),
    (re.compile(r"<html\b[^>]*>", re.IGNORECASE), "end"),
    (DOCTYPE, "end"),
)


def log_summary(graph: NavigationGraph) -> None:
    """One INFO line: how many pages, choices, problems by kind, orphans and dead ends."""
    logger.info("choices: %s", graph.summary())


def graph_json(graph: NavigationGraph) -> str:
    """The graph as JSON, keys sorted and indented by two: the same bytes for the same site."""
    document = {
        "about": GRAPH_MARK,
        "version": SCHEMA_VERSION,
        "nodes": [_node(node) for node in graph.nodes],
        "edges": [_edge(edge) for edge in graph.edges],
        "problems": [_problem(problem) for problem in graph.problems],
        "summary": graph.counts(),
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
        "chapter": node.chapter or None,
    }


def _edge(edge: Edge) -> dict[str, Any]:
    choice = edge.choice
    return {
        "from": edge.origin,
        "to": edge.to,
        "number": choice.number,
        "text": edge.text,
        "icon": choice.icon.symbol_id if choice.icon else None,
        "external": choice.external,
    }


def _problem(problem: Problem) -> dict[str, Any]:
    return {
        "kind": problem.kind.name,
        "source": problem.source,
        "line": problem.line,
        "key": problem.key,
        "value": problem.value,
        "reason": problem.reason,
    }


def map_page(generator: Generator, name: str) -> str:
    """The map page to save as ``name``, rendered as Pelican's writer renders a page.

    ``generator`` is the pages' generator. The map partial is the text of a
    page (a ``Page`` that is never listed nor written by Pelican) in the
    ``choices_map`` template, which extends the theme's ``page.html``: so
    the map sits in the theme's text column, as the text of any page does.
    The page gets ``noindex`` in its head, and the plugin's mark.
    """
    context = generator.context
    local = context.copy()
    if generator.settings["RELATIVE_URLS"]:
        # Choice.url reads the build's own context, as Pelican's links in content do.
        local["SITEURL"] = local["localsiteurl"] = context["localsiteurl"] = path_to_url(
            get_relative_path(name)
        )
    local.update(
        output_file=name,
        url=name,
        page_name=os.path.splitext(name)[0],
        template_name=MAP_TEMPLATE,
    )
    body = generator.get_template(MAP_PARTIAL).render(local)
    metadata = {"title": MAP_TITLE, "summary": MAP_SUMMARY, "save_as": name, "url": name}
    local["page"] = Page(body, metadata, settings=generator.settings, context=local)
    html = generator.get_template(MAP_TEMPLATE).render(local)
    return _marked(_with_noindex(html))


def _with_noindex(html: str) -> str:
    """``html`` with ``noindex`` in its head, whatever the theme's head blocks are called."""
    for pattern, side in HEAD_PLACES:
        found = pattern.search(html)
        if found:
            at = found.start() if side == "start" else found.end()
            return f"{html[:at]}\n{NOINDEX}\n{html[at:]}"
    return f"{NOINDEX}\n{html}"


def _marked(html: str) -> str:
    """``html`` with the plugin's mark right after its doctype, in its first bytes."""
    found = DOCTYPE.match(html)
    at = found.end() if found else 0
    return f"{html[:at]}\n{MAP_MARK}\n{html[at:]}" if at else f"{MAP_MARK}\n{html}"
