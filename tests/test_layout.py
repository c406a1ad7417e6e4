"""The map's layout keeps pages apart and every arrow between the right pages, at any size."""

from __future__ import annotations

import random
import re
from itertools import pairwise

import pytest

from pelican_choices.choices import Choice
from pelican_choices.graph import Edge, NavigationGraph, Node
from pelican_choices.layout import MAX_ROWS, NODE_HEIGHT, NODE_WIDTH, lay_out

NUMBER = re.compile(r"-?\d+")


def choice(number: int, text: str, link: str) -> Choice:
    external = link.startswith("https:")
    return Choice(
        number=number, text=text, icon=None, target=None, external=external, address=link, site={}
    )


def synthetic_graph(size: int, chapters: int, seed: int = 7) -> NavigationGraph:
    """``size`` pages in reading order, three choices each, mostly to the next few pages."""
    chance = random.Random(seed)
    nodes = []
    for number in range(size):
        targets = [
            min(size - 1, number + chance.randint(1, 5))
            if chance.random() < 0.8
            else chance.randrange(size)
            for _ in range(3)
        ]
        edges = tuple(
            Edge(
                origin=f"p{number}.html",
                node_index=target,
                title=f"Page {target}",
                choice=choice(k, f"to {target}", f"p{target}.html"),
                text=f"to {target}",
            )
            for k, target in enumerate(targets, 1)
        )
        outside = choice(4, "out", "https://example.org/")
        edges += (
            Edge(
                origin=f"p{number}.html",
                node_index=None,
                title=outside.link,
                choice=outside,
                text=outside.text,
            ),
        )
        nodes.append(
            Node(
                url=f"p{number}.html",
                title=f"A page with a rather long title, number {number}",
                source=f"pages/p{number}.md",
                sort_order=str(number + 1),
                position=number + 1,
                chapter=f"Part {number * chapters // size}",
                edges=edges,
                broken=(),
                orphan=False,
                dead_end=False,
            )
        )
    return NavigationGraph(tuple(nodes), ())


def ends(d: str) -> tuple[tuple[int, int], tuple[int, int]]:
    numbers = [int(n) for n in NUMBER.findall(d)]
    return (numbers[0], numbers[1]), (numbers[-2], numbers[-1])


def on_side(point: tuple[int, int], box) -> bool:
    x, y = point
    return x in (box.x, box.x + NODE_WIDTH) and box.y <= y <= box.y + NODE_HEIGHT


@pytest.mark.parametrize(("size", "chapters"), [(50, 1), (50, 3), (500, 1), (500, 10)])
def test_pages_keep_their_size_and_never_overlap(size, chapters):
    layout = lay_out(synthetic_graph(size, chapters))

    assert len(layout.boxes) == size
    places = {(box.x, box.y) for box in layout.boxes}
    assert len(places) == size
    for box in layout.boxes:
        assert (box.width, box.height) == (NODE_WIDTH, NODE_HEIGHT)
        assert 0 < box.x < box.x + NODE_WIDTH < layout.width
        assert 0 < box.y < box.y + NODE_HEIGHT < layout.height
        assert box.row < MAX_ROWS
        assert len(box.label) <= 28
    for along, size_along in (("x", NODE_WIDTH), ("y", NODE_HEIGHT)):
        starts = sorted({getattr(box, along) for box in layout.boxes})
        assert all(b - a > size_along for a, b in pairwise(starts))


@pytest.mark.parametrize(
    ("size", "chapters", "columns"), [(50, 1, 2), (50, 3, 3), (500, 1, 17), (500, 10, 20)]
)
def test_the_picture_grows_wide_not_tall(size, chapters, columns):
    layout = lay_out(synthetic_graph(size, chapters))

    assert len({box.column for box in layout.boxes}) == columns
    assert layout.height < 1400


def test_reading_order_runs_down_each_column_then_across():
    boxes = lay_out(synthetic_graph(50, 1)).boxes

    assert [(box.column, box.row) for box in boxes] == [(n // 25, n % 25) for n in range(50)]


def test_each_chapter_starts_its_own_columns_under_a_heading():
    layout = lay_out(synthetic_graph(50, 3))

    assert [heading.text for heading in layout.headings] == ["Part 0", "Part 1", "Part 2"]
    columns = {}
    for box in layout.boxes:
        columns.setdefault(box.node.chapter, set()).add(box.column)
    assert columns == {"Part 0": {0}, "Part 1": {1}, "Part 2": {2}}
    assert [heading.x for heading in layout.headings] == [
        min(box.x for box in layout.boxes if box.column == column) for column in (0, 1, 2)
    ]


def test_every_arrow_runs_from_its_page_to_its_target():
    graph = synthetic_graph(500, 10)
    layout = lay_out(graph)
    boxes = layout.boxes

    assert [arrow.edge for arrow in layout.arrows] == graph.edges
    for arrow in layout.arrows:
        start, end = ends(arrow.d)
        source = boxes[int(arrow.edge.origin[1:-5])]
        assert on_side(start, source)
        if arrow.edge.node_index is None:
            assert arrow.kind == "out"
            assert end[0] > source.x + NODE_WIDTH
        elif boxes[arrow.edge.node_index] is not source:
            target = boxes[arrow.edge.node_index]
            assert on_side(end, target)
            if target.column == source.column:
                far = abs(target.row - source.row) > 8
            else:
                far = abs(target.column - source.column) > 1
            assert arrow.kind == ("long" if far else "near")
