"""With no template changed, the plugin puts the choices after the text of each article and page."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import FLAT, build_in, markdown, template_overrides

import pelican_choices

STYLESHEET = Path(pelican_choices.__file__).parent / "static" / "choices.css"
SITE = {
    "pages/guide.md": markdown(
        "Guide",
        "The first paragraph.\n\nThe last paragraph of the guide.",
        slug="guide",
        choice1url="/flask.html",
        choice1icon="fa-flask fa-inverse",
        choice1text="Learn Flask.",
        choice2url="https://example.org/",
        choice2text="Elsewhere.",
    ),
    "pages/flask.md": markdown("Flask", slug="flask"),
    "posts/news.md": markdown(
        "News",
        "The news of the week.",
        slug="news",
        date="2024-03-01",
        summary="A short summary.",
        choice1url="/guide.html",
        choice1text="Read the guide.",
    ),
    "posts/draft.md": markdown(
        "Draft", slug="draft", date="2024-03-02", status="draft", choice1url="/guide.html"
    ),
}
SIMPLE = {"THEME": "simple", "FEED_ALL_ATOM": "feeds/all.atom.xml", **FLAT}
# A simple page.html with ``{}`` after the text.
PAGE_CONTENT = (
    '{{% extends "!simple/page.html" %}}'
    "{{% block content %}}{{{{ page.content }}}}{}{{% endblock %}}"
)


def soup(build, path: str) -> BeautifulSoup:
    return BeautifulSoup(build.html(path), "html.parser")


@pytest.fixture(scope="module")
def simple(tmp_path_factory):
    """SITE in Pelican's simple theme, nothing but the plugin enabled."""
    return build_in(tmp_path_factory.mktemp("simple"), SITE, **SIMPLE)


def test_the_choices_follow_the_last_paragraph_in_the_same_element(simple):
    page = soup(simple, "guide.html")

    [nav] = page.select("nav.choices")
    paragraph = nav.find_previous_sibling("p")
    assert paragraph.get_text() == "The last paragraph of the guide."
    assert nav.parent is paragraph.parent
    assert [a.get_text() for a in nav.select("a.choice")] == ["Learn Flask.", "Elsewhere."]
    assert simple.messages == []


def test_articles_and_drafts_get_their_choices_too(simple):
    for path in ("news.html", "drafts/draft.html"):
        [nav] = soup(simple, path).select("nav.choices")
        assert [a["href"] for a in nav.select("a.choice")] == ["/guide.html"], path


def test_listings_feeds_and_summaries_do_not_get_the_choices(simple):
    for path in ("index.html", "archives.html", "category/posts.html", "feeds/all.atom.xml"):
        written = simple.html(path)
        assert "choices" not in written, path
        assert "Read the guide." not in written, path
    assert "A short summary." in simple.html("index.html")


def test_the_heading_names_the_nav(simple):
    [nav] = soup(simple, "guide.html").select("nav.choices")

    heading = nav.select_one("h2.choices-heading")
    assert (heading.get_text(), heading["id"]) == ("Where next?", nav["aria-labelledby"])
    assert "choices-visually-hidden" not in heading["class"]


def test_the_stylesheet_is_linked_once_and_written_with_a_hash_of_its_text(simple):
    digest = hashlib.sha256(STYLESHEET.read_bytes()).hexdigest()[:10]

    links = soup(simple, "guide.html").select('link[rel="stylesheet"]')
    assert [link["href"] for link in links if "choices" in link["href"]] == [
        f"/pelican-choices/choices.css?v={digest}"
    ]
    written = simple.output / "pelican-choices" / "choices.css"
    assert written.read_bytes() == STYLESHEET.read_bytes()


def test_relative_urls_link_the_stylesheet_from_every_folder(tmp_path):
    build = build_in(tmp_path, SITE, RELATIVE_URLS=True, **SIMPLE)

    for path in ("guide.html", "drafts/draft.html"):
        link = soup(build, path).select_one('link[href*="choices.css"]')
        target = (build.output / path).parent / link["href"].partition("?")[0]
        assert target.resolve().is_file(), path


def test_settings_hide_the_heading_and_leave_out_the_stylesheet(tmp_path):
    build = build_in(tmp_path, SITE, CHOICES_HIDE_HEADING=True, CHOICES_STYLESHEET=False, **SIMPLE)

    page = soup(build, "guide.html")
    assert "choices-visually-hidden" in page.select_one("h2.choices-heading")["class"]
    assert page.select('link[href*="choices.css"]') == []
    assert not (build.output / "pelican-choices").exists()


