"""The only HTML the plugin writes in Python: the navigation map's two SVG pictures.

A site's map has hundreds of boxes and arrows; the map page's template
prints each picture from here in one piece, in a box of its own that
scrolls, and writes everything else itself. The pictures take the page's
text colour (``currentColor``) for their lines, boxes and words, and use
only colours that read on a light and a dark background for the marks.
Every value is escaped.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from markupsafe import Markup, escape

from pelican_choices.graph import NavigationGraph, Node
from pelican_choices.layout import Arrow, Box, MapLayout, Picture
from pelican_choices.overview import Group

# Mid-tone colours, of at least 3:1 against white and against black.
ORPHAN = "#b7791f"
DEAD_END = "#e53e3e"
OUTSIDE = "#3182ce"
# The looks of a box, each one over the one before: a page, an orphan, a dead end, and
# a page outside the reading order.
BOX = {"fill": "currentColor", "fill-opacity": "0.07", "stroke": "currentColor"}
ORPHAN_LOOK = {"fill": ORPHAN, "fill-opacity": "0.25", "stroke": ORPHAN, "stroke-width": "2"}
DEAD_END_LOOK = {"stroke": DEAD_END, "stroke-width": "2.5"}
UNORDERED_LOOK = {"stroke-dasharray": "4 3"}
BADGE = f'fill="{DEAD_END}"'
SCROLL_STYLE = "overflow:auto;max-height:85vh;max-width:100%;box-sizing:border-box"
SVG_STYLE = "max-width:none;height:auto;display:block;overflow:visible"


def _look(*looks: dict[str, str]) -> str:
    """The attributes of a box's rectangle, the later looks over the earlier ones."""
    merged: dict[str, str] = {}
    for look in looks:
        merged.update(look)
    return " ".join(f'{name}="{value}"' for name, value in merged.items())


def _heads(name: str) -> str:
    """The arrowheads of one picture: for its lines, and for the choices that leave the map."""
    return (
        "<defs>"
        f'<marker id="{name}-head" viewBox="0 0 10 10" refX="9" refY="5" '
        'markerUnits="userSpaceOnUse" markerWidth="6" markerHeight="6" orient="auto">'
        '<path d="M0 1L10 5L0 9z" fill="currentColor"/></marker>'
        f'<marker id="{name}-head-out" viewBox="0 0 10 10" refX="9" refY="5" '
        'markerUnits="userSpaceOnUse" markerWidth="6" markerHeight="6" orient="auto">'
        f'<path d="M0 1L10 5L0 9z" fill="{OUTSIDE}"/></marker>'
        "</defs>"
    )


PAGES_KEY = (
    '<g class="choices-map-key" transform="translate(16 14)">'
    f'<rect x="0" y="0" width="24" height="13" rx="3" {_look(BOX)}/>'
    '<text x="32" y="11">A page, numbered in the reading order: it links to its entry below</text>'
    f'<rect x="0" y="20" width="24" height="13" rx="3" {_look(BOX, UNORDERED_LOOK)}/>'
    '<text x="32" y="31">A page outside the reading order</text>'
    f'<rect x="0" y="40" width="24" height="13" rx="3" {_look(BOX, ORPHAN_LOOK)}/>'
    '<text x="32" y="51">Orphan: no other page leads here</text>'
    f'<rect x="0" y="60" width="24" height="13" rx="3" {_look(BOX, DEAD_END_LOOK)}/>'
    '<text x="32" y="71">Dead end: no valid choice leads on</text>'
    f'<circle cx="12" cy="87" r="7" {BADGE}/>'
    '<text x="32" y="91">Broken choices, and how many</text>'
    '<path d="M0 104H12V112H22" fill="none" stroke="currentColor" '
    'marker-end="url(#choices-map-pages-head)"/>'
    '<text x="32" y="111">A choice: down the column on the right, up it on the left</text>'
    f'<path d="M0 127H22" fill="none" stroke="{OUTSIDE}" stroke-dasharray="3 2" '
    'marker-end="url(#choices-map-pages-head-out)"/>'
    '<text x="32" y="131">A choice that leaves the map: a file, a listing, another site</text>'
    "</g>"
)
CHAPTERS_KEY = (
    '<g class="choices-map-key" transform="translate(16 14)">'
    f'<rect x="0" y="0" width="24" height="13" rx="3" {_look(BOX)}/>'
    '<text x="32" y="11">A group of pages: it links to its list below</text>'
    '<path d="M0 20H12V30H22" fill="none" stroke="currentColor" stroke-width="3" '
    'marker-end="url(#choices-map-chapters-head)"/>'
    '<text x="32" y="31">Choices from one group to another, their number at the start</text>'
    '<text x="32" y="49">(down the column on the right, up it on the left)</text>'
    "</g>"
)


