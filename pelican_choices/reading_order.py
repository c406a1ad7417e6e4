"""The site's reading order, from ``sort-order`` metadata read as section numbers."""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import pairwise

from pelican.contents import Content

from pelican_choices.metadata import MAX_DIGITS, metadata_text
from pelican_choices.problems import Problem, Reporter
from pelican_choices.site import SiteIndex

SECTION_NUMBER = re.compile(r"[0-9]+(?:\.[0-9]+)*")


def section_number(value: str) -> tuple[int, ...] | None:
    """``"021"`` is (21,), ``"2.10"`` is (2, 10); None when it is not a section number."""
    if not SECTION_NUMBER.fullmatch(value):
        return None
    parts = [part.lstrip("0") or "0" for part in value.split(".")]
    if any(len(part) > MAX_DIGITS for part in parts):
        return None
    return tuple(int(part) for part in parts)


def reading_order(
    contents: Iterable[Content],
    key: str,
    reporter: Reporter,
    site: SiteIndex,
) -> list[Content]:
    """The contents that have a ``key`` value, in reading order.

    Section numbers come first, compared part by part; other values follow in
    string order, each reported. Ties go by title, then by source path, so the
    order never depends on the order of the files.
    """
    ranked = []
    for content in contents:
        if key not in content.metadata:
            continue
        source = site.source(content)
        value = metadata_text(content.metadata[key], key, source, reporter)
        if not value:
            continue
        number = section_number(value)
        if number is None:
            reporter.report(
                Problem(
                    source,
                    key,
                    value,
                    "is not a section number such as 3, 021 or 2.10; "
                    "it is placed after the numbered pages",
                )
            )
            rank = (1, (), value)
        else:
            rank = (0, number, "")
        ranked.append((rank, str(getattr(content, "title", "")), source, content))
    ranked.sort(key=lambda entry: entry[:3])
    return [entry[3] for entry in ranked]


def link_neighbours(order: list[Content], contents: Iterable[Content], site: SiteIndex) -> None:
    """Give every content its neighbours in the reading order, and their URLs.

    ``prev_in_order`` and ``next_in_order`` are None outside the order, and
    so are ``prev_in_order_url`` and ``next_in_order_url``: the URL Pelican
    would give, worked out once rather than on every use.
    """
    for content in contents:
        content.prev_in_order = content.next_in_order = None
        content.prev_in_order_url = content.next_in_order_url = None
    for before, after in pairwise(order):
        before.next_in_order, before.next_in_order_url = after, site.url(after)
        after.prev_in_order, after.prev_in_order_url = before, site.url(before)
