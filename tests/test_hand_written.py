"""A theme that prints the choice fields by hand keeps its own buttons, and the author is told."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from conftest import FLAT, build_in, markdown, run_pelican, template_overrides, write_files

# Four choices, as guide sites that print them by hand write them.
GUIDE = {
    "pages/django.md": markdown(
        "Django",
        "Django is a web framework.",
        slug="django",
        choice1url="/flask.html",
        choice1icon="fa-flask",
        choice1text="Flask instead.",
        choice2url="/deployment.html",
        choice2icon="fa-cloud",
        choice2text="Deploy it.",
        choice3url="/databases.html",
        choice3icon="fa-database",
        choice3text="Store data.",
        choice4url="/no-such-page.html",
        choice4icon="fa-question",
        choice4text="Something else.",
    ),
    "pages/flask.md": markdown("Flask", slug="flask", choice1url="/django.html"),
    "pages/deployment.md": markdown("Deployment", slug="deployment"),
    "pages/databases.md": markdown("Databases", slug="databases"),
}
# A hand-written choices template in the form Full Stack Python's theme used: three
# or four columns, each printing one choice's fields as they are.
CHAPTER_CHOICES = (
    "{% if not page.choice4url == '' %}{% set width = 3 %}\n"
    "{% else %}{% set width = 4 %}{% endif %}\n"
    '<div class="row">\n'
    + "".join(
        f'<div class="col-md-{{{{ width }}}}">'
        f'<a class="hand-written" href="{{{{ page.choice{n}url }}}}">'
        f'<i class="fa {{{{ page.choice{n}icon }}}}"></i></a>'
        f'<p class="under-btn">{{{{ page.choice{n}text }}}}</p></div>\n'
        for n in range(1, 5)
    )
    + "</div>\n"
)
PAGE_WITH = (
    '{{% extends "!simple/page.html" %}}\n'
    "{{% block content %}}{{{{ page.content }}}}{}{{% endblock %}}"
)
INCLUDED = PAGE_WITH.format('{% include "chapter-choices.html" %}')
# The page template's file, and the line of it that reads a field or includes what does.
READS_FIELDS = (
    "{where}: the choices are not placed in the pages of this template (first "
    "pages/django.md): it reads the choice fields itself ({places}), so the theme prints "
    "them as they are written: not escaped, links not checked, {{filename}} not expanded; "
    "the plugin still checks them and reports their problems. Replace what reads them "
    'with {{% include "pelican_choices/choices.html" %}}, or delete it and let the plugin '
    "place the choices; CHOICES_PLACE_AFTER_CONTENT = False silences this"
)
BROKEN_CHOICE4 = (
    "content/pages/django.md:12: choice4url '/no-such-page.html' leads to no page of this site"
)


def build_with(tmp_path, templates: dict[str, str], **settings):
    """The guide in Pelican's simple theme, its templates overridden with ``templates``."""
    overrides = template_overrides(tmp_path / "overrides", templates=templates, kinds=())
    return build_in(
        tmp_path, GUIDE, THEME="simple", THEME_TEMPLATES_OVERRIDES=overrides, **FLAT, **settings
    )


def page(build, path: str = "django.html") -> BeautifulSoup:
    return BeautifulSoup(build.html(path), "html.parser")


def test_a_hand_written_choices_template_is_left_to_print_alone_with_one_warning(tmp_path):
    build = build_with(tmp_path, {"page.html": INCLUDED, "chapter-choices.html": CHAPTER_CHOICES})

    for path in ("django.html", "flask.html"):
        assert page(build, path).select("nav.choices") == [], path
    assert [a["href"] for a in page(build).select("a.hand-written")] == [
        "/flask.html",
        "/deployment.html",
        "/databases.html",
        "/no-such-page.html",
    ]
    assert [m for m in build.messages if "not placed" in m] == [
        READS_FIELDS.format(
            where="overrides/page.html:2",
            places="choice4url at chapter-choices.html:1, included at page.html:2",
        )
    ]
    # The plugin still reads the fields, and names their problems.
    assert BROKEN_CHOICE4 in build.messages


@pytest.mark.parametrize(
    "replacement",
    [
        '{% if "pelican_choices" is plugin_enabled %}'
        '{% include "pelican_choices/choices.html" %}{% endif %}',
        "",
    ],
    ids=["replaced by the partial", "removed"],
)
def test_once_the_hand_written_include_goes_the_plugin_prints_one_set_without_a_warning(
    tmp_path, replacement
):
    build = build_with(
        tmp_path,
        {"page.html": PAGE_WITH.format(replacement), "chapter-choices.html": CHAPTER_CHOICES},
    )

    [nav] = page(build).select("nav.choices")
    assert [a["href"] for a in nav.select("a.choice")] == [
        "/flask.html",
        "/deployment.html",
        "/databases.html",
    ]
    assert page(build).select("a.hand-written") == []
    assert [m for m in build.messages if "not placed" in m] == []
    assert build.messages == [BROKEN_CHOICE4]


