"""Choices that work but make no sense, and keys written twice: each named on its line."""

from __future__ import annotations

import json

import pytest
from bs4 import BeautifulSoup
from conftest import FLAT, REPORTS, markdown

from pelican_choices import BrokenChoicesError

YAML_PLUGINS = ["pelican.plugins.yaml_metadata", "pelican_choices"]
TARGETS = {
    "pages/alpha.md": markdown("Alpha", slug="alpha"),
    "pages/beta.md": markdown("Beta", slug="beta"),
}
TO_ITSELF = "leads to its own page, a button to itself; a #fragment of the page is allowed"


def urls(build, path="guide.html"):
    return [choice["data-url"] for choice in build.choices(path)]


def test_a_choice_to_its_own_page_is_dropped_and_named(build_site):
    source = markdown(
        "Guide",
        slug="guide",
        choice1url="/guide.html",
        choice2url="{filename}guide.md",
        choice3url="/guide.html?print=1",
        choice4url="/alpha.html",
    )
    build = build_site({"pages/guide.md": source, **TARGETS}, **FLAT)

    assert urls(build) == ["/alpha.html"]
    assert build.messages == [
        f"content/pages/guide.md:3: choice1url '/guide.html' {TO_ITSELF}",
        f"content/pages/guide.md:4: choice2url '{{filename}}guide.md' {TO_ITSELF}",
        f"content/pages/guide.md:5: choice3url '/guide.html?print=1' {TO_ITSELF}",
    ]


def test_a_fragment_of_its_own_page_stays(build_site):
    source = markdown(
        "Guide", slug="guide", choice1url="#setup", choice2url="/guide.html#care", choice3url="#"
    )
    build = build_site({"pages/guide.md": source}, **FLAT)

    assert urls(build) == ["/guide.html#setup", "/guide.html#care", "/guide.html#"]
    assert build.messages == []


def test_a_translation_leading_to_itself_is_named(build_site):
    files = {
        "pages/guide.md": markdown("Guide", slug="guide", choice1url="/alpha.html"),
        "pages/guide-fr.md": markdown(
            "Guide", slug="guide", lang="fr", choice1url="/guide-fr.html", choice2url="/alpha.html"
        ),
        **TARGETS,
    }
    build = build_site(files, **FLAT)

    assert urls(build, "guide-fr.html") == ["/alpha.html"]
    assert build.messages == [
        f"content/pages/guide-fr.md:4: choice1url '/guide-fr.html' {TO_ITSELF}"
    ]


def test_a_choice_to_its_own_page_is_a_broken_choice(build_site):
    source = markdown("Guide", slug="guide", choice1url="/guide.html", choice2url="/alpha.html")
    files = {"pages/guide.md": source, **TARGETS}

    with pytest.raises(BrokenChoicesError) as failure:
        build_site(files, CHOICES_ON_BROKEN="error", **FLAT)

    assert [(problem.kind.name, problem.reason) for problem in failure.value.problems] == [
        ("broken-choice", TO_ITSELF)
    ]


def test_a_second_choice_to_one_place_is_named_with_the_first(build_site):
    source = markdown(
        "Guide",
        slug="guide",
        choice1url="/alpha.html",
        choice2url="/beta.html#top",
        choice3url="{filename}alpha.md",
        choice4url="/beta.html#top",
        choice5url="https://example.org/",
        choice5text="Elsewhere",
        choice6url="https://example.org/",
        choice6text="Elsewhere again",
    )
    build = build_site({"pages/guide.md": source, **TARGETS}, **FLAT)

    assert urls(build) == [
        "/alpha.html",
        "/beta.html#top",
        "/alpha.html",
        "/beta.html#top",
        "https://example.org/",
        "https://example.org/",
    ]
    assert build.messages == [
        "content/pages/guide.md:5: choice3url '{filename}alpha.md' leads where choice1url does "
        "(line 3): two buttons to one place",
        "content/pages/guide.md:6: choice4url '/beta.html#top' leads where choice2url does "
        "(line 4): two buttons to one place",
        "content/pages/guide.md:9: choice6url 'https://example.org/' leads where choice5url does "
        "(line 7): two buttons to one place",
    ]


def test_another_fragment_or_query_is_another_place(build_site):
    source = markdown(
        "Guide",
        slug="guide",
        choice1url="/alpha.html",
        choice2url="/alpha.html#top",
        choice3url="/alpha.html#Top",
        choice4url="/alpha.html?print=1",
    )
    build = build_site({"pages/guide.md": source, **TARGETS}, **FLAT)

    assert len(urls(build)) == 4
    assert build.messages == []


def test_the_first_of_two_choices_to_one_place_may_come_from_the_settings(build_site):
    source = markdown(
        "Guide", slug="guide", choice2url="https://example.org/", choice2text="The shop"
    )
    build = build_site(
        {"pages/guide.md": source, **TARGETS},
        DEFAULT_METADATA={"choice1url": "https://example.org/", "choice1text": "Shop"},
        **FLAT,
    )

    assert build.messages == [
        "content/pages/guide.md:3: choice2url 'https://example.org/' leads where choice1url "
        "does: two buttons to one place"
    ]