def map_picture(layout: MapLayout, graph: NavigationGraph, which: str) -> Markup:
    """The ``chapters`` or ``pages`` picture of the map in its scrolling box; ``""`` without it."""
    picture = layout.chapters if which == "chapters" else layout.pages
    if picture is None:
        return Markup("")
    if which == "chapters":
        label = "Picture of the groups of pages and the choices between them"
        key, boxes = CHAPTERS_KEY, _group_boxes(picture.boxes, layout.overview.groups)
        lines = _link_paths(picture.arrows, layout.overview.groups)
    else:
        label = "Picture of every page and its choices"
        key, boxes = PAGES_KEY, _page_boxes(picture.boxes, graph.nodes)
        lines = _edge_paths(picture, graph.nodes)
    name = f"choices-map-{which}"
    headings = "".join(
        f'<text class="choices-map-heading" x="{heading.x}" y="{heading.y}" '
        f'font-weight="bold">{escape(heading.text)}</text>'
        for heading in picture.headings
    )
    return Markup(
        f'<div class="choices-map-picture {name}" role="region" aria-label="{label}" '
        f'tabindex="0" style="{SCROLL_STYLE}">\n'
        f'<svg class="choices-map-svg" xmlns="http://www.w3.org/2000/svg" '
        f'width="{picture.width}" height="{picture.height}" '
        f'viewBox="0 0 {picture.width} {picture.height}" '
        f'aria-labelledby="{name}-title" font-size="12" fill="currentColor" '
        f'style="{SVG_STYLE}">\n<title id="{name}-title">{label}</title>\n'
        f"{_heads(name)}\n{key}{headings}\n{lines}\n"
        f'<g class="choices-map-nodes">{boxes}</g>\n</svg>\n</div>'
    )


def _edge_paths(picture: Picture, nodes: tuple[Node, ...]) -> str:
    """The choices between pages in one group, those leaving the map dashed in another."""
    inside = "".join(_edge_path(arrow, nodes) for arrow in picture.arrows_of("down", "up", "self"))
    out = "".join(_edge_path(arrow, nodes) for arrow in picture.arrows_of("out"))
    return (
        '<g class="choices-map-edges" fill="none" stroke="currentColor" stroke-width="1.2" '
        'stroke-opacity="0.75" marker-end="url(#choices-map-pages-head)">'
        f'<g class="choices-map-edges-in">{inside}</g>'
        f'<g class="choices-map-edges-out" stroke="{OUTSIDE}" stroke-opacity="1" '
        'stroke-dasharray="3 2" marker-end="url(#choices-map-pages-head-out)">'
        f"{out}</g></g>"
    )


def _edge_path(arrow: Arrow, nodes: tuple[Node, ...]) -> str:
    edge = arrow.data
    origin = nodes[edge.origin_index].title or edge.origin
    says = f"{origin} \u2192 {edge.title}: choice {edge.choice.number}, \u201c{edge.text}\u201d"
    return (
        f'<path class="choices-map-edge" data-from="{escape(edge.origin)}" '
        f'data-to="{escape(edge.to)}" d="{arrow.d}"><title>{escape(says)}</title></path>'
    )


