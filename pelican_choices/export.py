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
    """The document as indented JSON with sorted keys and a final newline.

    The text is that of ``json.dumps(document, indent=2, sort_keys=True,
    ensure_ascii=False)``, which encodes value by value in Python when given an
    indent. Here each list is encoded by the C encoder in one call, with the
    newline and indent in its item separator.
    """
    fields = ",\n  ".join(
        f"{_LIST.encode(key)}: {_top_level(value)}"
        for key, value in sorted(graph_document(graph).items())
    )
    return "{\n  " + fields + "\n}\n"


# Items of a list in the document, and fields of a record in such a list.
_LIST = json.JSONEncoder(ensure_ascii=False, separators=(",\n    ", ": "))
_RECORDS = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",\n      ", ": "))


def _top_level(value: Any) -> str:
    """A number, a list of plain values, or a list of records (dicts of plain values)."""
    if not isinstance(value, list) or not value:
        return _LIST.encode(value)
    if not isinstance(value[0], dict):
        return "[\n    " + _LIST.encode(value)[1:-1] + "\n  ]"
    # A string never holds a raw newline, so "},\n      {" only ever joins two records.
    records = _RECORDS.encode(value)[2:-2].replace("},\n      {", "\n    },\n    {\n      ")
    return "[\n    {\n      " + records + "\n    }\n  ]"
