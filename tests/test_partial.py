"""The partial inside themes the project does not own: Pelican's notmyidea and simple."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from conftest import FLAT, TWO_LINE_OVERRIDE, markdown, template_overrides

import pelican_choices

INCLUDE = '{% include "pelican_choices/choices.html" %}'
# The two-line override, with the include guarded for a site that may turn the plugin off.
GUARDED_OVERRIDE = TWO_LINE_OVERRIDE.replace(
    INCLUDE, '{% if "pelican_choices" is plugin_enabled %}' + INCLUDE + "{% endif %}"
)
SITE = {
    "pages/guide.md": markdown(
        "Guide",
        slug="guide",
        choice1url="/flask.html",
        choice1icon="fa-flask fa-inverse",
        choice1text="Learn Flask.",
        choice2url="{filename}django.md",
        choice2icon="fa-terminal fa-2x",
        choice3url="https://example.org/",
        choice3text="Elsewhere.",
    ),
    "pages/flask.md": markdown("Flask", slug="flask"),
    "pages/django.md": markdown("Django", slug="django"),
    "posts/news.md": markdown(
        "News", slug="news", date="2024-03-01", choice1url="/guide.html", choice1icon="fa-book"
    ),
}


def build_simple_with(build_site, tmp_path, templates: dict[str, str]):
    """Build SITE with simple, the two-line page override and ``templates``.

    Articles keep simple's own template, so a replaced partial may read ``page``.
    """
    folders = template_overrides(tmp_path / "overrides", templates=templates, kinds=("page",))
    return build_site(SITE, THEME="simple", THEME_TEMPLATES_OVERRIDES=folders, **FLAT)


def choice_links(build, path):
    page = BeautifulSoup(build.html(path), "html.parser")
    [nav] = page.select("nav.choices")
    return [
        (link["href"], link.get_text(strip=True), bool(link.select_one("svg.choice-icon use")))
        for link in nav.select("a.choice")
    ]


@pytest.mark.parametrize("theme", ["notmyidea", "simple"])
def test_a_two_line_override_shows_the_choices_in_a_builtin_theme(build_site, tmp_path, theme):
    build = build_site(
        SITE,
        THEME=theme,
        THEME_TEMPLATES_OVERRIDES=template_overrides(tmp_path / "overrides"),
        **FLAT,
    )

    assert choice_links(build, "guide.html") == [
        ("/flask.html", "Learn Flask.", True),
        ("/django.html", "Django", True),
        ("https://example.org/", "Elsewhere.", True),
    ]
    assert choice_links(build, "news.html") == [("/guide.html", "Guide", True)]
    sizes = [
        svg["width"]
        for svg in BeautifulSoup(build.html("guide.html"), "html.parser").select("svg.choice-icon")
    ]
    assert sizes == ["1.5em", "2em", "1em"]  # a badge (fa-inverse) holds its glyph
    assert "Some text." in build.html("guide.html")
    assert build.messages == []


@pytest.mark.parametrize("theme", ["notmyidea", "simple"])
def test_the_guarded_include_builds_with_the_plugin_off(build_site, tmp_path, theme):
    build = build_site(
        SITE,
        THEME=theme,
        THEME_TEMPLATES_OVERRIDES=template_overrides(tmp_path / "overrides", GUARDED_OVERRIDE),
        PLUGINS=[],
        **FLAT,
    )

    page = BeautifulSoup(build.html("guide.html"), "html.parser")
    assert page.select("nav.choices") == []
    assert "Some text." in build.html("guide.html")


def test_a_theme_can_replace_the_partial(build_site, tmp_path):
    build = build_simple_with(
        build_site,
        tmp_path,
        {
            "pelican_choices/choices.html": (
                "{% for c in (article or page).choices %}"
                "<p class=mine>{{ c.text|e }}</p>{% endfor %}"
            ),
        },
    )

    page = BeautifulSoup(build.html("guide.html"), "html.parser")
    assert [p.get_text() for p in page.select("p.mine")] == ["Learn Flask.", "Django", "Elsewhere."]
    assert page.select("nav.choices") == []


def test_the_partial_prints_nothing_where_there_is_no_article_or_page(build_site, tmp_path):
    build = build_simple_with(
        build_site,
        tmp_path,
        {
            "index.html": (
                '{% extends "!theme/index.html" %}{% block content %}'
                '{% include "pelican_choices/choices.html" %}{{ super() }}{% endblock %}'
            ),
        },
    )

    index = BeautifulSoup(build.html("index.html"), "html.parser")
    assert index.select("nav.choices") == []
    assert "News" in index.get_text()
    assert len(choice_links(build, "guide.html")) == 3
    assert build.messages == []


def test_a_theme_can_use_jinja_filters_that_hash_choices(build_site, tmp_path):
    build = build_simple_with(
        build_site,
        tmp_path,
        {
            "pelican_choices/choices.html": (
                "{% set e = article or page %}"
                "<p class=count>{{ (e.choices + e.choices)|unique|list|length }}</p>"
            ),
        },
    )

    page = BeautifulSoup(build.html("guide.html"), "html.parser")
    assert page.select_one("p.count").get_text() == "3"


# An outside choice gets a mark after its text: ↗, or ✉ for mailto:; none when its icon
# already is an outside-link glyph or an envelope, nor for a page of the site.
MARKED = {
    "pages/links.md": markdown(
        "Links",
        slug="links",
        choice1url="https://example.org/",
        choice1text="Example",
        choice2url="https://example.org/a",
        choice2text="Page A",
        choice2icon="fa-external-link",
        choice3url="https://example.org/b",
        choice3text="Page B",
        choice3icon="fas fa-external-link-alt",
        choice4url="https://example.org/c",
        choice4text="Page C",
        choice4icon="fa-solid fa-square-arrow-up-right",
        choice5url="mailto:guide@example.org",
        choice5text="Write to us",
        choice6url="mailto:guide@example.org?subject=Hello",
        choice6text="Say hello",
        choice6icon="fa-envelope-o",
        choice7url="mailto:team@example.org",
        choice7text="Write again",
        choice7icon="fa-external-link-square",
        choice8url="/flask.html",
        choice8icon="fa-external-link",
    ),
    "pages/flask.md": markdown("Flask", slug="flask"),
}
MARKS = [
    ("choice choice-external choice-mark-outside", "https://example.org/"),
    ("choice choice-external", "https://example.org/a"),
    ("choice choice-external", "https://example.org/b"),
    ("choice choice-external", "https://example.org/c"),
    ("choice choice-external choice-mark-mail", "mailto:guide@example.org"),
    ("choice choice-external", "mailto:guide@example.org?subject=Hello"),
    ("choice choice-external choice-mark-mail", "mailto:team@example.org"),
    ("choice", "/flask.html"),
]


@pytest.mark.parametrize("theme", ["simple", pelican_choices.THEME_PATH])
def test_an_outside_choice_is_marked_once_and_mail_as_mail(build_site, theme):
    build = build_site(MARKED, THEME=theme, **FLAT)

    page = BeautifulSoup(build.html("links.html"), "html.parser")
    links = page.select("nav.choices a.choice")
    assert [(" ".join(link["class"]), link["href"]) for link in links] == MARKS
    assert build.messages == []
