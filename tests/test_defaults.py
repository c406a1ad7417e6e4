"""What a choice shows when it does not say everything itself."""

from __future__ import annotations

from conftest import FLAT, markdown


def test_a_target_offers_its_own_text_and_icon(build_site):
    build = build_site(
        {
            "pages/guide.md": markdown(
                "Guide",
                choice1url="/flask.html",
                choice2url="/flask.html#start",
                choice2text="My own words.",
                choice2icon="fa-book",
            ),
            "pages/flask.md": markdown(
                "Flask", slug="flask", choicetext="Learn Flask.", choiceicon="fa-flask fa-inverse"
            ),
        },
        **FLAT,
    )

    choices = build.choices("guide.html")

    assert [(c["data-text"], c["data-icon"], c["data-modifiers"]) for c in choices] == [
        ("Learn Flask.", "fa-solid-flask", "inverse"),
        ("My own words.", "fa-solid-book", ""),
    ]
    assert build.messages == []


def test_text_falls_back_to_the_title_and_icon_to_the_default(build_site):
    build = build_site(
        {
            "pages/guide.md": markdown("Guide", choice1url="/flask.html"),
            "pages/flask.md": markdown("The Flask Framework", slug="flask"),
        },
        CHOICES_DEFAULT_ICON="fa-circle-right",
        **FLAT,
    )

    assert [(c["data-text"], c["data-icon"]) for c in build.choices("guide.html")] == [
        ("The Flask Framework", "fa-solid-circle-right")
    ]


def test_no_default_icon_when_the_setting_is_none(build_site):
    build = build_site(
        {
            "pages/guide.md": markdown("Guide", choice1url="/flask.html"),
            "pages/flask.md": markdown("Flask", slug="flask"),
        },
        CHOICES_DEFAULT_ICON=None,
        **FLAT,
    )

    assert [c["data-icon"] for c in build.choices("guide.html")] == [""]


def test_an_unknown_icon_keeps_the_choice_with_the_next_icon_in_line(build_site):
    build = build_site(
        {
            "pages/guide.md": markdown(
                "Guide", choice1url="/flask.html", choice1icon="fa-flaks", choice1text="Flask!"
            ),
            "pages/flask.md": markdown("Flask", slug="flask", choiceicon="fa-vial"),
        },
        **FLAT,
    )

    assert [(c["data-text"], c["data-icon"]) for c in build.choices("guide.html")] == [
        ("Flask!", "fa-solid-vial")
    ]
    assert build.messages == [
        "content/pages/guide.md:3: choice1icon 'fa-flaks' is not a Font Awesome Free icon "
        "(did you mean fa-flask or fa-flash?)"
    ]


def test_an_outside_address_without_text_is_dropped_and_reported(build_site):
    build = build_site(
        {
            "pages/guide.md": markdown(
                "Guide",
                choice1url="https://example.org/",
                choice2url="https://example.org/b",
                choice2text="Kept.",
            )
        },
        **FLAT,
    )

    assert [c["data-text"] for c in build.choices("guide.html")] == ["Kept."]
    assert build.messages == [
        "content/pages/guide.md:2: choice1url 'https://example.org/' has no text: add choice1text"
    ]