def _link_paths(arrows: Iterable[Arrow], groups: tuple[Group, ...]) -> str:
    """The links between groups, each as wide as its count asks, the count at its start."""
    paths, counts = [], []
    for arrow in arrows:
        link = arrow.data
        origin, target = groups[link.origin].title, groups[link.target].title
        width = min(4.0, 0.8 + 0.8 * math.log2(link.count))
        says = f"{origin} \u2192 {target}: {_count(link.count, 'choice')}"
        paths.append(
            f'<path class="choices-map-link" data-from="{escape(origin)}" '
            f'data-to="{escape(target)}" data-count="{link.count}" stroke-width="{width:.1f}" '
            f'd="{arrow.d}"><title>{escape(says)}</title></path>'
        )
        x, y, anchor = arrow.label
        counts.append(f'<text x="{x}" y="{y}" text-anchor="{anchor}">{link.count}</text>')
    return (
        '<g class="choices-map-links" fill="none" stroke="currentColor" stroke-opacity="0.75" '
        f'marker-end="url(#choices-map-chapters-head)">{"".join(paths)}</g>'
        f'<g class="choices-map-counts" font-size="10">{"".join(counts)}</g>'
    )


def _page_boxes(boxes: Iterable[Box], nodes: tuple[Node, ...]) -> str:
    """One ``a.choices-map-node`` per page: its rectangle, its label and its broken-choice badge."""
    return "".join(_page_box(box, nodes[box.item]) for box in boxes)


def _page_box(box: Box, node: Node) -> str:
    classes = "choices-map-node"
    title = str(escape(node.title))
    looks = [BOX]
    if node.orphan:
        classes += " choices-map-orphan"
        title += "; orphan"
        looks.append(ORPHAN_LOOK)
    if node.dead_end:
        classes += " choices-map-dead-end"
        title += "; dead end"
        looks.append(DEAD_END_LOOK)
    if not node.position:
        classes += " choices-map-unordered"
        looks.append(UNORDERED_LOOK)
    badge = ""
    if node.broken:
        classes += " choices-map-has-broken"
        broken = len(node.broken)
        title += f"; {_count(broken, 'broken choice')}"
        right = box.x + box.width
        badge = (
            f'<circle class="choices-map-broken" cx="{right}" cy="{box.y}" r="8" {BADGE}/>'
            f'<text x="{right}" y="{box.y + 4}" fill="#ffffff" font-size="10" '
            f'font-weight="bold" text-anchor="middle">{broken}</text>'
        )
    middle = box.y + box.height // 2
    return (
        f'<a class="{classes}" href="#choices-map-p{box.item + 1}"><title>{title}</title>'
        f'<rect x="{box.x}" y="{box.y}" width="{box.width}" height="{box.height}" rx="4" '
        f"{_look(*looks)}/>"
        f'<text x="{box.x + 8}" y="{middle + 4}">{escape(box.label)}</text>{badge}</a>'
    )


def _group_boxes(boxes: Iterable[Box], groups: tuple[Group, ...]) -> str:
    """One ``a.choices-map-group`` per group: its title, its size and its problems."""
    return "".join(_group_box(box, groups[box.item]) for box in boxes)


def _group_box(box: Box, group: Group) -> str:
    size = f"{_count(len(group.nodes), 'page')}, {_count(group.inside, 'choice')} inside"
    flags = ", ".join(
        _count(number, name)
        for number, name in (
            (group.orphans, "orphan"),
            (group.dead_ends, "dead end"),
            (group.broken, "broken choice"),
        )
        if number
    )
    title = escape(f"{group.title}: {size}" + (f"; {flags}" if flags else ""))
    flagged = f'<text x="{box.x + 10}" y="{box.y + 50}">{escape(flags)}</text>' if flags else ""
    return (
        f'<a class="choices-map-group" href="#choices-map-g{box.item + 1}"><title>{title}</title>'
        f'<rect x="{box.x}" y="{box.y}" width="{box.width}" height="{box.height}" rx="5" '
        f"{_look(BOX)}/>"
        f'<text x="{box.x + 10}" y="{box.y + 18}" font-weight="bold">{escape(box.label)}</text>'
        f'<text x="{box.x + 10}" y="{box.y + 34}">{escape(size)}</text>{flagged}</a>'
    )


def _count(number: int, name: str) -> str:
    """``1 orphan``, ``2 orphans``."""
    return f"{number} {name}{'' if number == 1 else 's'}"
