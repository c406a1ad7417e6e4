"""Chapters: a category the author gave, never a folder Pelican keeps files in."""

from __future__ import annotations

import json

from bs4 import BeautifulSoup
from conftest import REPORTS, Build, markdown

import pelican_choices

THEME = {"THEME": pelican_choices.THEME_PATH}


def home(build: Build) -> BeautifulSoup:
    return BeautifulSoup(build.html("index.html"), "html.parser")


def json_chapters(build: Build) -> dict[str, str | None]:
    nodes = json.loads(build.html("choices.json"))["nodes"]
    return {node["source"]: node["chapter"] for node in nodes}


def map_headings(build: Build) -> list[str]:
    page = BeautifulSoup(build.html("choices-map.html"), "html.parser")
    return [heading.get_text() for heading in page.select("text.choices-map-heading")]


def contents(build: Build) -> list[tuple[str | None, str | None, list[str]]]:
    """Each list of the home page's contents: the heading right before it, its start, its titles."""
    found = []
    for ol in home(build).select("section.toc ol"):
        before = ol.find_previous_sibling()
        heading = before.get_text() if before.name == "h3" else None
        found.append((heading, ol.get("start"), [a.get_text() for a in ol.select("a")]))
    return found


def test_a_quickstart_site_has_no_chapter_called_pages(build_site):
    """Pages in content/pages/ and an article in content/, none writing a category."""
    build = build_site(
        {
            "pages/start.md": markdown("Start", sort_order="1", choice1url="/pages/soil.html"),
            "pages/soil.md": markdown("Soil", sort_order="2", choice1url="/pages/water.html"),
            "pages/water.md": markdown("Water", sort_order="3"),
            "pages/about.md": markdown("About"),
            "first-post.md": markdown("First post", date="2024-01-01", choice1url="/"),
        },
        **REPORTS,
        **THEME,
    )

    assert json_chapters(build) == {
        "pages/start.md": None,
        "pages/soil.md": None,
        "pages/water.md": None,
        "first-post.md": None,
    }
    assert map_headings(build) == []
    assert contents(build) == [(None, None, ["Start", "Soil", "Water"])]
    # The page without a sort-order follows, under a heading of its own.
    assert [h.get_text() for h in home(build).select("section.toc h3")] == ["Other pages"]
    assert [a.get_text() for a in home(build).select("section.toc ul a")] == ["About"]
    assert build.messages == []


def test_written_categories_and_sub_folders_are_chapters(build_site):
    build = build_site(
        {
            "pages/intro.md": markdown("Intro", sort_order="1", choice1url="/pages/flask.html"),
            "pages/04-web-development/flask.md": markdown("Flask", sort_order="2"),
            "pages/04-web-development/django.md": markdown("Django", sort_order="3"),
            "pages/css.md": markdown("CSS", sort_order="4", category="Front end"),
            "posts/news.md": markdown("News", date="2024-01-01", choice1url="/pages/css.html"),
            "posts/2024/spring.md": markdown("Spring", date="2024-03-01", sort_order="5"),
        },
        ARTICLE_PATHS=["posts/"],
        **REPORTS,
        **THEME,
    )

    assert json_chapters(build) == {
        "pages/intro.md": None,
        "pages/04-web-development/flask.md": "04-web-development",
        "pages/04-web-development/django.md": "04-web-development",
        "pages/css.md": "Front end",
        "posts/2024/spring.md": "2024",
        "posts/news.md": None,
    }
    assert map_headings(build) == ["Without a chapter", "04-web-development", "Front end", "2024"]
    assert contents(build) == [
        (None, None, ["Intro"]),
        ("04-web-development", "2", ["Flask", "Django"]),
        ("Front end", "4", ["CSS"]),
        ("2024", "5", ["Spring"]),
    ]


def test_without_folders_as_categories_a_sub_folder_is_no_chapter(build_site):
    build = build_site(
        {
            "pages/web/flask.md": markdown("Flask", sort_order="1"),
            "pages/web/django.md": markdown("Django", sort_order="2", category="Web"),
            "pages/misc.md": markdown("Odds and ends", sort_order="3", category="misc"),
        },
        USE_FOLDER_AS_CATEGORY=False,
        **REPORTS,
        **THEME,
    )

    # A file that writes Pelican's DEFAULT_CATEGORY is read as one that writes none.
    assert json_chapters(build) == {
        "pages/web/django.md": "Web",
        "pages/web/flask.md": None,
        "pages/misc.md": None,
    }
    assert contents(build) == [
        (None, None, ["Flask"]),
        ("Web", "2", ["Django"]),
        (None, "3", ["Odds and ends"]),
    ]


def test_the_contents_number_on_across_chapters_with_a_heading_at_each_change(build_site):
    chapters = ["Basics", "Basics", "Deploy", None, "Deploy", "Basics"]
    build = build_site(
        {
            f"pages/p{n}.md": markdown(
                f"Page {n}", sort_order=str(n), **({"category": chapter} if chapter else {})
            )
            for n, chapter in enumerate(chapters, 1)
        },
        DISPLAY_PAGES_ON_MENU=False,
        **THEME,
    )

    assert contents(build) == [
        ("Basics", None, ["Page 1", "Page 2"]),
        ("Deploy", "3", ["Page 3"]),
        (None, "4", ["Page 4"]),
        ("Deploy", "5", ["Page 5"]),
        ("Basics", "6", ["Page 6"]),
    ]
    # Every list leaves room for the widest number of the whole contents.
    styles = {ol["style"] for ol in home(build).select("section.toc ol")}
    assert styles == {"--toc-digits: 1"}
