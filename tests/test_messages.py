"""Every problem is one message naming the source file, the key and the value."""

from __future__ import annotations

import logging

import pytest
from conftest import FLAT, markdown

from pelican_choices import BrokenChoicesError

TARGET = {"pages/flask.md": markdown("Flask", slug="flask")}


@pytest.mark.parametrize(
    ("metadata", "message"),
    [
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
    ],
)
def test_a_broken_choice_is_named_and_dropped(build_site, metadata, message):
    build = build_site(
        {
            "pages/guide.md": markdown(
                "Guide", choice9url="/flask.html", choice9text="Still here.", **metadata
            ),
            **TARGET,
        },
        **FLAT,
    )

    assert build.messages == [f"pages/guide.md: {message}"]
    assert [c["data-text"] for c in build.choices("guide.html")] == ["Still here."]
    assert "Some text." in build.html("guide.html")


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
        "pages/guide.md: choice01url '/other.html' repeats choice1url and is not read",
        "pages/guide.md: choice1icon 'fa-terminal fa-flask' has more than one icon name; "
        "fa-flask is ignored",
        "pages/guide.md: choice2icon 'fa-lg' names no icon",
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
        "pages/guide.md: choice0url '/flask.html' is not read: choice keys are choiceNurl, "
        "choiceNicon and choiceNtext, numbered from 1",
        "pages/guide.md: choiceurl '/x.html' is not read: choice keys are choiceNurl, "
        "choiceNicon and choiceNtext, numbered from 1",
    ]


def test_a_bad_target_default_is_reported_on_the_target(build_site):
    build = build_site(
        {"pages/flask.md": markdown("Flask", slug="flask", choiceicon="fa-nope")},
        **FLAT,
    )

    assert build.messages == [
        "pages/flask.md: choiceicon 'fa-nope' is not a Font Awesome Free icon "
        "(did you mean fa-node?)"
    ]


def test_messages_are_warnings_from_the_plugins_logger(build_site):
    build = build_site({"pages/guide.md": markdown("Guide", choice1url="/nowhere.html")}, **FLAT)

    [record] = [r for r in build.records if r.levelno >= logging.WARNING]
    assert record.levelno == logging.WARNING
    assert record.name.startswith("pelican_choices")
    assert record.msg == "%s: %s %s leads to no page of this site"


def test_long_values_are_shortened_in_messages(build_site):
    long_url = "/" + "x" * 300
    build = build_site({"pages/guide.md": markdown("Guide", choice1url=long_url)}, **FLAT)

    [message] = build.messages
    assert message.startswith("pages/guide.md: choice1url '/xxxx")
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


def test_error_mode_fails_once_listing_every_broken_choice(build_site, caplog):
    files = {
        "pages/a.md": markdown("A", choice1url="/nowhere.html", choice2icon="fa-flask"),
        "pages/b.md": markdown("B", choice1url="{filename}gone.md", choice1icon="fa-nope"),
    }

    with pytest.raises(BrokenChoicesError) as failure:
        build_site(files, CHOICES_ON_BROKEN="error", **FLAT)

    assert len(failure.value.problems) == 3
    assert str(failure.value) == "3 broken choices; CHOICES_ON_BROKEN = 'error' stops the build"
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING] == [
        "3 broken choices (CHOICES_ON_BROKEN = 'error'):\n"
        "  pages/a.md: choice1url '/nowhere.html' leads to no page of this site\n"
        "  pages/a.md: choice2icon 'fa-flask' has no choice2url\n"
        "  pages/b.md: choice1url '{filename}gone.md' names no source file of this site"
    ]
