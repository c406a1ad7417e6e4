"""Where the navigation map draws each page and each choice, in SVG user units.

Pages keep one size whatever the site's size. They stand in columns of at
most ``MAX_ROWS``, one group of columns per chapter when there are several,
and read top to bottom, column by column, in the graph's node order (the
reading order first). A choice to a page of the same column is an arc beside
it (on the right going down, on the left going up); a choice to another
column is a curve between facing sides; a choice that leaves the map (an
outside address, a static file, a category page...) is a short stub on the
right. Arcs over many rows and curves over several columns are marked long,
so the picture can draw them lightly.
"""

from __future__ import annotations

import math
from typing import NamedTuple

from pelican_choices.graph import Edge, NavigationGraph, Node

NODE_WIDTH = 200
NODE_HEIGHT = 26
ROW_PITCH = 36
GUTTER = 120
SIDE = GUTTER // 2
COLUMN_PITCH = NODE_WIDTH + GUTTER
MAX_ROWS = 30
TOP = 148
HEADING_HEIGHT = 30
BOTTOM = 24
LEGEND_WIDTH = 400
LABEL_CHARS = 28
LONG_ROWS = 8
STUB_LENGTH = 30
PORT_SPREAD = 16


class Box(NamedTuple):
    """A page's rectangle: its top-left corner, column and row, and its label."""

    node: Node
    x: int
    y: int
    column: int
    row: int
    label: str

    width = NODE_WIDTH
    height = NODE_HEIGHT

    @property
    def middle(self) -> int:
        return self.y + NODE_HEIGHT // 2


class Arrow(NamedTuple):
    """A choice drawn as an SVG path ``d``; ``kind`` is ``near``, ``long`` or ``out``."""

    edge: Edge
    d: str
    kind: str


class Heading(NamedTuple):
    """A chapter's name above its first column."""

    x: int
    y: int
    text: str


class MapLayout(NamedTuple):
    """The whole picture: its size, the pages, the choices and the chapter headings."""

    width: int
    height: int
    boxes: tuple[Box, ...]
    arrows: tuple[Arrow, ...]
    headings: tuple[Heading, ...]

    def arrows_of(self, kind: str) -> list[Arrow]:
        """The arrows of one kind, to draw them in one group."""
        return [arrow for arrow in self.arrows if arrow.kind == kind]


def lay_out(graph: NavigationGraph) -> MapLayout:
    """Place every node and draw every edge of ``graph``."""
    groups: dict[str, list[int]] = {}
    several = len(graph.chapters) > 1
    for number, node in enumerate(graph.nodes):
        groups.setdefault(node.chapter if several else "", []).append(number)
    top = TOP + (HEADING_HEIGHT if len(groups) > 1 else 0)

    places: dict[int, tuple[int, int]] = {}
    headings = []
    column = 0
    for chapter, members in groups.items():
        columns = math.ceil(len(members) / MAX_ROWS)
        rows = math.ceil(len(members) / columns)
        if chapter:
            headings.append(Heading(_column_x(column), TOP + 18, _shorten(chapter)))
        for place, number in enumerate(members):
            places[number] = (column + place // rows, place % rows)
        column += columns

    boxes = tuple(
        Box(node, _column_x(col), top + row * ROW_PITCH, col, row, _label(node))
        for node, (col, row) in ((graph.nodes[n], places[n]) for n in range(len(graph.nodes)))
    )
    rows_used = max((box.row + 1 for box in boxes), default=0)
    width = max(LEGEND_WIDTH, 2 * SIDE + column * COLUMN_PITCH - GUTTER)
    height = top + rows_used * ROW_PITCH - (ROW_PITCH - NODE_HEIGHT) + BOTTOM
    return MapLayout(width, height, boxes, _arrows(boxes), tuple(headings))


def _arrows(boxes: tuple[Box, ...]) -> tuple[Arrow, ...]:
    # Each arrow ends at its own point of the target's side: first count the
    # arrows ending at each box, and note each one's place among them.
    arrivals = [0] * len(boxes)
    places = []
    for number, box in enumerate(boxes):
        for edge in box.node.edges:
            target = edge.node_index
            if target is not None and target != number:
                places.append(arrivals[target])
                arrivals[target] += 1
    place = iter(places)
    arrows = []
    for number, box in enumerate(boxes):
        edges = box.node.edges
        outside = sum(edge.node_index is None for edge in edges)
        stubs = 0
        for index, edge in enumerate(edges):
            start = box.middle + _spread(index, len(edges))
            target = edge.node_index
            if target is None:
                offset = _spread(stubs, outside, PORT_SPREAD + 8)
                arrows.append(_stub(box, edge, start, offset))
                stubs += 1
            elif target == number:
                arrows.append(_loop(box, edge))
            else:
                end = boxes[target].middle + _spread(next(place), arrivals[target])
                arrows.append(_curve(box, boxes[target], edge, start, end))
    return tuple(arrows)


def _curve(box: Box, target: Box, edge: Edge, start: int, end: int) -> Arrow:
    if box.column == target.column:
        rows = target.row - box.row
        if rows > 0:
            x, bend = box.x + NODE_WIDTH, min(SIDE - 8, 14 + 4 * rows)
        else:
            x, bend = box.x, -min(SIDE - 8, 14 - 4 * rows)
        d = f"M{x} {start}C{x + bend} {start} {x + bend} {end} {x} {end}"
        return Arrow(edge, d, "long" if abs(rows) > LONG_ROWS else "near")
    columns = target.column - box.column
    if columns > 0:
        x1, x2 = box.x + NODE_WIDTH, target.x
    else:
        x1, x2 = box.x, target.x + NODE_WIDTH
    pull = max(40, abs(x2 - x1) // 3) * (1 if x2 > x1 else -1)
    d = f"M{x1} {start}C{x1 + pull} {start} {x2 - pull} {end} {x2} {end}"
    return Arrow(edge, d, "long" if abs(columns) > 1 else "near")


def _loop(box: Box, edge: Edge) -> Arrow:
    x, y = box.x + NODE_WIDTH, box.middle
    return Arrow(edge, f"M{x} {y - 6}C{x + 28} {y - 22} {x + 28} {y + 22} {x} {y + 6}", "near")


def _stub(box: Box, edge: Edge, start: int, offset: int) -> Arrow:
    x = box.x + NODE_WIDTH
    return Arrow(edge, f"M{x} {start}L{x + STUB_LENGTH} {box.middle + offset}", "out")


def _spread(index: int, count: int, spread: int = PORT_SPREAD) -> int:
    """Offsets that fan ``count`` ends over ``spread`` units around a side's middle."""
    if count < 2:
        return 0
    return round(spread * (index / (count - 1) - 0.5))


def _column_x(column: int) -> int:
    return SIDE + column * COLUMN_PITCH


def _label(node: Node) -> str:
    title = node.title or node.url
    return _shorten(f"{node.position}. {title}" if node.position else title)


def _shorten(text: str) -> str:
    return text if len(text) <= LABEL_CHARS else text[: LABEL_CHARS - 1].rstrip() + "\u2026"
