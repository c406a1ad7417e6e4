"""Every way an author can write choice slots, in Markdown and reStructuredText."""

from __future__ import annotations

from conftest import FLAT, markdown, template_overrides


def targets(*slugs: str) -> dict[str, str]:
    return {f"pages/{slug}.md": markdown(slug.title(), slug=slug) for slug in slugs}


def test_four_slots_become_choices_in_number_order(build_site):
    build = build_site(
        {
            "pages/guide.md": markdown(
                "Guide",
                choice2url="/flask.html",
                choice2text="Flask next.",
                choice2icon="fa-flask",
                choice1url="/django.html",
                choice1icon="fa-terminal fa-inverse",
                choice1text="Tell me more about Django.",
            ),
            **targets("django", "flask"),
        },
        **FLAT,
    )

    choices = build.choices("guide.html")

    assert [c["data-number"] for c in choices] == ["1", "2"]
    assert [c["data-url"] for c in choices] == ["/django.html", "/flask.html"]
    assert [c["data-text"] for c in choices] == ["Tell me more about Django.", "Flask next."]
    assert [c["data-icon"] for c in choices] == ["fa-solid-terminal", "fa-solid-flask"]
    assert choices[0]["data-modifiers"] == "inverse"
    assert build.messages == []


def test_numbers_beyond_four_and_gaps_are_kept(build_site):
    build = build_site(
        {
            "pages/guide.md": markdown(
                "Guide",
                choice1url="/a.html",
                choice2url="/b.html",
                choice6url="/c.html",
                choice12url="/d.html",
            ),
            **targets("a", "b", "c", "d"),
        },
        **FLAT,
    )

    choices = build.choices("guide.html")

    assert [c["data-number"] for c in choices] == ["1", "2", "6", "12"]
    assert [c["data-text"] for c in choices] == ["A", "B", "C", "D"]
    assert build.messages == []


def test_blank_slots_are_skipped_silently(build_site):
    source = "title: Guide\nchoice1url: /a.html\nchoice4url:\nchoice4icon:\nchoice4text:\n\nText.\n"
    build = build_site({"pages/guide.md": source, **targets("a")}, **FLAT)

    assert [c["data-number"] for c in build.choices("guide.html")] == ["1"]
    assert build.messages == []


def test_page_without_choices_has_an_empty_tuple(build_site, tmp_path):
    page = (
        '<p class="empty-tuple">{{ page.choices == () }}</p>\n'
        '{% with item = page %}{% include "_choices.html" %}{% endwith %}\n'
    )
    build = build_site(
        {"pages/plain.md": markdown("Plain", slug="plain")},
        THEME_TEMPLATES_OVERRIDES=template_overrides(
            tmp_path / "overrides", templates={"page.html": page}, kinds=()
        ),
        **FLAT,
    )

    assert '<p class="empty-tuple">True</p>' in build.html("plain.html")
    assert build.choices("plain.html") == []
    assert build.messages == []


def test_keys_are_read_whatever_their_case(build_site):
    source = "Title: Guide\nChoice1URL: /a.html\nCHOICE1TEXT: Shouting.\n\nText.\n"
    build = build_site({"pages/guide.md": source, **targets("a")}, **FLAT)

    assert [(c["data-url"], c["data-text"]) for c in build.choices("guide.html")] == [
        ("/a.html", "Shouting.")
    ]
    assert build.messages == []


def test_restructuredtext_metadata_works_the_same(build_site):
    source = """\
        Guide
        #####

        :slug: guide
        :choice1url: /a.html
        :choice1icon: fa-book fa-lg
        :choice1text: Read about A.
        :choice2url: {filename}b.rst
        :choice3url:

        Body text.
        """
    b_source = "B page\n######\n\n:slug: b\n\nText.\n"
    build = build_site(
        {"pages/guide.rst": source, "pages/b.rst": b_source, **targets("a")},
        **FLAT,
    )

    choices = build.choices("guide.html")

    assert [(c["data-url"], c["data-text"], c["data-icon"]) for c in choices] == [
        ("/a.html", "Read about A.", "fa-solid-book"),
        ("/b.html", "B page", "fa-solid-arrow-right"),
    ]
    assert choices[0]["data-modifiers"] == "lg"
    assert build.messages == []


def test_articles_get_choices_too(build_site):
    build = build_site(
        {
            "posts/news.md": markdown("News", date="2024-05-01", slug="news", choice1url="/a.html"),
            **targets("a"),
        },
        **FLAT,
    )

    assert [c["data-url"] for c in build.choices("news.html")] == ["/a.html"]


def test_text_split_over_lines_is_joined(build_site):
    source = "title: Guide\nchoice1url: /a.html\nchoice1text: A long\n    question.\n\nText.\n"
    build = build_site({"pages/guide.md": source, **targets("a")}, **FLAT)

    assert [c["data-text"] for c in build.choices("guide.html")] == ["A long question."]


def test_leading_zero_numbers_mean_the_same_slot(build_site):
    build = build_site(
        {
            "pages/guide.md": markdown("Guide", choice01url="/a.html", choice02url="/b.html"),
            **targets("a", "b"),
        },
        **FLAT,
    )

    assert [c["data-number"] for c in build.choices("guide.html")] == ["1", "2"]
    assert build.messages == []


def test_slot_numbers_too_long_to_read_are_reported(build_site):
    long_key = "choice" + "9" * 5000 + "url"
    padded_key = "choice" + "0" * 300 + "2url"
    source = f"title: Guide\n{long_key}: /a.html\n{padded_key}: /a.html\n\nText.\n"
    build = build_site({"pages/guide.md": source, **targets("a")}, **FLAT)

    assert [c["data-number"] for c in build.choices("guide.html")] == ["2"]
    assert build.messages == [
        f"content/pages/guide.md:2: {long_key} '/a.html' is not read: choice keys are choiceNurl, "
        "choiceNicon and choiceNtext, numbered from 1"
    ]


def test_a_url_or_icon_given_twice_alike_is_read_once(build_site):
    source = (
        "title: Guide\nchoice1url: /a.html\nchoice1url: /a.html\n"
        "choice1icon: fa-flask\nchoice1icon: fa-flask\n\nText.\n"
    )
    build = build_site({"pages/guide.md": source, **targets("a")}, **FLAT)

    assert [(c["data-url"], c["data-icon"]) for c in build.choices("guide.html")] == [
        ("/a.html", "fa-solid-flask")
    ]
    assert build.messages == []


def test_a_url_given_twice_differently_keeps_the_first_and_says_so(build_site):
    source = "title: Guide\nchoice1url: /a.html\nchoice1url: /b.html\n\nText.\n"
    build = build_site({"pages/guide.md": source, **targets("a", "b")}, **FLAT)

    assert [c["data-url"] for c in build.choices("guide.html")] == ["/a.html"]
    assert build.messages == [
        "content/pages/guide.md:2: choice1url '/a.html' is given 2 times; the first is used"
    ]
