"""The only HTML the plugin writes in Python: the navigation map's SVG picture.

A large site's map has thousands of boxes and arrows; the map page's
template prints the picture from here in one piece, and writes everything
else itself. Every value is escaped.
"""

from __future__ import annotations

from collections.abc import Iterable

from markupsafe import Markup, escape

from pelican_choices.layout import Arrow, Box, MapLayout

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


def map_picture(layout: MapLayout, siteurl: object) -> Markup:
    """The map's ``svg.choices-map-svg`` in a scrolling box: its key, headings, arrows and pages."""
    width, height = layout.width, layout.height
    near, long, out = (_edge_paths(layout.arrows_of(kind)) for kind in ("near", "long", "out"))
    headings = "".join(
        f'\n<text class="choices-map-heading" x="{heading.x}" y="{heading.y}" '
        f'font-weight="bold" fill="#1a202c">{escape(heading.text)}</text>'
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
        f'</g>\n<g class="choices-map-nodes">{_node_links(layout.boxes, siteurl)}</g>\n'
        "</svg>\n</div>"
    )


def _edge_paths(arrows: Iterable[Arrow]) -> Markup:
    """One ``path.choices-map-edge`` per arrow (``d`` holds only numbers and letters)."""
    return Markup(
        "".join(
            f'<path class="choices-map-edge" data-from="{escape(arrow.edge.origin)}" '
            f'data-to="{escape(arrow.edge.to)}" d="{arrow.d}"/>'
            for arrow in arrows
        )
    )


def _node_links(boxes: Iterable[Box], siteurl: object) -> Markup:
    """One ``a.choices-map-node`` per page: its rectangle, its label and its broken-choice badge."""
    return Markup("".join(_node_link(box, siteurl) for box in boxes))


def _node_link(box: Box, siteurl: object) -> str:
    node = box.node
    classes = "choices-map-node"
    title = str(escape(node.title))
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
        broken = len(node.broken)
        title += f"; {broken} broken choice{'' if broken == 1 else 's'}"
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
        f'<a class="{classes}" href="{escape(siteurl)}/{escape(node.url)}"><title>{title}</title>\n'
        f'<rect x="{box.x}" y="{box.y}" width="{box.width}" height="{box.height}" rx="4" '
        f'fill="{fill}" stroke="{stroke}"{outline}/>\n'
        f'<text x="{box.x + 8}" y="{box.middle + 4}" fill="#1a202c">{escape(box.label)}</text>'
        f"{badge}</a>"
    )
