"""The reading order: sort-order values read as section codes, or as plain numbers."""

from __future__ import annotations

import random

import pytest
from conftest import FLAT, markdown

from pelican_choices.reading_order import section_code, section_number


@pytest.mark.parametrize(
    ("value", "number"),
    [
        ("021", (21,)),
        ("0101", (101,)),
        ("2.9", (2, 9)),
        ("2.10", (2, 10)),
        ("7", (7,)),
        ("0" * 5000 + "7.1", (7, 1)),
    ],
)
def test_values_are_section_numbers(value, number):
    assert section_number(value) == number


@pytest.mark.parametrize(
    "value", ["", "2.", ".5", "-1", "1e3", "two", "2..3", "1 2", "٣", "1" * 101, "2." + "9" * 5000]
)
def test_other_values_are_not_section_numbers(value):
    assert section_number(value) is None
    assert section_code(value) is None


@pytest.mark.parametrize(
    "in_order",
    [
        ["0501", "0502", "052", "0601", "0602", "0603", "061", "0701"],
        ["0100", "099"],
        ["05", "4"],
        ["2.05", "2.1"],
        ["9", "10"],
        ["2.9", "2.10"],
        ["0", "00", "01", "1"],
        ["1", "1.0", "1.01", "1.1", "2"],
        ["0" * 5000 + "7", "07"],
    ],
)
def test_codes_compare_part_by_part_a_leading_zero_as_digits(in_order):
    shuffled = list(in_order)
    random.Random(len(in_order)).shuffle(shuffled)

    assert sorted(shuffled, key=section_code) == in_order


def pages_with(orders: dict[str, str]) -> dict[str, str]:
    files = {}
    for slug, order in orders.items():
        metadata = {"slug": slug} if order is None else {"slug": slug, "sort_order": order}
        files[f"pages/{slug}.md"] = markdown(slug.upper(), **metadata)
    return files


def test_the_index_lists_the_reading_order_and_pages_follow_it(build_site):
    build = build_site(
        pages_with({"c": "5", "a": "2.10", "b": "2.9", "d": "10", "e": "9", "none": None}),
        **FLAT,
    )

    order = ["b.html", "a.html", "c.html", "e.html", "d.html"]
    assert build.listing("index.html", "reading-order") == order
    assert build.listing("index.html", "pages") == [*order, "none.html"]
    assert build.messages == []


# Late 2014 on a guide site: four-digit codes, and two pages left from a three-digit scheme.
CODES = {"intro": "0101", "a": "0501", "b": "0502", "old-b": "052", "c": "0601", "d": "0602"}
CODES |= {"e": "0603", "old-e": "061", "f": "0701", "last": "1201"}
IN_CHAPTERS = ["intro", "a", "b", "old-b", "c", "d", "e", "old-e", "f", "last"]


def test_zero_padded_codes_of_mixed_widths_keep_their_chapters(build_site):
    build = build_site(pages_with(CODES), **FLAT)

    order = [f"{slug}.html" for slug in IN_CHAPTERS]
    assert build.listing("index.html", "reading-order") == order
    assert build.listing("index.html", "pages") == order
    assert build.neighbours("old-b.html") == ("b.html", "c.html")
    assert build.messages == [
        "content/pages/old-b.md:3: sort-order '052' comes after '0502' "
        "(content/pages/b.md:3): a part that starts with 0 is read as digits, as in "
        "0502 < 052 < 0601; read as a plain number it would come before it. "
        "Set CHOICES_SORT_AS = 'codes' to keep this order, or 'numbers'"
    ]


def test_codes_chosen_in_the_settings_say_nothing(build_site):
    build = build_site(pages_with(CODES), CHOICES_SORT_AS="codes", **FLAT)

    assert build.listing("index.html", "reading-order") == [f"{s}.html" for s in IN_CHAPTERS]
    assert build.messages == []