def test_the_stylesheet_is_written_for_a_theme_that_links_it_in_its_head(tmp_path):
    head = (
        '{% extends "!simple/base.html" %}{% block head %}{{ super() }}'
        '<link rel="stylesheet" href="{{ SITEURL }}/{{ choices_stylesheet_url|e }}">{% endblock %}'
    )
    partial = (
        '{% with choices_stylesheet = false %}{% include "pelican_choices/choices.html" %}'
        "{% endwith %}"
    )
    templates = {"base.html": head, "page.html": PAGE_CONTENT.format(partial)}
    overrides = template_overrides(tmp_path / "overrides", templates=templates, kinds=())
    build = build_in(tmp_path, SITE, THEME_TEMPLATES_OVERRIDES=overrides, **SIMPLE)

    links = soup(build, "guide.html").select('link[href*="choices.css"]')
    assert [link.parent.name for link in links] == ["head"]
    assert (build.output / "pelican-choices" / "choices.css").is_file()


def test_the_stylesheet_is_not_written_where_no_page_links_it(tmp_path):
    partial = (
        '{% with choices_stylesheet = false %}{% include "pelican_choices/choices.html" %}'
        "{% endwith %}"
    )
    templates = {"page.html": PAGE_CONTENT.format(partial)}
    overrides = template_overrides(tmp_path / "overrides", templates=templates, kinds=())
    build = build_in(tmp_path, SITE, THEME_TEMPLATES_OVERRIDES=overrides, **SIMPLE)

    assert len(soup(build, "guide.html").select("nav.choices")) == 1
    # The article still gets the partial, and its link, after its text.
    assert len(soup(build, "news.html").select('link[href*="choices.css"]')) == 1
    assert (build.output / "pelican-choices" / "choices.css").is_file()

    only_pages = {name: text for name, text in SITE.items() if name.startswith("pages/")}
    build = build_in(tmp_path / "pages", only_pages, THEME_TEMPLATES_OVERRIDES=overrides, **SIMPLE)
    assert len(soup(build, "guide.html").select("nav.choices")) == 1
    assert soup(build, "guide.html").select('link[href*="choices.css"]') == []
    assert not (build.output / "pelican-choices").exists()


def test_a_setting_leaves_placing_to_the_theme(tmp_path):
    build = build_in(tmp_path, SITE, CHOICES_PLACE_AFTER_CONTENT=False, **SIMPLE)

    assert soup(build, "guide.html").select("nav.choices") == []
    assert not (build.output / "pelican-choices").exists()
    assert build.messages == []


def page_override(folder, block: str) -> list[str]:
    """THEME_TEMPLATES_OVERRIDES with a simple ``page.html`` whose content block is ``block``."""
    return template_overrides(folder, '{% extends "!simple/page.html" %}' + block, kinds=("page",))


@pytest.mark.parametrize(
    "template",
    [
        "{% block content %}{{ page.content }}<aside>{{ page.content }}</aside>{% endblock %}",
        "{% block content %}{{ page.content|upper }}{% endblock %}",
    ],
    ids=["printed twice", "changed by a filter"],
)
def test_where_the_text_is_not_printed_once_nothing_is_placed_and_the_template_is_named(
    tmp_path, template
):
    overrides = page_override(tmp_path / "overrides", template)
    site = {**SITE, "pages/more.md": markdown("More", slug="more", choice1url="/flask.html")}
    build = build_in(tmp_path, site, THEME_TEMPLATES_OVERRIDES=overrides, **SIMPLE)

    assert soup(build, "guide.html").select("nav.choices") == []
    assert soup(build, "more.html").select("nav.choices") == []
    [message] = [m for m in build.messages if "not placed" in m]
    assert message == (
        "overrides/page.html: the choices are not placed in the pages of this template (first "
        "pages/guide.md): it does not print {{ article.content }} or {{ page.content }} once, "
        "as it is; include pelican_choices/choices.html in the template, or set "
        "CHOICES_PLACE_AFTER_CONTENT = False"
    )
    assert len(soup(build, "news.html").select("nav.choices")) == 1


def test_a_page_without_text_gets_its_choices_where_the_text_would_be(tmp_path):
    site = {"pages/hub.md": "title: Hub\nslug: hub\nchoice1url: /flask.html\n\n", **SITE}
    build = build_in(tmp_path, site, **SIMPLE)

    [nav] = soup(build, "hub.html").select("nav.choices")
    assert [a["href"] for a in nav.select("a.choice")] == ["/flask.html"]
    assert build.messages == []


def test_a_theme_that_prints_its_own_nav_keeps_it_alone(tmp_path):
    own = (
        '{% block content %}{{ page.content }}<nav class="choices">'
        '{% for c in page.choices %}<a class="mine" href="{{ c.url|e }}">{{ c.text|e }}</a>'
        "{% endfor %}</nav>{% endblock %}"
    )
    overrides = page_override(tmp_path / "overrides", own)
    build = build_in(tmp_path, SITE, THEME_TEMPLATES_OVERRIDES=overrides, **SIMPLE)

    page = soup(build, "guide.html")
    assert len(page.select("nav.choices")) == 1
    assert [a.get_text() for a in page.select("nav.choices a.mine")] == [
        "Learn Flask.",
        "Elsewhere.",
    ]
