"""Where the map draws each box and arrow, in SVG user units: geometry only.

Both pictures stand their boxes in one column, top to bottom: the chapters'
picture one box per group of pages (see ``overview``), the pages' picture
one box per page, gathered the same way under headings, for a site of at
most ``PAGE_PICTURE_LIMIT`` pages. An arrow going down the column runs on
the right of the boxes, one going up on the left, each in a lane of its own
from end to end, the shorter arrows in the nearer lanes, so that no two
overlap. No two arrows share an end point: the ends on a side of a box are
spread over its height (a box with many grows taller), in the order that
keeps the arrows of one box from crossing each other there. A choice to its
own page is a small loop on the left; one that leaves the map (an outside
address, a file, a category page) is a short stub on the right.
"""

from __future__ import annotations

from typing import NamedTuple

from pelican_choices.graph import Edge, NavigationGraph, Node
from pelican_choices.overview import Link, Overview, overview

PAGE_PICTURE_LIMIT = 60
LABEL_CHARS = 30
SIDE = 12
STUB = 16
LOOP = 9
CORNER = 4
HEADING_HEIGHT = 26


class Spec(NamedTuple):
    """The sizes of one picture's boxes and lanes."""

    width: int
    height: int  # the least height of a box
    port_gap: int  # between two ends on a side
    lane_gap: int
    lane_start: int  # from a box's side to its nearest lane
    row_gap: int
    top: int  # room for the key above the boxes
    least_width: int  # the key's width


PAGES = Spec(220, 26, port_gap=7, lane_gap=6, lane_start=24, row_gap=10, top=160, least_width=480)
CHAPTERS = Spec(
    260, 56, port_gap=13, lane_gap=10, lane_start=32, row_gap=18, top=80, least_width=560
)


class Box(NamedTuple):
    """A page's or a group's rectangle; ``item`` is its place in the graph's nodes or groups."""

    item: int
    x: int
    y: int
    width: int
    height: int
    label: str


class Arrow(NamedTuple):
    """One edge or link drawn as the SVG path ``d``.

    ``kind`` is ``down``, ``up``, ``self`` or ``out``; ``label`` is where
    its count is written (x, y and text-anchor), by the side it leaves.
    """

    data: Edge | Link
    d: str
    kind: str
    label: tuple[int, int, str]


class Heading(NamedTuple):
    """A group's title above its first box in the pages' picture."""

    x: int
    y: int
    text: str


class Picture(NamedTuple):
    """One picture: its size, boxes (in drawing order), arrows and headings."""

    width: int
    height: int
    boxes: tuple[Box, ...]
    arrows: tuple[Arrow, ...]
    headings: tuple[Heading, ...]

    def arrows_of(self, *kinds: str) -> list[Arrow]:
        """The arrows of those kinds, to draw them in one group."""
        return [arrow for arrow in self.arrows if arrow.kind in kinds]


class MapLayout(NamedTuple):
    """The map: its groups, the chapters' picture when there are groups, the pages' when
    the site has at most ``limit`` pages."""

    overview: Overview
    chapters: Picture | None
    pages: Picture | None
    limit: int = PAGE_PICTURE_LIMIT


def lay_out(graph: NavigationGraph, limit: int = PAGE_PICTURE_LIMIT) -> MapLayout:
    """Both pictures of ``graph``, each when it is drawn."""
    small = len(graph.nodes) <= limit
    found = overview(graph, runs=not small)
    groups = found.groups
    chapters = None
    if len(groups) > 1:
        chapters = _column(
            CHAPTERS,
            list(range(len(groups))),
            [_shorten(group.title) for group in groups],
            [(link.origin, link.target, link) for link in found.links],
            {},
        )
    pages = None
    if small and graph.nodes:
        order = [number for group in groups for number in group.nodes]
        headings = {group.nodes[0]: _shorten(group.title) for group in groups if len(groups) > 1}
        pages = _column(
            PAGES,
            order,
            [_label(node) for node in graph.nodes],
            [(edge.origin_index, edge.node_index, edge) for edge in graph.edges],
            headings,
        )
    return MapLayout(found, chapters, pages, limit)


class _Line(NamedTuple):
    """A link on its way to an arrow: its number, and its ends' places in the column."""

    number: int
    start: int
    end: int | None
    data: Edge | Link

    @property
    def kind(self) -> str:
        if self.end is None:
            return "out"
        if self.end == self.start:
            return "self"
        return "down" if self.end > self.start else "up"

    @property
    def span(self) -> tuple[int, int]:
        ends = (self.start, self.start if self.end is None else self.end)
        return min(ends), max(ends)


