"""The map's chapters: the graph's pages gathered into groups, and the choices between them.

A group is a chapter when the pages have several (see ``chapters``; pages
without one make a group of their own). Without chapters, it is a section
of the reading order, the first part of dotted sort-orders (``2.10`` is in
section 2), when those give several; else, when asked, a run of ``RUN``
pages of the reading order. Pages outside the reading order are a group of
their own in both.
"""

from __future__ import annotations

from typing import NamedTuple

from pelican_choices.graph import NavigationGraph, Node

RUN = 25
MAX_SECTIONS = 40
NO_CHAPTER = "Without a chapter"
UNORDERED = "Outside the reading order"


class Group(NamedTuple):
    """A chapter, section or run: its title and its nodes' places in the graph, in order.

    ``inside`` counts the choices between its own pages; ``orphans``,
    ``dead_ends`` and ``broken`` count its pages' flags and broken choices.
    """

    title: str
    nodes: tuple[int, ...]
    inside: int
    orphans: int
    dead_ends: int
    broken: int


class Link(NamedTuple):
    """The choices of one group's pages that lead to another group's: ``count`` of them."""

    origin: int
    target: int
    count: int


class Overview(NamedTuple):
    """The groups in reading order and the links between them, by origin then target."""

    groups: tuple[Group, ...]
    links: tuple[Link, ...]

    def links_from(self, group: int) -> list[Link]:
        """The links from the pages of one group to other groups, in group order."""
        return [link for link in self.links if link.origin == group]

    def links_to(self, group: int) -> list[Link]:
        """The links from other groups to the pages of one group, in group order."""
        return [link for link in self.links if link.target == group]


def overview(graph: NavigationGraph, *, runs: bool) -> Overview:
    """The graph's groups and links; ``runs`` cuts a site without chapters or sections into runs."""
    grouping = _grouping(graph, runs)
    ordered = sum(1 for node in graph.nodes if node.position)
    unordered = len(graph.nodes) - ordered
    keys = [
        _key(node, grouping, number - ordered, unordered) for number, node in enumerate(graph.nodes)
    ]
    members: dict[tuple[str, str], list[int]] = {}
    for number, key in enumerate(keys):
        members.setdefault(key, []).append(number)
    place = {key: index for index, key in enumerate(members)}
    counts: dict[tuple[int, int], int] = {}
    for node in graph.nodes:
        for edge in node.edges:
            if edge.node_index is not None:
                pair = (place[keys[edge.origin_index]], place[keys[edge.node_index]])
                counts[pair] = counts.get(pair, 0) + 1
    groups = tuple(
        Group(
            title=_title(key, ordered, unordered),
            nodes=tuple(numbers),
            inside=counts.get((index, index), 0),
            orphans=sum(graph.nodes[n].orphan for n in numbers),
            dead_ends=sum(graph.nodes[n].dead_end for n in numbers),
            broken=sum(len(graph.nodes[n].broken) for n in numbers),
        )
        for index, (key, numbers) in enumerate(members.items())
    )
    links = tuple(
        Link(origin, target, count)
        for (origin, target), count in sorted(counts.items())
        if origin != target
    )
    return Overview(groups, links)


def _grouping(graph: NavigationGraph, runs: bool) -> str:
    """``chapter``, ``section``, ``run`` or ``""``: how this graph's pages are gathered."""
    if len(graph.chapters) > 1:
        return "chapter"
    ordered = [node.sort_order or "" for node in graph.nodes if node.position]
    sections = {value.split(".")[0] for value in ordered}
    if ordered and all("." in value for value in ordered) and 1 < len(sections) <= MAX_SECTIONS:
        return "section"
    return "run" if runs else ""


def _key(node: Node, grouping: str, rank: int, unordered: int) -> tuple[str, str]:
    """What ``node``'s group is told by: its chapter, section or run, or no place in the order.

    ``rank`` is its place among the ``unordered`` nodes, which follow the others:
    more than a run of them are cut into runs too.
    """
    if grouping == "chapter":
        return (grouping, node.chapter)
    if not grouping:
        return ("", "")
    if not node.position:
        many = grouping == "run" and unordered > RUN
        return ("unordered", str(rank // RUN * RUN + 1) if many else "")
    if grouping == "section":
        return (grouping, (node.sort_order or "").split(".")[0])
    return (grouping, str((node.position - 1) // RUN * RUN + 1))


def _title(key: tuple[str, str], ordered: int, unordered: int) -> str:
    grouping, value = key
    if grouping == "chapter":
        return value or NO_CHAPTER
    if grouping == "section":
        return f"Section {value}"
    if grouping == "run":
        return f"Pages {_run(int(value), ordered)}"
    if grouping == "unordered":
        return f"{UNORDERED}, {_run(int(value), unordered)}" if value else UNORDERED
    return ""


def _run(first: int, last: int) -> str:
    """``26\u201350``: the places of a run that starts at ``first``, among ``last``."""
    return f"{first}\u2013{min(first + RUN - 1, last)}"
