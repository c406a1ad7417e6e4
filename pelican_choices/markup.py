"""The markup the partials print: the choices of a page, and the rows of the navigation map.

A template writes markup one value at a time, each through several layers
of Jinja; for the few dozen values of a page's choices and the thousands of
rows of a large map, that costs more than the rest of the plugin's work in
a build. So the partials keep the page's structure and print these from
here, one string each. Every value is escaped as ``|e`` does.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from markupsafe import Markup, escape

if TYPE_CHECKING:
    from pelican_choices.choices import Choice
    from pelican_choices.graph import NavigationGraph, Node
    from pelican_choices.icons import Icon
    from pelican_choices.layout import Arrow, Box, MapLayout
    from pelican_choices.problems import Problem

HIDDEN = 'aria-hidden="true" focusable="false"'
# The map's title, arrowheads, background and key.
MAP_LEGEND = (
    '<title id="choices-map-svg-title">Navigation map: every page and where its choices '
    "lead</title>\n"
    "<defs>\n"
    '<marker id="choices-map-arrow" viewBox="0 0 10 10" refX="10" refY="5" '
    'markerWidth="5" markerHeight="5" orient="auto"><path d="M0 0L10 5L0 10z" '
    'fill="#4a5568"/></marker>\n'
    '<marker id="choices-map-arrow-out" viewBox="0 0 10 10" refX="10" refY="5" '
    'markerWidth="5" markerHeight="5" orient="auto"><path d="M0 0L10 5L0 10z" '
    'fill="#2b6cb0"/></marker>\n'
    "</defs>\n"
    '<rect class="choices-map-background" width="100%" height="100%" fill="#ffffff"/>\n'
    '<g class="choices-map-legend" fill="#1a202c" transform="translate(16 16)">\n'
    '<rect x="0" y="0" width="24" height="14" rx="3" fill="#edf2f7" '
    'stroke="#4a5568"/><text x="32" y="11">A page, numbered in the reading order</text>\n'
    '<rect x="0" y="20" width="24" height="14" rx="3" fill="#edf2f7" stroke="#4a5568" '
    'stroke-dasharray="4 3"/><text x="32" y="31">A page outside the reading order</text>\n'
    '<rect x="0" y="40" width="24" height="14" rx="3" fill="#fefcbf" '
    'stroke="#b7791f"/><text x="32" y="51">Orphan: no other page leads here</text>\n'
    '<rect x="0" y="60" width="24" height="14" rx="3" fill="#edf2f7" stroke="#c53030" '
    'stroke-width="2.5"/><text x="32" y="71">Dead end: no valid choice leads on</text>\n'
    '<circle cx="12" cy="87" r="7" fill="#c53030"/><text x="32" y="91">Broken choices, '
    "and how many</text>\n"
    '<path d="M0 107H22" stroke="#4a5568" marker-end="url(#choices-map-arrow)"/><text '
    'x="32" y="111">A choice; faint: spans far; dashed: leaves the map</text>\n'
    "</g>"
)


def choices_nav(
    choices: Iterable[Choice], icons: Iterable[Icon], label: object, credit: object
) -> Markup:
    """``nav.choices``: a sprite with each icon once (and the credit), then a button per choice."""
    parts = [f'<nav class="choices" aria-label="{_e(label)}">']
    symbols = [icon.symbol_markup for icon in icons]
    if symbols:
        parts.append(
            '<svg class="choices-symbols" width="0" height="0" '
            f'style="position:absolute;overflow:hidden" {HIDDEN}>'
        )
        if credit:
            parts.append(f"<!-- {_e(str(credit).replace('--', '- -'))} -->")
        parts.extend(symbols)
        parts.append("</svg>")
    parts.append('<ul class="choices-list">')
    for choice in choices:
        external = " choice-external" if choice.external else ""
        icon = choice.icon.use_markup if choice.icon else ""
        parts.append(
            f'<li class="choices-item"><a class="choice{external}" href="{_e(choice.url)}">'
            f'{icon}<span class="choice-text">{_e(choice.text)}</span></a></li>'
        )
    parts.append("</ul>\n</nav>")
    return Markup("".join(parts))


def symbol(icon: Icon) -> str:
    """An icon's glyph as a ``<symbol>``, the same on every page."""
    paths = "".join(f'<path d="{_e(path)}"/>' for path in icon.paths)
    return (
        f'<symbol id="choices-{_e(icon.symbol_id)}" viewBox="{_e(icon.view_box)}">{paths}</symbol>'
    )


