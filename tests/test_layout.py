"""The map's layout: every arrow in its own lane with its own ends, at any size the map draws."""

from __future__ import annotations

import random
import re
from itertools import combinations, pairwise

import pytest

from pelican_choices.choices import Choice
from pelican_choices.graph import Edge, NavigationGraph, Node
from pelican_choices.layout import PAGE_PICTURE_LIMIT, Picture, lay_out

NUMBER = re.compile(r"-?\d+(?:\.\d+)?")


def choice(number: int, link: str) -> Choice:
    external = link.startswith("https:")
    return Choice(
        number=number, text=link, icon=None, target=None, external=external, address=link, site={}
    )


def synthetic_graph(
    size: int, chapters: int = 1, seed: int = 7, hub: bool = False, ordered: int | None = None
) -> NavigationGraph:
    """``size`` pages in reading order, three choices each, mostly to the next few pages.

    Every page also leads outside; with ``hub``, every page leads to the first one too,
    and the first one to itself. With ``ordered``, only that many have a sort-order.
    """
    ordered = size if ordered is None else ordered
    chance = random.Random(seed)
    edges_of: list[list[tuple[int | None, str]]] = []
    for number in range(size):
        targets: list[tuple[int | None, str]] = [
            (
                min(size - 1, number + chance.randint(1, 5))
                if chance.random() < 0.8
                else chance.randrange(size),
                "",
            )
            for _ in range(3)
        ]
        if hub:
            targets.append((0, ""))
        targets.append((None, "https://example.org/"))
        edges_of.append(targets)
    edges = [
        tuple(
            Edge(
                origin=f"p{number}.html",
                origin_index=number,
                node_index=target,
                title=link or f"Page {target}",
                choice=choice(k, link or f"p{target}.html"),
                text="to",
            )
            for k, (target, link) in enumerate(targets, 1)
        )
        for number, targets in enumerate(edges_of)
    ]
    incoming: list[list[Edge]] = [[] for _ in range(size)]
    for found in edges:
        for edge in found:
            if edge.node_index is not None:
                incoming[edge.node_index].append(edge)
    nodes = tuple(
        Node(
            url=f"p{number}.html",
            title=f"A page with a rather long title, number {number}",
            source=f"pages/p{number}.md",
            sort_order=str(number + 1) if number < ordered else None,
            position=number + 1 if number < ordered else None,
            chapter=f"Part {number * chapters // size}" if chapters > 1 else "",
            edges=edges[number],
            incoming=tuple(incoming[number]),
            broken=(),
            orphan=False,
            dead_end=False,
        )
        for number in range(size)
    )
    return NavigationGraph(nodes, ())


def ends(arrow) -> tuple[tuple[float, float], tuple[float, float]]:
    """Where an arrow starts and where it ends."""
    n = [float(number) for number in NUMBER.findall(arrow.d)]
    if arrow.kind == "out":  # M x y h length
        return (n[0], n[1]), (n[0] + n[2], n[1])
    if arrow.kind == "self":  # M x y C x1 y1 x2 y2 x y
        return (n[0], n[1]), (n[-2], n[-1])
    # M side start H . Q lane start lane . V . Q lane end . end H side
    return (n[0], n[1]), (n[12], n[11])


def segments(arrow) -> list[tuple[tuple[float, float], tuple[float, float]]]:
    """The three straight parts of an arrow between two boxes, its turns squared:
    out of its box, along its lane, into its target."""
    n = [float(number) for number in NUMBER.findall(arrow.d)]
    (side, start), (_, end), lane = (n[0], n[1]), (n[12], n[11]), n[3]
    return list(pairwise([(side, start), (lane, start), (lane, end), (side, end)]))


def box_of(picture: Picture, item: int):
    return next(box for box in picture.boxes if box.item == item)


def on_side(point: tuple[float, float], box, side: str) -> bool:
    x, y = point
    edge = box.x + box.width if side == "right" else box.x
    return x == edge and box.y < y < box.y + box.height


SIZES = [(10, 1), (40, 3), (PAGE_PICTURE_LIMIT, 8)]


@pytest.mark.parametrize(("size", "chapters"), SIZES)
def test_pages_stand_in_one_column_by_chapter_and_never_overlap(size, chapters):
    graph = synthetic_graph(size, chapters)
    picture = lay_out(graph).pages

    assert [box.item for box in picture.boxes] == list(range(size))
    assert len({box.x for box in picture.boxes}) == 1
    for above, below in pairwise(picture.boxes):
        assert above.y + above.height < below.y
    for box in picture.boxes:
        assert 0 < box.x < box.x + box.width < picture.width
        assert 0 < box.y < box.y + box.height < picture.height
        assert len(box.label) <= 30
    headings = [heading.text for heading in picture.headings]
    assert headings == ([f"Part {n}" for n in range(chapters)] if chapters > 1 else [])


@pytest.mark.parametrize(("size", "chapters"), SIZES)
def test_every_arrow_runs_from_its_page_to_its_target(size, chapters):
    graph = synthetic_graph(size, chapters, hub=True)
    picture = lay_out(graph).pages

    assert [arrow.data for arrow in picture.arrows] == graph.edges
    for arrow in picture.arrows:
        edge = arrow.data
        source = box_of(picture, edge.origin_index)
        start, end = ends(arrow)
        if edge.node_index is None:
            assert arrow.kind == "out"
            assert on_side(start, source, "right")
            assert end[0] > start[0]
            continue
        target = box_of(picture, edge.node_index)
        side = "right" if target.y > source.y else "left"
        assert arrow.kind == {"right": "down", "left": "up"}[side] or target is source
        if target is source:
            assert arrow.kind == "self"
            side = "left"
        assert on_side(start, source, side), arrow
        assert on_side(end, target, side), arrow


