"""Every problem is one message naming the file and line, the key and the value."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
from conftest import (
    FLAT,
    Build,
    build_in,
    markdown,
    pelican_settings,
    plugin_records,
    working_in,
    write_files,
)
from pelican import Pelican

from pelican_choices import BrokenChoicesError

TARGET = {"pages/flask.md": markdown("Flask", slug="flask")}


# (metadata of one page, the end of the one message it gets)
BROKEN = [
    (
        {"choice4url": "/application-programming-intefaces.html"},
        "choice4url '/application-programming-intefaces.html' leads to no page of this site",
    ),
    (
        {"choice1url": "{filename}missing.md"},
        "choice1url '{filename}missing.md' names no source file of this site",
    ),
    (
        {"choice1url": "{static}/images/missing.png", "choice1text": "Map"},
        "choice1url '{static}/images/missing.png' names no source file of this site",
    ),
    (
        {"choice2url": "{category}Nothing"},
        "choice2url '{category}Nothing' names no category of this site",
    ),
    (
        {"choice3text": "Where am I going?"},
        "choice3text 'Where am I going?' has no choice3url",
    ),
    (
        {"choice3icon": "fa-flask"},
        "choice3icon 'fa-flask' has no choice3url",
    ),
    (
        {"choice1url": "ftp://files.example.org/", "choice1text": "Files"},
        "choice1url 'ftp://files.example.org/' uses the ftp: scheme; only http, https, "
        "mailto and paths of this site are allowed",
    ),
    (
        {"choice1url": "JavaScript:alert(1)", "choice1text": "Click"},
        "choice1url 'JavaScript:alert(1)' uses the javascript: scheme; only http, https, "
        "mailto and paths of this site are allowed",
    ),
    (
        {"choice1url": "{foo}bar", "choice1text": "Foo"},
        "choice1url '{foo}bar' uses the unknown link type {foo}; Pelican knows {filename}, "
        "{static}, {attach}, {index}, {category}, {tag}, {author}",
    ),
    (
        {"choice1url": "https:///path", "choice1text": "Nowhere"},
        "choice1url 'https:///path' has no host name",
    ),
]


@pytest.fixture(scope="module")
def broken_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """One page for each case of BROKEN, each with a valid choice 9 as well."""
    files = {
        f"pages/case{index}.md": markdown(
            "Guide",
            choice9url="/flask.html",
            choice9text="Still here.",
            **metadata,
            slug=f"case{index}",
        )
        for index, (metadata, _) in enumerate(BROKEN)
    }
    return build_in(tmp_path_factory.mktemp("broken"), files | TARGET, **FLAT)


@pytest.mark.parametrize(
    ("index", "message"),
    [(index, message) for index, (_, message) in enumerate(BROKEN)],
    ids=[f"{index}-{message.split()[0]}" for index, (_, message) in enumerate(BROKEN)],
)
def test_a_broken_choice_is_named_and_dropped(broken_site, index, message):
    source = f"content/pages/case{index}.md"

    assert [m for m in broken_site.messages if m.startswith(f"{source}:")] == [
        f"{source}:4: {message}"
    ]
    assert len(broken_site.messages) == len(BROKEN)  # one for each page, no other
    assert [c["data-text"] for c in broken_site.choices(f"case{index}.html")] == ["Still here."]
    assert "Some text." in broken_site.html(f"case{index}.html")


def test_problems_that_keep_the_choice_are_reported(build_site):
    build = build_site(
        {
            "pages/guide.md": markdown(
                "Guide",
                choice1url="/flask.html",
                choice1icon="fa-terminal fa-flask",
                choice2url="/flask.html",
                choice2icon="fa-lg",
                choice01url="/other.html",
                choice3title="Not a key",
            ),
            **TARGET,
        },
        **FLAT,
    )

    assert sorted(build.messages) == [
        "content/pages/guide.md:3: choice1icon 'fa-terminal fa-flask' has more than one icon "
        "name; fa-flask is ignored",
        "content/pages/guide.md:4: choice2url '/flask.html' leads where choice1url does (line 2): "
        "two buttons to one place",
        "content/pages/guide.md:5: choice2icon 'fa-lg' names no icon",
        "content/pages/guide.md:6: choice01url '/other.html' repeats choice1url and is not read",
    ]
    assert [c["data-icon"] for c in build.choices("guide.html")] == [
        "fa-solid-terminal",
        "fa-solid-arrow-right",
    ]


def test_lookalike_keys_are_reported(build_site):
    build = build_site(
        {
            "pages/guide.md": markdown("Guide", choice0url="/flask.html", choiceurl="/x.html"),
            **TARGET,
        },
        **FLAT,
    )

    assert sorted(build.messages) == [
        "content/pages/guide.md:2: choice0url '/flask.html' is not read: choice keys are "
        "choiceNurl, choiceNicon and choiceNtext, numbered from 1",
        "content/pages/guide.md:3: choiceurl '/x.html' is not read: choice keys are "
        "choiceNurl, choiceNicon and choiceNtext, numbered from 1",
    ]


def test_a_bad_target_default_is_reported_on_the_target(build_site):
    build = build_site(
        {"pages/flask.md": markdown("Flask", slug="flask", choiceicon="fa-nope")},
        **FLAT,
    )

    assert build.messages == [
        "content/pages/flask.md:3: choiceicon 'fa-nope' is not a Font Awesome Free icon "
        "(did you mean fa-node?)"
    ]


def test_messages_are_warnings_from_the_plugins_logger(build_site):
    build = build_site({"pages/guide.md": markdown("Guide", choice1url="/nowhere.html")}, **FLAT)

    [record] = [r for r in build.records if r.levelno >= logging.WARNING]
    assert record.levelno == logging.WARNING
    assert record.name.startswith("pelican_choices")
    assert record.msg == "%s: %s %s leads to no page of this site%s"


def test_long_values_are_shortened_in_messages(build_site):
    long_url = "/" + "x" * 300
    build = build_site({"pages/guide.md": markdown("Guide", choice1url=long_url)}, **FLAT)

    [message] = build.messages
    assert message.startswith("content/pages/guide.md:2: choice1url '/xxxx")
    assert message.endswith("\u2026' leads to no page of this site")
    assert len(message) < 160


def test_ignore_mode_drops_broken_choices_silently(build_site):
    build = build_site(
        {"pages/guide.md": markdown("Guide", choice1url="/nowhere.html")},
        CHOICES_ON_BROKEN="ignore",
        **FLAT,
    )

    assert build.messages == []
    assert build.choices("guide.html") == []


def test_error_mode_fails_once_listing_every_problem(build_site, caplog):
    files = {
        "pages/a.md": markdown("A", choice1url="/nowhere.html", choice2icon="fa-flask"),
        "pages/b.md": markdown("B", choice1url="{filename}gone.md", choice1icon="fa-nope"),
        "pages/c.md": markdown("C", choice1url="/a.html", choice1icon="fa-shovl"),
    }

    with pytest.raises(BrokenChoicesError) as failure:
        build_site(files, CHOICES_ON_BROKEN="error", **FLAT)

    assert len(failure.value.problems) == 5
    assert str(failure.value) == (
        "5 problems (3 broken choices, 2 icon problems); CHOICES_ON_BROKEN = 'error' fails the "
        "build"
    )
    # The icon of a choice whose URL is broken is named too: both are fixed in one round.
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING] == [
        "5 problems (3 broken choices, 2 icon problems); CHOICES_ON_BROKEN = 'error' fails the "
        "build:\n"
        "  content/pages/a.md:2: choice1url '/nowhere.html' leads to no page of this site\n"
        "  content/pages/a.md:3: choice2icon 'fa-flask' has no choice2url\n"
        "  content/pages/b.md:2: choice1url '{filename}gone.md' names no source file of this "
        "site\n"
        "  content/pages/b.md:3: choice1icon 'fa-nope' is not a Font Awesome Free icon "
        "(did you mean fa-node?)\n"
        "  content/pages/c.md:3: choice1icon 'fa-shovl' is not a Font Awesome Free icon"
    ]


def test_the_line_is_where_the_key_is_written_in_markdown(build_site):
    source = (
        "---\n"
        "Title: Guide\n"
        "Choice1URL: /nowhere.html\n"
        "choice2text: A question\n"
        "\tover two lines\n"
        "choice3url: /flask.html\n"
        "choice3url: /other.html\n"
        "choice4icon: fa-flask\n"
        "---\n\nText.\n"
    )
    build = build_site({"pages/guide.md": source, **TARGET}, **FLAT)

    assert sorted(build.messages) == [
        "content/pages/guide.md:3: choice1url '/nowhere.html' leads to no page of this site",
        "content/pages/guide.md:4: choice2text 'A question over two lines' has no choice2url",
        "content/pages/guide.md:6: choice3url '/flask.html' is given 2 times; the first is used",
        "content/pages/guide.md:8: choice4icon 'fa-flask' has no choice4url",
    ]


def test_the_line_is_where_the_field_is_written_in_restructuredtext(build_site):
    source = (
        "Guide\n#####\n\n"
        ":slug: guide\n"
        ":summary: A summary written\n"
        "    over two lines\n"
        ":Choice1URL: /nowhere.html\n"
        ":choice2icon: fa-nope\n\n"
        "Text.\n"
    )
    build = build_site({"pages/guide.rst": source}, **FLAT)

    assert build.messages == [
        "content/pages/guide.rst:7: choice1url '/nowhere.html' leads to no page of this site",
        "content/pages/guide.rst:8: choice2icon 'fa-nope' has no choice2url",
    ]


def test_a_value_the_file_does_not_hold_is_shown_with_the_path_alone(build_site):
    build = build_site(
        {"pages/guide.md": markdown("Guide", choice1url="/nowhere.html")},
        DEFAULT_METADATA={"choice2url": "/gone.html"},
        PATH_METADATA=r"(?P<choice3icon>[a-z]+)/.*",
        CHOICES_GRAPH_SAVE_AS="choices.json",
        **FLAT,
    )

    assert build.messages == [
        "content/pages/guide.md:2: choice1url '/nowhere.html' leads to no page of this site",
        "content/pages/guide.md: choice2url '/gone.html' leads to no page of this site",
        "content/pages/guide.md: choice3icon 'pages' has no choice3url",
    ]
    problems = json.loads(build.html("choices.json"))["problems"]
    assert [(entry["key"], entry["line"]) for entry in problems] == [
        ("choice1url", 2),
        ("choice2url", None),
        ("choice3icon", None),
    ]


@pytest.mark.parametrize(
    ("folder", "shown"),
    [
        (".", "content/pages/guide.md:2"),
        ("content", "pages/guide.md:2"),
        ("content/pages", "guide.md:2"),
        ("elsewhere", None),
    ],
)
def test_the_path_is_as_it_resolves_from_the_folder_pelican_runs_in(tmp_path: Path, folder, shown):
    write_files(tmp_path / "content", {"pages/guide.md": markdown("Guide", choice1url="/x.html")})
    (tmp_path / "elsewhere").mkdir()

    with plugin_records() as records, working_in(tmp_path / folder):
        Pelican(pelican_settings(tmp_path, **FLAT)).run()

    shown = shown or f"{tmp_path / 'content' / 'pages' / 'guide.md'}:2"
    assert Build(tmp_path / "output", records).messages == [
        f"{shown}: choice1url '/x.html' leads to no page of this site"
    ]


def test_a_misspelt_site_path_gets_the_closest_urls(build_site):
    build = build_site(
        {
            "pages/css.md": markdown(
                "CSS", slug="css", choice1url="/application-programming-intefaces.html"
            ),
            "pages/apis.md": markdown("APIs", slug="application-programming-interfaces"),
        },
        **FLAT,
    )

    assert build.messages == [
        "content/pages/css.md:3: choice1url '/application-programming-intefaces.html' leads to "
        "no page of this site (did you mean /application-programming-interfaces.html?)"
    ]


def test_a_path_of_one_part_is_offered_by_slug_else_by_the_last_part_of_each_url(build_site):
    build = build_site(
        {
            "pages/guide.md": markdown(
                "Guide", slug="guide", choice1url="/djngo.html", choice2url="/djngo.pdf"
            ),
            "pages/django.md": markdown("Django", slug="django"),
        },
        PAGE_URL="guide/{slug}/",
        PAGE_SAVE_AS="guide/{slug}/index.html",
    )

    assert build.messages == [
        "content/pages/guide.md:3: choice1url '/djngo.html' leads to no page of this site "
        "(did you mean /django.html?)",
        "content/pages/guide.md:4: choice2url '/djngo.pdf' leads to no page of this site "
        "(did you mean /guide/django?)",
    ]


# A misspelt address, and what its message suggests, under Pelican's default URLs
# (pages/{slug}.html): the form the author wrote, letter case aside.
SUGGESTIONS = [
    ("/SOIL.html", "/soil.html"),
    ("/Pages/Soil.html", "/pages/soil.html"),
    ("/wateringg.html", "/watering.html"),
    ("/wateringg", "/watering"),
    ("/wateringg/", "/watering/"),
    ("/wateringg.pdf", "/pages/watering.html or /pages/watering-fr.html"),
    ("/archivs.html", "/archives.html or /pages/archives.html"),
    ("{filename}Watering.md", "{filename}watering.md or {filename}watering-fr.md"),
]


@pytest.fixture(scope="module")
def suggestions(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """A guide page for each of SUGGESTIONS, and one that writes the first suggestion."""
    files = {}
    for index, (written, suggested) in enumerate(SUGGESTIONS):
        files[f"pages/guide{index}.md"] = markdown(
            "Guide", slug=f"guide{index}", choice1url=written
        )
        files[f"pages/fixed{index}.md"] = markdown(
            "Fixed", slug=f"fixed{index}", choice1url=suggested.partition(" or ")[0]
        )
    files.update(
        {
            "pages/soil.md": markdown("Soil", slug="soil"),
            "pages/soils.md": markdown("Soils", slug="soils", status="draft"),
            "pages/watering.md": markdown("Watering", slug="watering"),
            "pages/watering-fr.md": markdown("Arrosage", slug="watering", lang="fr"),
            "pages/archives.md": markdown("Archived", slug="archives"),
        }
    )
    return build_in(tmp_path_factory.mktemp("suggestions"), files)


@pytest.mark.parametrize(
    ("index", "written", "suggested"),
    [(index, *case) for index, case in enumerate(SUGGESTIONS)],
    ids=[written for written, _ in SUGGESTIONS],
)
def test_a_suggestion_is_in_the_form_written_whatever_the_letter_case(
    suggestions, index, written, suggested
):
    source = f"content/pages/guide{index}.md"
    reason = "names no source file" if written.startswith("{") else "leads to no page"

    assert [m for m in suggestions.messages if m.startswith(f"{source}:")] == [
        f"{source}:3: choice1url {written!r} {reason} of this site (did you mean {suggested}?)"
    ]
    assert suggestions.choices(f"pages/guide{index}.html") == []


def test_what_a_suggestion_offers_leads_to_the_page_meant(suggestions):
    hrefs = {
        written: [c["data-url"] for c in suggestions.choices(f"pages/fixed{index}.html")]
        for index, (written, _) in enumerate(SUGGESTIONS)
    }

    assert hrefs == {
        "/SOIL.html": ["/pages/soil.html"],
        "/Pages/Soil.html": ["/pages/soil.html"],
        "/wateringg.html": ["/pages/watering.html"],
        "/wateringg": ["/pages/watering.html"],
        "/wateringg/": ["/pages/watering.html"],
        "/wateringg.pdf": ["/pages/watering.html"],
        "/archivs.html": ["/archives.html"],
        "{filename}Watering.md": ["/pages/watering.html"],
    }
    assert not any(m.startswith("content/pages/fixed") for m in suggestions.messages)
    assert len(suggestions.messages) == len(SUGGESTIONS)


def test_a_misspelt_file_gets_the_closest_source_files_as_links(build_site):
    build = build_site(
        {
            "pages/guide.md": markdown(
                "Guide",
                slug="guide",
                choice1url="{filename}flask-intro.md",
                choice2url="{filename}releases.md",
            ),
            "pages/flask-introduction.md": markdown("Flask", slug="flask"),
            "posts/release.md": markdown("Released", slug="release", date="2024-01-01"),
        },
        **FLAT,
    )

    assert build.messages == [
        "content/pages/guide.md:3: choice1url '{filename}flask-intro.md' names no source file "
        "of this site (did you mean {filename}flask-introduction.md?)",
        "content/pages/guide.md:4: choice2url '{filename}releases.md' names no source file "
        "of this site (did you mean {filename}/posts/release.md?)",
    ]
