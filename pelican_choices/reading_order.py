"""The site's reading order, from ``sort-order`` metadata read as section codes or numbers."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from itertools import pairwise
from typing import Any, NamedTuple

from pelican.contents import Content

from pelican_choices.metadata import MAX_DIGITS, metadata_text
from pelican_choices.problems import Problem, Reporter, quote
from pelican_choices.site import SiteIndex

SECTION_NUMBER = re.compile(r"[0-9]+(?:\.[0-9]+)*")
NOT_A_SECTION = (
    "is not a section number such as 3, 021 or 2.10; it is placed after the numbered pages"
)
NUMBERS_DIFFER = (
    "comes after %s (%s): a part that starts with 0 is read as digits, as in "
    "0502 < 052 < 0601; read as a plain number it would come before it. "
    "Set CHOICES_SORT_AS = 'codes' to keep this order, or 'numbers'"
)

Rank = tuple[Any, ...]


class Entry(NamedTuple):
    """A content with a sort-order value, and what breaks ties."""

    value: str
    title: str
    source: str
    content: Content


def section_number(value: str) -> tuple[int, ...] | None:
    """The plain numeric reading: ``"021"`` is (21,), ``"2.10"`` is (2, 10).

    None when it is not a section number.
    """
    if not SECTION_NUMBER.fullmatch(value):
        return None
    parts = [part.lstrip("0") or "0" for part in value.split(".")]
    if any(len(part) > MAX_DIGITS for part in parts):
        return None
    return tuple(int(part) for part in parts)


def section_code(value: str) -> tuple[tuple[int, int | str], ...] | None:
    """The reading as codes, where a leading 0 is part of the code: ``052`` is after ``0502``.

    The dotted parts compare one by one: a part that starts with 0 as a
    string of digits (like the decimal 0.DIGITS), any other as a whole
    number, and digit strings come before whole numbers. So ``0502`` <
    ``052`` < ``0601``, ``9`` < ``10``, ``2.9`` < ``2.10``, ``0100`` < ``099``,
    ``05`` < ``4`` and ``2.05`` < ``2.1``. None when it is not a section number.
    """
    number = section_number(value)
    if number is None:
        return None
    return tuple(
        (0, part) if part.startswith("0") else (1, whole)
        for part, whole in zip(value.split("."), number, strict=True)
    )


def reading_order(
    contents: Iterable[Content],
    key: str,
    reporter: Reporter,
    site: SiteIndex,
    sort_as: str | None = None,
) -> list[Content]:
    """The contents that have a ``key`` value, in reading order.

    Section numbers come first, compared part by part as codes, or as plain
    numbers when ``sort_as`` is ``"numbers"``; other values follow in string
    order, each reported. Ties go by title, then by source path, so the order
    never depends on the order of the files. When ``sort_as`` is None and
    plain numbers would give another order, one warning says so.
    """
    entries = []
    for content in contents:
        if key not in content.metadata:
            continue
        source = site.source(content)
        value = metadata_text(content.metadata[key], key, source, reporter)
        if not value:
            continue
        if section_number(value) is None:
            reporter.report(Problem(source, key, value, NOT_A_SECTION))
        entries.append(Entry(value, str(getattr(content, "title", "")), source, content))
    order = _sorted(entries, section_number if sort_as == "numbers" else section_code)
    if sort_as is None:
        _report_numbers_differ(order, _sorted(entries, section_number), key, reporter)
    return [entry.content for entry in order]


def _sorted(entries: list[Entry], read: Callable[[str], Rank | None]) -> list[Entry]:
    def rank(entry: Entry) -> tuple[Any, ...]:
        number = read(entry.value)
        place = (1, (), entry.value) if number is None else (0, number, "")
        return (place, entry.title, entry.source)

    return sorted(entries, key=rank)


def _report_numbers_differ(
    order: list[Entry], numeric: list[Entry], key: str, reporter: Reporter
) -> None:
    """Name the first value that plain numbers would move, and the one it now follows."""
    moved = next((b for a, b in zip(order, numeric, strict=True) if a is not b), None)
    if moved is None:
        return
    index = next(i for i, entry in enumerate(order) if entry is moved)
    before = order[index - 1]
    reporter.report(
        Problem(
            moved.source,
            key,
            moved.value,
            NUMBERS_DIFFER,
            (quote(before.value), reporter.where(before.source, key)),
        )
    )


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
