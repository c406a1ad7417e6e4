"""The reading order: sort-order values read as section numbers."""

from __future__ import annotations

import random

import pytest
from conftest import FLAT, markdown

from pelican_choices.reading_order import section_number


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


def pages_with(orders: dict[str, str]) -> dict[str, str]:
    files = {}
    for slug, order in orders.items():
        metadata = {"slug": slug} if order is None else {"slug": slug, "sort_order": order}
        files[f"pages/{slug}.md"] = markdown(slug.upper(), **metadata)
    return files


def test_the_index_lists_the_reading_order_and_pages_follow_it(build_site):
    build = build_site(
        pages_with({"c": "5", "a": "2.10", "b": "2.9", "d": "0101", "e": "021", "none": None}),
        **FLAT,
    )

    order = ["b.html", "a.html", "c.html", "e.html", "d.html"]
    assert build.listing("index.html", "reading-order") == order
    assert build.listing("index.html", "pages") == [*order, "none.html"]
    assert build.messages == []


def test_non_numeric_values_come_last_in_string_order_and_are_reported(build_site):
    build = build_site(pages_with({"x": "appendix", "y": "1", "w": "Annex", "z": "12"}), **FLAT)

    assert build.listing("index.html", "reading-order") == ["y.html", "z.html", "w.html", "x.html"]
    assert sorted(build.messages) == [
        "pages/w.md: sort-order 'Annex' is not a section number such as 3, 021 or 2.10; "
        "it is placed after the numbered pages",
        "pages/x.md: sort-order 'appendix' is not a section number such as 3, 021 or 2.10; "
        "it is placed after the numbered pages",
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