def icon_use(icon: Icon) -> str:
    """An icon in a button: its modifiers as classes and its size, using its ``<symbol>``."""
    classes = f" {_e(icon.classes)}" if icon.classes else ""
    return (
        f'<svg class="choice-icon{classes}" width="{icon.size}" height="{icon.size}" '
        f'fill="currentColor" {HIDDEN}><use href="#choices-{_e(icon.symbol_id)}"/></svg>'
    )


def map_picture(layout: MapLayout, siteurl: object) -> Markup:
    """The map's ``svg.choices-map-svg`` in a scrolling box: its key, headings, arrows and pages."""
    width, height = layout.width, layout.height
    near, long, out = (edge_paths(layout.arrows_of(kind)) for kind in ("near", "long", "out"))
    headings = "".join(
        f'\n<text class="choices-map-heading" x="{heading.x}" y="{heading.y}" '
        f'font-weight="bold" fill="#1a202c">{_e(heading.text)}</text>'
        for heading in layout.headings
    )
    return Markup(
        '<div class="choices-map-scroll" role="region" aria-label="Navigation map picture" '
        'tabindex="0" style="overflow:auto">\n'
        '<svg class="choices-map-svg" xmlns="http://www.w3.org/2000/svg" '
        f'width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        'aria-labelledby="choices-map-svg-title" font-family="sans-serif" font-size="12" '
        f'style="max-width:none">\n{MAP_LEGEND}{headings}\n'
        '<g class="choices-map-edges" fill="none" stroke="#4a5568" stroke-width="1.2" '
        'marker-end="url(#choices-map-arrow)">\n'
        f'<g class="choices-map-edges-near" opacity="0.75">{near}</g>\n'
        f'<g class="choices-map-edges-long" opacity="0.25">{long}</g>\n'
        '<g class="choices-map-edges-out" stroke="#2b6cb0" stroke-dasharray="3 2" '
        f'marker-end="url(#choices-map-arrow-out)">{out}</g>\n'
        f'</g>\n<g class="choices-map-nodes">{node_links(layout.boxes, siteurl)}</g>\n'
        "</svg>\n</div>"
    )


def edge_paths(arrows: Iterable[Arrow]) -> Markup:
    """One ``path.choices-map-edge`` per arrow (``d`` holds only numbers and letters)."""
    return Markup(
        "".join(
            f'<path class="choices-map-edge" data-from="{_e(arrow.edge.origin)}" '
            f'data-to="{_e(arrow.edge.to)}" d="{arrow.d}"/>'
            for arrow in arrows
        )
    )


def node_links(boxes: Iterable[Box], siteurl: object) -> Markup:
    """One ``a.choices-map-node`` per page: its rectangle, its label and its broken-choice badge."""
    return Markup("".join(_node_link(box, siteurl) for box in boxes))