def test_a_markdown_key_written_twice_is_named_on_the_line_of_the_value_used(build_site):
    source = (
        "title: Guide\nslug: guide\n"
        "choice1url: /alpha.html\n"
        "choice2url:\n"
        "Choice2URL:\n"
        "choice2url: /beta.html#top\n"
        "choice2url: /alpha.html#top\n\n"
        "Text.\n"
    )
    build = build_site({"pages/guide.md": source, **TARGETS}, **FLAT)

    assert urls(build) == ["/alpha.html", "/beta.html#top"]
    assert build.messages == [
        "content/pages/guide.md:6: choice2url '/beta.html#top' is given 2 times; the first is used"
    ]


def test_a_markdown_text_written_twice_is_joined_and_named(build_site):
    source = (
        "title: Guide\nslug: guide\n"
        "choice1url: /alpha.html\n"
        "choice1text: Read about\n"
        "    the alpha\n"
        "choice1text: Read on\n\n"
        "Text.\n"
    )
    build = build_site({"pages/guide.md": source, **TARGETS}, **FLAT)

    assert [c["data-text"] for c in build.choices("guide.html")] == ["Read about the alpha Read on"]
    assert build.messages == [
        "content/pages/guide.md:4: choice1text 'Read about the alpha Read on' is given 2 times; "
        "they are joined"
    ]


RST_GUIDE = """\
Guide
#####

:slug: guide
:choice1url: /alpha.html
:choice2url: /alpha.html#top
:Choice2URL: /nowhere.html
:choice2url: /beta.html
:choice3url: /alpha.html#end
:choice3url: /alpha.html#end

Text.
"""


def test_restructuredtext_keeps_the_last_value_of_a_field_written_twice(build_site):
    build = build_site({"pages/guide.rst": RST_GUIDE, **TARGETS}, **FLAT)

    assert urls(build) == ["/alpha.html", "/beta.html", "/alpha.html#end"]
    assert build.messages == [
        "content/pages/guide.rst:8: choice2url '/beta.html' is given 3 times; the last is used"
    ]


def test_other_problems_of_a_field_written_twice_name_the_line_of_the_value_used(build_site):
    source = "Guide\n#####\n\n:choice1url: /alpha.html\n:choice1url: /nowhere.html\n\nText.\n"
    build = build_site({"pages/guide.rst": source, **TARGETS}, **FLAT)

    assert build.messages == [
        "content/pages/guide.rst:5: choice1url '/nowhere.html' is given 2 times; the last is used",
        "content/pages/guide.rst:5: choice1url '/nowhere.html' leads to no page of this site",
    ]


def test_yaml_keeps_the_last_value_of_a_key_written_twice(build_site):
    source = (
        "---\ntitle: Guide\nslug: guide\n"
        "choice1url: /alpha.html\n"
        "choice1url: /beta.html\n"
        "choice2url: /alpha.html#top\n"
        "choice2url: /alpha.html#top\n"
        "sort-order: 1\n"
        "sort-order: '2'\n"
        "---\n\nText.\n"
    )
    build = build_site({"pages/guide.md": source, **TARGETS}, PLUGINS=YAML_PLUGINS, **FLAT)

    assert urls(build) == ["/beta.html", "/alpha.html#top"]
    assert build.messages == [
        "content/pages/guide.md:5: choice1url '/beta.html' is given 2 times; the last is used",
        "content/pages/guide.md:9: sort-order '2' is given 2 times; the last is used",
    ]


def test_yaml_keeps_the_spelling_written_first_last(build_site):
    # YAML reads three values of two keys; Pelican, lowercasing both, keeps the second's.
    source = (
        "---\ntitle: Guide\nslug: guide\n"
        "choice1url: /alpha.html\n"
        "Choice1URL: /beta.html\n"
        "choice1url: /alpha.html#top\n"
        "---\n\nText.\n"
    )
    build = build_site({"pages/guide.md": source, **TARGETS}, PLUGINS=YAML_PLUGINS, **FLAT)

    assert urls(build) == ["/beta.html"]
    assert build.messages == [
        "content/pages/guide.md:5: choice1url '/beta.html' is given 3 times; "
        "the one on this line is used"
    ]


def test_the_reports_list_these_problems_with_their_kinds(build_site):
    source = markdown(
        "Guide",
        slug="guide",
        choice1url="/guide.html",
        choice2url="/alpha.html#a",
        choice3url="/alpha.html#a",
    )
    files = {
        "pages/guide.md": source,
        "pages/ref.rst": RST_GUIDE.replace("guide", "ref"),
        **TARGETS,
    }
    build = build_site(files, **FLAT, **REPORTS)

    expected = [
        ("broken-choice", "pages/guide.md", 3, "choice1url", "/guide.html", TO_ITSELF),
        ("same-place", "pages/guide.md", 5, "choice3url", "/alpha.html#a",
         "leads where choice2url does (line 4): two buttons to one place"),
        ("repeated-key", "pages/ref.rst", 8, "choice2url", "/beta.html",
         "is given 3 times; the last is used"),
    ]  # fmt: skip
    problems = json.loads(build.html("choices.json"))["problems"]
    assert [
        (p["kind"], p["source"], p["line"], p["key"], p["value"], p["reason"]) for p in problems
    ] == expected
    listed = BeautifulSoup(build.html("choices-map.html"), "html.parser").select(
        "li.choices-map-problem"
    )
    assert [(item["data-kind"], item.get_text()) for item in listed] == [
        (kind, f"{file}:{line}: {key} \u201c{value}\u201d {reason}")
        for kind, file, line, key, value, reason in expected
    ]
