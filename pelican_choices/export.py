"""The choice graph as a JSON document, the same bytes for the same site."""

from __future__ import annotations

import json
from typing import Any

from pelican_choices.graph import NavigationGraph

SCHEMA_VERSION = 1


def graph_document(graph: NavigationGraph) -> dict[str, Any]:
    """The graph as plain data: nodes, edges, broken choices, orphans and dead ends.

    Every record lists its keys in sorted order, as the file has them.
    """
    return {
        "broken": [
            {
                "key": problem.key,
                "reason": problem.reason,
                "source": problem.source,
                "value": problem.value,
            }
            for problem in graph.broken
        ],
        "dead_ends": [node.url for node in graph.dead_ends],
        "edges": [
            {
                "external": edge.external,
                "from": edge.origin,
                "icon": edge.icon,
                "number": edge.number,
                "text": edge.text,
                "to": edge.to,
            }
            for edge in graph.edges
        ],
        "nodes": [
            {
                "category": node.category,
                "position": node.position,
                "sort_order": node.sort_order,
                "source": node.source,
                "title": node.title,
                "url": node.url,
            }
            for node in graph.nodes
        ],
        "orphans": [node.url for node in graph.orphans],
        "version": SCHEMA_VERSION,
    }


def graph_json(graph: NavigationGraph) -> str:
    """The document as indented JSON with sorted keys and a final newline.

    The text is that of ``json.dumps(document, indent=2, sort_keys=True,
    ensure_ascii=False)``, which encodes value by value in Python when given an
    indent. Here each list is encoded by the C encoder in one call, with the
    newline and indent in its item separator.
    """
    fields = ",\n  ".join(
        f"{_LIST.encode(key)}: {_top_level(value)}" for key, value in graph_document(graph).items()
    )
    return "{\n  " + fields + "\n}\n"


# Items of a list in the document, and fields of a record in such a list.
_LIST = json.JSONEncoder(ensure_ascii=False, separators=(",\n    ", ": "))
_RECORDS = json.JSONEncoder(ensure_ascii=False, separators=(",\n      ", ": "))


def _top_level(value: Any) -> str:
    """A number, a list of plain values, or a list of records (dicts of plain values)."""
    if not isinstance(value, list) or not value:
        return _LIST.encode(value)
    if not isinstance(value[0], dict):
        return "[\n    " + _LIST.encode(value)[1:-1] + "\n  ]"
    # A string never holds a raw newline, so "},\n      {" only ever joins two records.
    records = _RECORDS.encode(value)[2:-2].replace("},\n      {", "\n    },\n    {\n      ")
    return "[\n    {\n      " + records + "\n    }\n  ]"
