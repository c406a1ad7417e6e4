"""Each language's reading order, from ``sort-order`` metadata read as section codes or numbers."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from itertools import chain, pairwise
from typing import Any, NamedTuple

from pelican.contents import Content

from pelican_choices.metadata import MAX_DIGITS, metadata_text
from pelican_choices.problems import AMBIGUOUS_SORT_ORDER, SORT_ORDER, Problem, Reporter, quote
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
    """A content with a sort-order value, and what breaks ties.

    ``written_in`` is the source file the value is written in: the content's
    own, or its original's for a translation that has no value of its own.
    """

    value: str
    title: str
    source: str
    written_in: str
    content: Content


class ReadingOrders(NamedTuple):
    """The reading order of each language of a build.

    ``languages`` maps each language code (``content.lang``) to its published
    articles and pages with a sort-order, in order, the site's default
    language first, the others by code. ``listed`` holds those that Pelican
    lists as articles and pages (originals, in any language, not
    translations), in the same ranks: the order of the choice graph and of
    page listings.
    """

    languages: dict[str, list[Content]]
    listed: list[Content]


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


def reading_orders(
    originals: Iterable[Content],
    translations: Iterable[Content],
    key: str,
    reporter: Reporter,
    site: SiteIndex,
    *,
    sort_as: str | None = None,
) -> ReadingOrders:
    """The published contents that have a ``key`` value, in reading order, per language.

    ``originals`` are the articles and pages Pelican lists, ``translations``
    their published translations; a translation without a value takes its
    original's. Section numbers come first, compared part by part as codes,
    or as plain numbers when ``sort_as`` is ``"numbers"``; other values
    follow in string order, each reported where it is written. Ties go by
    title, then by source path, so the order never depends on the order of
    the files. When ``sort_as`` is None and plain numbers would give another
    order, one warning says so, for the first language where they would.
    """
    listed, translated = _entries(originals, translations, key, reporter, site)
    default_lang = site.settings["DEFAULT_LANG"]
    by_language: dict[str, list[Entry]] = {default_lang: []}
    for entry in chain(listed, translated):
        by_language.setdefault(entry.content.lang, []).append(entry)
    languages = sorted(by_language, key=lambda lang: (lang != default_lang, lang))
    read = section_number if sort_as == "numbers" else section_code
    orders = {lang: _sorted(by_language[lang], read) for lang in languages}
    if sort_as is None:
        for lang in languages:
            numeric = _sorted(by_language[lang], section_number)
            if _report_numbers_differ(orders[lang], numeric, key, reporter):
                break  # once for the build
    return ReadingOrders(
        {lang: [entry.content for entry in order] for lang, order in orders.items()},
        [entry.content for entry in _sorted(listed, read)],
    )


def _entries(
    originals: Iterable[Content],
    translations: Iterable[Content],
    key: str,
    reporter: Reporter,
    site: SiteIndex,
) -> tuple[list[Entry], list[Entry]]:
    """The originals and the translations that have a value, each read once."""
    values: dict[int, str] = {}
    listed = []
    for content in originals:
        values[id(content)] = value = _own_value(content, key, reporter, site)
        if value:
            source = site.source(content)
            listed.append(Entry(value, _title(content), source, source, content))
    translated = []
    for translation in translations:
        source = written_in = site.source(translation)
        value = _own_value(translation, key, reporter, site)
        original = _original(translation, values)
        if not value and original is not None:
            value, written_in = values[id(original)], site.source(original)
        if value:
            translated.append(Entry(value, _title(translation), source, written_in, translation))
    return listed, translated


def _own_value(content: Content, key: str, reporter: Reporter, site: SiteIndex) -> str:
    """The content's own ``key`` value as text, "" without one; reported unless a section number."""
    if key not in content.metadata:
        return ""
    source = site.source(content)
    value = metadata_text(content.metadata[key], key, source, reporter)
    if value and section_number(value) is None:
        reporter.report(Problem(SORT_ORDER, source, key, value, NOT_A_SECTION))
    return value


def _original(translation: Content, listed: dict[int, str]) -> Content | None:
    """What ``translation`` translates: the one of its group that Pelican lists (in ``listed``)."""
    return next((other for other in translation.translations if id(other) in listed), None)


def _title(content: Content) -> str:
    return str(getattr(content, "title", ""))


def _sorted(entries: list[Entry], read: Callable[[str], Rank | None]) -> list[Entry]:
    def rank(entry: Entry) -> tuple[Any, ...]:
        number = read(entry.value)
        place = (1, (), entry.value) if number is None else (0, number, "")
        return (place, entry.title, entry.source)

    return sorted(entries, key=rank)


def _report_numbers_differ(
    order: list[Entry], numeric: list[Entry], key: str, reporter: Reporter
) -> bool:
    """Name the first value that plain numbers would move, and the one it now follows.

    True when there is one.
    """
    moved = next((b for a, b in zip(order, numeric, strict=True) if a is not b), None)
    if moved is None:
        return False
    index = next(i for i, entry in enumerate(order) if entry is moved)
    before = order[index - 1]
    reporter.report(
        Problem(
            AMBIGUOUS_SORT_ORDER,
            moved.written_in,
            key,
            moved.value,
            NUMBERS_DIFFER,
            (quote(before.value), reporter.where(before.written_in, key)),
        )
    )
    return True


def link_neighbours(
    orders: Iterable[list[Content]], contents: Iterable[Content], site: SiteIndex
) -> None:
    """Give every content its neighbours in the reading order of its language, and their URLs.

    ``prev_in_order`` and ``next_in_order`` are None outside the orders, and
    so are ``prev_in_order_url`` and ``next_in_order_url``: the URL Pelican
    would give, worked out once rather than on every use.
    """
    for content in contents:
        content.prev_in_order = content.next_in_order = None
        content.prev_in_order_url = content.next_in_order_url = None
    for order in orders:
        for before, after in pairwise(order):
            before.next_in_order, before.next_in_order_url = after, site.url(after)
            after.prev_in_order, after.prev_in_order_url = before, site.url(before)
