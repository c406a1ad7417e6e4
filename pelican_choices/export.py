"""The choice graph as a JSON document, the same bytes for the same site."""

from __future__ import annotations

from collections.abc import Iterable
from json.encoder import encode_basestring as _string

from pelican_choices.graph import Edge, NavigationGraph, Node
from pelican_choices.problems import Problem

SCHEMA_VERSION = 1


def graph_json(graph: NavigationGraph) -> str:
    """The graph as JSON: nodes, edges, broken choices, orphans and dead ends.

    The text is that of ``json.dumps(document, indent=2, sort_keys=True,
    ensure_ascii=False)``, with a final newline. Given an indent, ``json``
    encodes value by value in Python; here each record is written in one
    piece, its strings encoded as ``json`` encodes them.
    """
    return (
        '{\n  "broken": ' + _list([_problem(problem) for problem in graph.broken])
        + ',\n  "dead_ends": ' + _list([_string(node.url) for node in graph.dead_ends])
        + ',\n  "edges": ' + _list([_edge(edge) for edge in graph.edges])
        + ',\n  "nodes": ' + _list([_node(node) for node in graph.nodes])
        + ',\n  "orphans": ' + _list([_string(node.url) for node in graph.orphans])
        + f',\n  "version": {SCHEMA_VERSION}\n}}\n'
    )  # fmt: skip


def _list(items: Iterable[str]) -> str:
    text = ",\n    ".join(items)
    return f"[\n    {text}\n  ]" if text else "[]"


def _problem(problem: Problem) -> str:
    return (
        f'{{\n      "key": {_string(problem.key)},\n      "reason": {_string(problem.reason)},'
        f'\n      "source": {_string(problem.source)},\n      "value": {_string(problem.value)}'
        "\n    }"
    )


def _edge(edge: Edge) -> str:
    choice = edge.choice
    icon = _string(choice.icon.symbol_id) if choice.icon else "null"
    return (
        f'{{\n      "external": {"true" if choice.external else "false"},'
        f'\n      "from": {_string(edge.origin)},\n      "icon": {icon},'
        f'\n      "number": {choice.number},\n      "text": {_string(choice.text)},'
        f'\n      "to": {_string(edge.to)}\n    }}'
    )


def _node(node: Node) -> str:
    return (
        f'{{\n      "category": {_string(node.category)},'
        f'\n      "position": {_optional(node.position)},'
        f'\n      "sort_order": {_optional(node.sort_order)},'
        f'\n      "source": {_string(node.source)},\n      "title": {_string(node.title)},'
        f'\n      "url": {_string(node.url)}\n    }}'
    )


def _optional(value: str | int | None) -> str:
    """A string, a whole number or None, as JSON."""
    if value is None:
        return "null"
    return _string(value) if isinstance(value, str) else str(int(value))