def _node_link(box: Box, siteurl: object) -> str:
    node = box.node
    classes = "choices-map-node"
    title = _e(node.title)
    if node.orphan:
        classes += " choices-map-orphan"
        title += "; orphan"
    if node.dead_end:
        classes += " choices-map-dead-end"
        title += "; dead end"
    if not node.position:
        classes += " choices-map-unordered"
    badge = ""
    if node.broken:
        classes += " choices-map-has-broken"
        title += f"; {count(len(node.broken), 'broken choice', 'broken choices')}"
        right = box.x + box.width
        badge = (
            f'<circle class="choices-map-broken" cx="{right}" cy="{box.y}" r="8" fill="#c53030"/>'
            f'<text x="{right}" y="{box.y + 4}" fill="#ffffff" font-size="10" '
            f'font-weight="bold" text-anchor="middle">{len(node.broken)}</text>'
        )
    fill = "#fefcbf" if node.orphan else "#edf2f7"
    stroke = "#c53030" if node.dead_end else "#b7791f" if node.orphan else "#4a5568"
    outline = ' stroke-width="2.5"' if node.dead_end else ""
    if not node.position:
        outline += ' stroke-dasharray="4 3"'
    return (
        f'<a class="{classes}" href="{siteurl}/{_e(node.url)}"><title>{title}</title>\n'
        f'<rect x="{box.x}" y="{box.y}" width="{box.width}" height="{box.height}" rx="4" '
        f'fill="{fill}" stroke="{stroke}"{outline}/>\n'
        f'<text x="{box.x + 8}" y="{box.middle + 4}" fill="#1a202c">{_e(box.label)}</text>'
        f"{badge}</a>"
    )


def list_items(
    nodes: Iterable[Node], broken_elsewhere: Iterable[Problem], siteurl: object
) -> Markup:
    """The map in words: a ``li.choices-map-item`` per page, then the other broken choices."""
    rows = [_list_item(node, siteurl) for node in nodes]
    rows.extend(
        f'<li class="choices-map-broken-choice">Broken, in {_e(problem.source)}: '
        f"{_problem(problem)}</li>"
        for problem in broken_elsewhere
    )
    return Markup("".join(rows))


def _list_item(node: Node, siteurl: object) -> str:
    if node.position:
        where = f" (number {node.position} in the reading order)"
    else:
        where = " (outside the reading order)"
    if node.orphan:
        where += ' <strong class="choices-map-flag">Orphan: no other page leads here.</strong>'
    if node.dead_end:
        where += ' <strong class="choices-map-flag">Dead end: no valid choice leads on.</strong>'
    choices = ""
    if node.edges or node.broken:
        rows = [_edge_item(edge.choice, edge.title) for edge in node.edges]
        rows.extend(
            f'<li class="choices-map-broken-choice">Broken: {_problem(problem)}</li>'
            for problem in node.broken
        )
        choices = "<ul>" + "".join(rows) + "</ul>"
    return (
        f'<li class="choices-map-item"><a href="{siteurl}/{_e(node.url)}">'
        f"{_e(node.title)}</a>{where}{choices}</li>"
    )


def _edge_item(choice: Choice, title: str) -> str:
    outside = " (outside the site)" if choice.external else ""
    return (
        f"<li>Choice {choice.number}, \u201c{_e(choice.text)}\u201d, leads to "
        f'<a href="{_e(choice.url)}">{_e(title)}</a>{outside}</li>'
    )


def _problem(problem: Problem) -> str:
    return f"{_e(problem.key)} \u201c{_e(problem.value)}\u201d {_e(problem.reason)}"


def summary(graph: NavigationGraph) -> str:
    """How many pages, choices, broken choices, orphans and dead ends a graph has."""
    return ", ".join(
        (
            count(len(graph.nodes), "page", "pages"),
            count(len(graph.edges), "choice", "choices"),
            count(len(graph.broken), "broken choice", "broken choices"),
            count(len(graph.orphans), "orphan", "orphans"),
            count(len(graph.dead_ends), "dead end", "dead ends"),
        )
    )


def count(number: int, one: str, many: str) -> str:
    """``1 orphan``, ``2 orphans``."""
    return f"{number} {one if number == 1 else many}"


def _e(value: object) -> str:
    """``str(escape(value))``, skipping the work when there is nothing to escape."""
    # Five ``in`` tests take half the time of a regular expression search.
    if type(value) is str and not (
        "&" in value or "<" in value or ">" in value or '"' in value or "'" in value
    ):
        return value
    return str(escape(value))