def test_plain_numbers_chosen_in_the_settings_read_052_as_52(build_site):
    build = build_site(pages_with(CODES), CHOICES_SORT_AS="Numbers", **FLAT)

    order = ["old-b", "old-e", "intro", "a", "b", "c", "d", "e", "f", "last"]
    assert build.listing("index.html", "reading-order") == [f"{slug}.html" for slug in order]
    assert build.neighbours("intro.html") == ("old-e.html", "a.html")
    assert build.messages == []


def test_values_of_one_width_say_nothing(build_site):
    build = build_site(pages_with({"b": "0502", "a": "0110", "c": "1201", "d": "0999"}), **FLAT)

    assert build.listing("index.html", "reading-order") == ["a.html", "b.html", "d.html", "c.html"]
    assert build.messages == []


def test_non_numeric_values_come_last_in_string_order_and_are_reported(build_site):
    build = build_site(pages_with({"x": "appendix", "y": "1", "w": "Annex", "z": "12"}), **FLAT)

    assert build.listing("index.html", "reading-order") == ["y.html", "z.html", "w.html", "x.html"]
    assert sorted(build.messages) == [
        "content/pages/w.md:3: sort-order 'Annex' is not a section number such as 3, 021 "
        "or 2.10; it is placed after the numbered pages",
        "content/pages/x.md:3: sort-order 'appendix' is not a section number such as 3, 021 "
        "or 2.10; it is placed after the numbered pages",
    ]


def test_ties_break_by_title_then_path_whatever_the_file_order(build_site):
    files = {
        "pages/z/one.md": markdown("Same", slug="first", sort_order="3"),
        "pages/a/two.md": markdown("Same", slug="second", sort_order="3"),
        "pages/m.md": markdown("Alpha", slug="alpha", sort_order="03"),
    }
    orders = set()
    for seed in range(3):
        shuffled = list(files.items())
        random.Random(seed).shuffle(shuffled)
        build = build_site(dict(shuffled), **FLAT)
        orders.add(tuple(build.listing("index.html", "reading-order")))

    assert orders == {("alpha.html", "second.html", "first.html")}


def test_neighbours_link_along_the_order(build_site):
    build = build_site(
        {
            **pages_with({"one": "1", "two": "2", "loose": None}),
            "posts/three.md": markdown("Three", slug="three", date="2024-01-01", sort_order="3"),
        },
        **FLAT,
    )

    assert build.neighbours("one.html") == ("", "two.html")
    assert build.neighbours("two.html") == ("one.html", "three.html")
    assert build.neighbours("three.html") == ("two.html", "")
    assert build.neighbours("loose.html") == ("", "")


def test_neighbour_urls_are_the_urls_of_the_neighbours(build_site):
    build = build_site(
        {
            **pages_with({"one": "1", "two": "2", "loose": None}),
            "posts/three.md": markdown("Three", slug="three", date="2024-01-01", sort_order="3"),
        },
        PAGE_URL="guide/{slug}/",
        PAGE_SAVE_AS="guide/{slug}/index.html",
        ARTICLE_URL="posts/{slug}.html",
        ARTICLE_SAVE_AS="posts/{slug}.html",
    )

    assert build.neighbours("guide/two/index.html", given=True) == (
        "guide/one/",
        "posts/three.html",
    )
    for page in ("guide/one/index.html", "posts/three.html", "guide/loose/index.html"):
        assert build.neighbours(page, given=True) == build.neighbours(page)


def test_the_sort_key_is_a_setting(build_site):
    files = {
        "pages/a.md": markdown("A", slug="a", weight="2", sort_order="1"),
        "pages/b.md": markdown("B", slug="b", weight="1", sort_order="2"),
    }
    build = build_site(files, CHOICES_SORT_KEY="Weight", **FLAT)

    assert build.listing("index.html", "reading-order") == ["b.html", "a.html"]


def test_a_site_page_order_is_respected(build_site):
    build = build_site(
        pages_with({"a": "2", "b": "1", "c": "3"}),
        PAGE_ORDER_BY="reversed-title",
        **FLAT,
    )

    assert build.listing("index.html", "pages") == ["c.html", "b.html", "a.html"]
    assert build.listing("index.html", "reading-order") == ["b.html", "a.html", "c.html"]