@pytest.mark.parametrize(
    ("templates", "where", "field"),
    [
        (
            {"chapter-choices.html": "<p>{{ page.choice2url }}{{ page.choice1icon }}</p>"},
            "chapter-choices.html:1",
            "choice2url",
        ),
        (
            {
                "chapter-choices.html": (
                    '{% import "buttons.html" as buttons %}\n{{ buttons.button(page) }}'
                ),
                "buttons.html": "{% macro button(p) %}\n\n<p>{{ p.choice2text|e }}</p>"
                "{% endmacro %}",
            },
            "buttons.html:3",
            "choice2text",
        ),
        (
            {"chapter-choices.html": "\n<i class=\"{{ page['choice3icon'] }}\"></i>"},
            "chapter-choices.html:2",
            "choice3icon",
        ),
        (
            {"chapter-choices.html": "<a href=\"{{ page|attr('choice1url') }}\">go</a>"},
            "chapter-choices.html:1",
            "choice1url",
        ),
        (
            {
                "chapter-choices.html": (
                    "{% for n in range(1, 5) %}\n"
                    "<a href=\"{{ page['choice' ~ n ~ 'url'] }}\">{{ n }}</a>{% endfor %}"
                )
            },
            "chapter-choices.html:2",
            "a key built from 'choice'",
        ),
        (
            {
                "chapter-choices.html": (
                    "{% set key = 'choice%durl' % 1 %}<a href=\"{{ page.metadata.get(key) }}\">"
                )
            },
            "chapter-choices.html:1",
            "a key built from 'choice%durl'",
        ),
    ],
    ids=["attribute", "macro argument", "subscript", "attr filter", "built key", "kept key"],
)
def test_every_way_a_template_reads_a_field_counts(tmp_path, templates, where, field):
    build = build_with(tmp_path, {"page.html": INCLUDED, **templates})

    assert page(build).select("nav.choices") == []
    assert [m for m in build.messages if "not placed" in m] == [
        READS_FIELDS.format(
            where="overrides/page.html:2", places=f"{field} at {where}, included at page.html:2"
        )
    ]


def test_fields_read_in_a_template_the_page_extends_are_named_there(tmp_path):
    base = (
        '{% extends "!simple/base.html" %}\n{% block footer %}'
        '<a href="{{ page.choice1url if page else "" }}">next</a>{% endblock %}'
    )
    page_template = '{% extends "base.html" %}\n{% block content %}{{ page.content }}{% endblock %}'
    build = build_with(tmp_path, {"base.html": base, "page.html": page_template})

    assert page(build).select("nav.choices") == []
    assert [m for m in build.messages if "not placed" in m] == [
        READS_FIELDS.format(where="overrides/page.html", places="choice1url at base.html:2")
    ]


def test_every_template_that_reads_the_fields_is_named(tmp_path):
    """A page template that tests a field, then includes the hand-written template or another."""
    page_template = PAGE_WITH.format(
        "\n{% if page.choice1url %}\n"
        '{% include "chapter-choices.html" %}\n'
        '{% else %}{% include "chapters/" + page.slug + ".html" ignore missing %}{% endif %}'
    )
    build = build_with(
        tmp_path, {"page.html": page_template, "chapter-choices.html": CHAPTER_CHOICES}
    )

    assert page(build).select("nav.choices") == []
    assert len(page(build).select("a.hand-written")) == 4
    assert [m for m in build.messages if "not placed" in m] == [
        READS_FIELDS.format(
            where="overrides/page.html:3",
            places="choice1url at page.html:3; "
            "choice4url at chapter-choices.html:1, included at page.html:4",
        )
    ]


def test_a_computed_include_cannot_be_followed_so_nothing_is_placed_and_the_warning_says_so(
    tmp_path,
):
    computed = PAGE_WITH.format('\n{% include "choices/" + page.slug + ".html" ignore missing %}')
    build = build_with(tmp_path, {"page.html": computed, "choices/django.html": CHAPTER_CHOICES})

    assert page(build).select("nav.choices") == []
    assert len(page(build).select("a.hand-written")) == 4
    assert [m for m in build.messages if "not placed" in m] == [
        "overrides/page.html:3: the choices are not placed in the pages of this template "
        "(first pages/django.md): page.html:3 names a template that is worked out as the page is "
        "written, so whether the theme prints the choice fields itself cannot be told; "
        "include pelican_choices/choices.html where the choices belong, or set "
        "CHOICES_PLACE_AFTER_CONTENT = False"
    ]


def test_the_setting_that_leaves_placing_to_the_theme_silences_the_warning(tmp_path):
    build = build_with(
        tmp_path,
        {"page.html": INCLUDED, "chapter-choices.html": CHAPTER_CHOICES},
        CHOICES_PLACE_AFTER_CONTENT=False,
    )

    assert len(page(build).select("a.hand-written")) == 4
    assert build.messages == [BROKEN_CHOICE4]


def test_a_strict_build_fails_on_a_hand_written_choices_template(tmp_path):
    """``--fatal warnings`` stops a build whose theme prints the fields itself."""
    files = {f"content/{name}": text for name, text in GUIDE.items()}
    files["content/pages/django.md"] = markdown("Django", slug="django", choice1url="/flask.html")
    files["templates/page.html"] = INCLUDED
    files["templates/chapter-choices.html"] = CHAPTER_CHOICES
    files["pelicanconf.py"] = (
        'PATH = "content"\nTHEME = "simple"\nTHEME_TEMPLATES_OVERRIDES = ["templates"]\n'
        'PLUGINS = ["pelican_choices"]\nTIMEZONE = "UTC"\nPAGE_URL = PAGE_SAVE_AS = "{slug}.html"\n'
        "FEED_ALL_ATOM = CATEGORY_FEED_ATOM = TRANSLATION_FEED_ATOM = None\n"
        "AUTHOR_FEED_ATOM = AUTHOR_FEED_RSS = None\n"
    )
    write_files(tmp_path, files)

    result = run_pelican(tmp_path, "--fatal", "warnings")

    assert result.returncode != 0
    assert (
        "(choice4url at chapter-choices.html:1, included at page.html:2)"
        in result.stdout + result.stderr
    )