@pytest.mark.parametrize(("size", "chapters"), SIZES)
def test_no_two_arrows_of_a_box_share_an_end_point(size, chapters):
    picture = lay_out(synthetic_graph(size, chapters, hub=True)).pages

    points = []
    for arrow in picture.arrows:
        start, end = ends(arrow)
        points.append(start)
        if arrow.kind != "out":
            points.append(end)
    assert len(points) == len(set(points))
    hub = box_of(picture, 0)
    assert hub.height > picture.boxes[1].height  # every page leads to it: it grows


@pytest.mark.parametrize(("size", "chapters"), SIZES)
def test_no_two_arrows_run_along_each_other(size, chapters):
    picture = lay_out(synthetic_graph(size, chapters, hub=True)).pages

    along = [segments(arrow)[1] for arrow in picture.arrows if arrow.kind in ("down", "up")]
    for (a_top, a_bottom), (b_top, b_bottom) in combinations(along, 2):
        if a_top[0] == b_top[0]:  # the same lane
            a_low, a_high = sorted((a_top[1], a_bottom[1]))
            b_low, b_high = sorted((b_top[1], b_bottom[1]))
            assert a_high < b_low or b_high < a_low
    lanes = [segment[0][0] for segment in along]
    assert max(lanes) < picture.width
    assert min(lanes) > 0


@pytest.mark.parametrize(("size", "chapters"), SIZES)
def test_the_arrows_of_a_box_do_not_cross_each_other_there(size, chapters):
    """Where two arrows meet one box's side, neither one's short part crosses the other's lane."""
    picture = lay_out(synthetic_graph(size, chapters, hub=True)).pages
    arrows = [arrow for arrow in picture.arrows if arrow.kind in ("down", "up")]
    at: dict[tuple[int, str], list] = {}
    for arrow in arrows:
        edge = arrow.data
        for item in (edge.origin_index, edge.node_index):
            at.setdefault((item, arrow.kind), []).append(arrow)

    def crosses(short, long) -> bool:
        (x1, y), (x2, _) = short
        (lane, top), (_, bottom) = long
        low, high = sorted((top, bottom))
        return min(x1, x2) < lane < max(x1, x2) and low < y < high

    for (item, _), meeting in at.items():
        box = box_of(picture, item)
        for first, second in combinations(meeting, 2):
            for a, b in ((first, second), (second, first)):
                parts, lane = segments(a), segments(b)[1]
                for short in (parts[0], parts[2]):
                    if box.y <= short[0][1] <= box.y + box.height:
                        assert not crosses(short, lane), (item, a.data, b.data)


def test_nearer_lanes_hold_the_shorter_arrows():
    # 0 -> 3 spans 0 -> 1 and 1 -> 2: those run inside it.
    graph = synthetic_graph(4)
    picture = lay_out(graph).pages
    down = {
        (arrow.data.origin_index, arrow.data.node_index): segments(arrow)[1][0][0]
        for arrow in picture.arrows_of("down")
    }
    for (origin, target), lane in down.items():
        for (other_origin, other_target), other_lane in down.items():
            if origin < other_origin and other_target < target:
                assert other_lane < lane


def test_the_pages_picture_is_drawn_up_to_the_limit_only():
    assert lay_out(synthetic_graph(PAGE_PICTURE_LIMIT)).pages is not None
    above = lay_out(synthetic_graph(PAGE_PICTURE_LIMIT + 1))
    assert above.pages is None
    assert above.limit == PAGE_PICTURE_LIMIT


def test_a_large_site_without_chapters_gets_runs_of_its_reading_order():
    layout = lay_out(synthetic_graph(120))

    assert [group.title for group in layout.overview.groups] == [
        "Pages 1\u201325",
        "Pages 26\u201350",
        "Pages 51\u201375",
        "Pages 76\u2013100",
        "Pages 101\u2013120",
    ]
    assert [len(box_of(layout.chapters, n).label) > 0 for n in range(5)] == [True] * 5


def test_pages_outside_the_reading_order_make_runs_of_their_own_when_many():
    layout = lay_out(synthetic_graph(90, ordered=30))

    assert [(group.title, len(group.nodes)) for group in layout.overview.groups] == [
        ("Pages 1\u201325", 25),
        ("Pages 26\u201330", 5),
        ("Outside the reading order, 1\u201325", 25),
        ("Outside the reading order, 26\u201350", 25),
        ("Outside the reading order, 51\u201360", 10),
    ]
    few = lay_out(synthetic_graph(70, ordered=60)).overview.groups
    assert [group.title for group in few][-1] == "Outside the reading order"


def test_the_chapters_picture_counts_the_choices_between_chapters():
    graph = synthetic_graph(1000, 10)
    layout = lay_out(graph)
    groups, links = layout.overview.groups, layout.overview.links

    assert [group.title for group in groups] == [f"Part {n}" for n in range(10)]
    assert sum(link.count for link in links) + sum(group.inside for group in groups) == 3000
    assert [arrow.data for arrow in layout.chapters.arrows] == list(links)
    points = [point for arrow in layout.chapters.arrows for point in ends(arrow)]
    assert len(points) == len(set(points))
    for arrow in layout.chapters.arrows:
        link = arrow.data
        start, end = ends(arrow)
        side = "right" if link.target > link.origin else "left"
        assert on_side(start, box_of(layout.chapters, link.origin), side)
        assert on_side(end, box_of(layout.chapters, link.target), side)
    assert layout.chapters.width < 1200
    assert layout.chapters.height < 2000
