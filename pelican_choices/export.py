"""The choice graph as a JSON document, the same bytes for the same site."""

from __future__ import annotations

import json
from typing import Any

from pelican_choices.graph import NavigationGraph

SCHEMA_VERSION = 1


def graph_document(graph: NavigationGraph) -> dict[str, Any]:
    """The graph as plain data: nodes, edges, broken choices, orphans and dead ends."""
    return {
        "version": SCHEMA_VERSION,
        "nodes": [
            {
                "url": node.url,
                "title": node.title,
                "sort_order": node.sort_order,
                "position": node.position,
                "category": node.category,
                "source": node.source,
            }
            for node in graph.nodes
        ],
        "edges": [
            {
                "from": edge.origin,
                "to": edge.to,
                "number": edge.number,
                "text": edge.text,
                "icon": edge.icon,
                "external": edge.external,
            }
            for edge in graph.edges
        ],
        "broken": [
            {
                "source": problem.source,
                "key": problem.key,
                "value": problem.value,
                "reason": problem.reason,
            }
            for problem in graph.broken
        ],
        "orphans": [node.url for node in graph.orphans],
        "dead_ends": [node.url for node in graph.dead_ends],
    }


def graph_json(graph: NavigationGraph) -> str:
    """The document as indented JSON with sorted keys and a final newline."""
    return json.dumps(graph_document(graph), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