def _column(
    spec: Spec,
    order: list[int],
    labels: list[str],
    links: list[tuple[int, int | None, Edge | Link]],
    headings: dict[int, str],
) -> Picture:
    """Boxes for the items of ``order``, top to bottom, and an arrow for each link."""
    place = {item: number for number, item in enumerate(order)}
    lines = [
        _Line(number, place[origin], None if target is None else place[target], data)
        for number, (origin, target, data) in enumerate(links)
    ]
    lanes = {
        **_lanes([ln for ln in lines if ln.kind == "down"]),
        **_lanes([ln for ln in lines if ln.kind == "up"]),
    }
    right, left = _ends(len(order), lines, lanes)
    heights = [
        max(spec.height, (max(len(right[n]), len(left[n])) + 1) * spec.port_gap)
        for n in range(len(order))
    ]
    left_lanes = max((lanes[ln.number] + 1 for ln in lines if ln.kind == "up"), default=0)
    right_lanes = max((lanes[ln.number] + 1 for ln in lines if ln.kind == "down"), default=0)
    x = SIDE + spec.lane_start + max(left_lanes - 1, 0) * spec.lane_gap
    tops, y, titles = [], spec.top, []
    for number, item in enumerate(order):
        if item in headings:
            y += HEADING_HEIGHT
            titles.append(Heading(x, y - 8, headings[item]))
        tops.append(y)
        y += heights[number] + spec.row_gap
    boxes = tuple(
        Box(item, x, tops[n], spec.width, heights[n], labels[item]) for n, item in enumerate(order)
    )
    ports = {}
    for number in range(len(order)):
        for ends in (right[number], left[number]):
            for rank, end in enumerate(ends):
                ports[end] = tops[number] + round((rank + 1) * heights[number] / (len(ends) + 1))
    arrows = tuple(_arrow(spec, ln, x, lanes, ports) for ln in lines)
    width = x + spec.width + spec.lane_start + max(right_lanes - 1, 0) * spec.lane_gap + SIDE
    height = y - spec.row_gap + SIDE
    return Picture(max(width, spec.least_width), height, boxes, arrows, tuple(titles))


def _lanes(lines: list[_Line]) -> dict[int, int]:
    """A lane for each line of one side: the nearest one free over its whole span.

    The shorter lines go first, so a line within another's span runs inside it.
    """
    taken: list[list[tuple[int, int]]] = []
    found = {}
    for line in sorted(lines, key=lambda ln: (ln.span[1] - ln.span[0], ln.span[0], ln.number)):
        low, high = line.span
        for lane, spans in enumerate(taken):
            if all(high < a or b < low for a, b in spans):
                spans.append((low, high))
                found[line.number] = lane
                break
        else:
            taken.append([(low, high)])
            found[line.number] = len(taken) - 1
    return found


def _ends(
    count: int, lines: list[_Line], lanes: dict[int, int]
) -> tuple[list[list[tuple[int, str]]], list[list[tuple[int, str]]]]:
    """The ends on each box's right and left sides, top to bottom, as (line, ``start``/``end``).

    On each side, the arrows whose lanes run above the box (coming down into
    it on the right, leaving upwards on the left) end at the top, the inner
    lanes first; those whose lanes run below it end at the bottom, the outer
    lanes first; the stubs (right) and the loops (left) in between. So no
    part of one crosses another's lane at the box.
    """
    found: dict[tuple[int, str], list[_Line]] = {}
    for line in lines:
        found.setdefault((line.start, line.kind), []).append(line)
        if line.kind in ("down", "up"):
            found.setdefault((line.end, line.kind + " in"), []).append(line)

    def ends(n: int, kind: str, which: str, outer_first: bool = False) -> list[tuple[int, str]]:
        chosen = sorted(found.get((n, kind), []), key=lambda ln: lanes[ln.number])
        return [(ln.number, which) for ln in (chosen[::-1] if outer_first else chosen)]

    def loops(n: int) -> list[tuple[int, str]]:
        return [
            (ln.number, which) for ln in found.get((n, "self"), []) for which in ("start", "end")
        ]

    right = [
        ends(n, "down in", "end")
        + [(ln.number, "start") for ln in found.get((n, "out"), [])]
        + ends(n, "down", "start", outer_first=True)
        for n in range(count)
    ]
    left = [
        ends(n, "up", "start") + loops(n) + ends(n, "up in", "end", outer_first=True)
        for n in range(count)
    ]
    return right, left


def _arrow(
    spec: Spec, line: _Line, x: int, lanes: dict[int, int], ports: dict[tuple[int, str], int]
) -> Arrow:
    start = ports[line.number, "start"]
    edge_right = x + spec.width
    if line.kind == "out":
        d = f"M{edge_right} {start}h{STUB}"
        return Arrow(line.data, d, "out", (edge_right + 3, start - 2, "start"))
    end = ports[line.number, "end"]
    if line.kind == "self":
        d = f"M{x} {start}C{x - LOOP} {start} {x - LOOP} {end} {x} {end}"
        return Arrow(line.data, d, "self", (x - 3, start - 2, "end"))
    offset = spec.lane_start + lanes[line.number] * spec.lane_gap
    if line.kind == "down":
        side, lane, turn = edge_right, edge_right + offset, -CORNER
        label = (edge_right + 3, start - 2, "start")
    else:
        side, lane, turn = x, x - offset, CORNER
        label = (x - 3, start - 2, "end")
    bend = CORNER if end > start else -CORNER
    d = (
        f"M{side} {start}H{lane + turn}Q{lane} {start} {lane} {start + bend}"
        f"V{end - bend}Q{lane} {end} {lane + turn} {end}H{side}"
    )
    return Arrow(line.data, d, line.kind, label)


def _label(node: Node) -> str:
    title = node.title or node.url
    return _shorten(f"{node.position}. {title}" if node.position else title)


def _shorten(text: str) -> str:
    return text if len(text) <= LABEL_CHARS else text[: LABEL_CHARS - 1].rstrip() + "\u2026"
