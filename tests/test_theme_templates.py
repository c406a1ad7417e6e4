"""Every template of the bundled theme, and the Pelican settings it honours."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from conftest import FLAT, Build, build_in, markdown

import pelican_choices

THEME = {"THEME": pelican_choices.THEME_PATH}


def soup(build, path: str) -> BeautifulSoup:
    return BeautifulSoup(build.html(path), "html.parser")


def contents(page: BeautifulSoup) -> list[tuple[str | None, str | None, list[str]]]:
    """Each list of the home page's contents: the heading right before it, its start, its links."""
    found = []
    for ol in page.select("section.toc ol"):
        before = ol.find_previous_sibling()
        heading = before.get_text() if before.name == "h3" else None
        found.append((heading, ol.get("start"), [a["href"] for a in ol.select("a")]))
    return found


def article(title: str, day: int, **metadata: str) -> str:
    return markdown(title, date=f"2024-0{1 + day % 9}-1{day % 9}", **metadata)


@pytest.fixture(scope="module")
def blog(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """A small blog using every template, with the settings the theme honours."""
    return build_in(
        tmp_path_factory.mktemp("blog"),
        {
            "pages/one.md": markdown("One", slug="one", sort_order="1", category="Basics"),
            "pages/two.md": markdown(
                "Two", slug="two", sort_order="2", category="Advanced", choice1url="/one.html"
            ),
            "pages/three.md": markdown("Three", slug="three", sort_order="1.5"),
            "pages/un.md": markdown("Un", slug="one", lang="fr", sort_order="1"),
            "pages/about.md": markdown("About", slug="about"),
            "posts/a.md": article("Alpha", 1, category="News", tags="x, y", author="Ada"),
            "posts/b.md": article("Beta", 2, category="Notes", tags="y", author="Bo"),
            "posts/c.md": article("Gamma", 3, category="News", author="Ada"),
        },
        DEFAULT_PAGINATION=2,
        USE_FOLDER_AS_CATEGORY=False,
        YEAR_ARCHIVE_SAVE_AS="{date:%Y}/index.html",
        YEAR_ARCHIVE_URL="{date:%Y}/",
        SITENAME="Tips & <em>Tricks</em>",
        SITESUBTITLE="A & B",
        MENUITEMS=[("Home", "/"), ("Feed", "/feeds/all.atom.xml")],
        DISPLAY_PAGES_ON_MENU=True,
        DISPLAY_CATEGORIES_ON_MENU=True,
        LINKS=[("Pelican", "https://getpelican.com/")],
        SOCIAL=[("Mastodon", "https://example.social/@guide")],
        FEED_ALL_ATOM="feeds/all.atom.xml",
        FEED_DOMAIN="",
        **THEME,
        **FLAT,
    )


def test_every_template_renders(blog):
    for path in [
        "index.html",
        "index2.html",
        "one.html",
        "one-fr.html",
        "archives.html",
        "categories.html",
        "tags.html",
        "authors.html",
        "category/news.html",
        "tag/y.html",
        "author/ada.html",
        "2024/index.html",
    ]:
        page = soup(blog, path)
        assert len(page.select("main h1")) == 1, path
        assert page.select_one("html")["lang"], path
    assert blog.messages == []


def test_site_name_and_subtitle_are_escaped_text(blog):
    page = soup(blog, "index.html")

    assert page.select_one(".site-name").get_text() == "Tips & Tricks"
    assert page.select_one(".site-name em") is None
    assert page.select_one("title").get_text() == "Tips & Tricks"
    assert page.select_one(".site-subtitle").get_text() == "A & B"
    assert "A &amp; B" in blog.html("index.html")


def test_the_menu_honours_pelicans_settings(blog):
    page = soup(blog, "two.html")

    menu = [(a.get_text(), a["href"]) for a in page.select("nav.site-menu a")]
    # The pages in the reading order are reached through the contents, the others directly.
    assert menu == [
        ("Home", "/"),
        ("Feed", "/feeds/all.atom.xml"),
        ("About", "/about.html"),
        ("Contents", "/#toc-heading"),
        ("News", "/category/news.html"),
        ("Notes", "/category/notes.html"),
    ]
    assert page.select('nav.site-menu a[aria-current="page"]') == []
    current = soup(blog, "about.html").select('nav.site-menu a[aria-current="page"]')
    assert [a["href"] for a in current] == ["/about.html"]
    current = soup(blog, "index.html").select('nav.site-menu a[aria-current="page"]')
    assert [a["href"] for a in current] == ["/#toc-heading"]
    assert soup(blog, "index2.html").select('nav.site-menu a[aria-current="page"]') == []
    footer = [(a.get_text(), a["href"]) for a in page.select(".site-footer a")]
    assert ("Pelican", "https://getpelican.com/") in footer
    assert ("Mastodon", "https://example.social/@guide") in footer
    assert page.select_one('link[rel="alternate"][type="application/atom+xml"]')["href"] == (
        "/feeds/all.atom.xml"
    )


def test_the_contents_number_the_reading_order_with_a_heading_for_each_chapter(blog):
    page = soup(blog, "index.html")

    # "Three" writes no category: Pelican's DEFAULT_CATEGORY is no chapter.
    headings = [h.get_text() for h in page.select("section.toc h3")]
    assert headings == ["Basics", "Advanced", "Other pages"]
    assert [a["href"] for a in page.select("section.toc ul.toc-other a")] == ["/about.html"]
    assert contents(page) == [
        ("Basics", None, ["/one.html"]),
        (None, "2", ["/three.html"]),
        ("Advanced", "3", ["/two.html"]),
    ]
    assert "misc" not in page.select_one("section.toc").get_text()
    assert soup(blog, "index2.html").select("section.toc") == []


def test_pagination_and_translations_link_with_rel_and_hreflang(blog):
    assert soup(blog, "index.html").select_one('nav.pagination a[rel="next"]')["href"] == (
        "/index2.html"
    )
    page = soup(blog, "one.html")
    assert page.select_one('.translations a[hreflang="fr"]')["href"] == "/one-fr.html"
    assert page.select_one('link[rel="alternate"][hreflang="fr"]')["href"] == "/one-fr.html"
    assert soup(blog, "one-fr.html").select_one("html")["lang"] == "fr"


def test_choices_show_under_a_heading_and_the_pager_follows_the_reading_order(blog):
    page = soup(blog, "two.html")

    [nav] = page.select("nav.choices")
    assert nav.select_one("h2").get_text() == "Where next?"
    assert [a["href"] for a in nav.select("a.choice")] == ["/one.html"]
    assert page.select('link[href*="pelican-choices/choices.css"]') == []
    assert page.select_one('nav.pager a[rel="prev"]')["href"] == "/three.html"
    assert page.select_one('nav.pager a[rel="next"]') is None


def test_theme_settings_change_the_headings(build_site):
    build = build_site(
        {
            "pages/a.md": markdown("A", slug="a", sort_order="1", choice1url="/b.html"),
            "pages/b.md": markdown("B", slug="b", sort_order="2"),
        },
        CHOICES_NAV_LABEL="Keep reading",
        THEME_TOC_HEADING="Chapters",
        THEME_PAGER_LABEL="Chapter by chapter",
        THEME_SHOW_CREDIT=False,
        **THEME,
        **FLAT,
    )

    page = soup(build, "a.html")
    heading = page.select_one("nav.choices h2")
    assert heading.get_text() == "Keep reading"
    assert page.select_one("nav.choices")["aria-labelledby"] == heading["id"]
    assert page.select_one("nav.pager")["aria-label"] == "Chapter by chapter"
    assert page.select(".site-credit") == []
    assert soup(build, "index.html").select_one("#toc-heading").get_text() == "Chapters"


def test_each_page_describes_itself(build_site):
    opening = "A *first* paragraph & its <b>words</b>."
    build = build_site(
        {
            "pages/plain.md": markdown("Plain", f"{opening}\n\nA second one.", slug="plain"),
            "pages/summed.md": markdown("Summed", "Text.", slug="summed", summary="In *brief*."),
            "pages/described.md": markdown(
                "Described", "Text.", slug="described", summary="No.", description="Set & kept"
            ),
            "pages/long.md": markdown("Long", "word " * 200, slug="long"),
            "posts/a.md": article("Alpha", 1, slug="alpha"),
        },
        **THEME,
        **FLAT,
    )

    def description(path: str) -> str:
        return soup(build, path).select_one('meta[name="description"]')["content"]

    assert description("plain.html") == "A first paragraph & its words."
    assert description("summed.html") == "In brief."
    assert description("described.html") == "Set & kept"
    assert description("alpha.html") == "Some text."
    long = description("long.html")
    assert long.startswith("word word")
    assert long.endswith("...")
    assert len(long) <= 300


@pytest.mark.parametrize(
    ("ordered", "unordered", "shown"),
    [(0, 300, 10), (300, 0, 0), (280, 20, 10)],
    ids=["no-sort-orders", "all-sort-orders", "both"],
)
def test_the_menu_holds_a_dozen_links_whatever_the_number_of_pages(
    build_site, ordered, unordered, shown
):
    """Pelican shows every page in the menu by default (DISPLAY_PAGES_ON_MENU)."""
    pages = {
        f"pages/in{n:03}.md": markdown(f"In order {n:03}", slug=f"in{n:03}", sort_order=str(n))
        for n in range(1, ordered + 1)
    }
    pages.update(
        {
            f"pages/out{n:03}.md": markdown(f"Outside {n:03}", slug=f"out{n:03}")
            for n in range(1, unordered + 1)
        }
    )
    build = build_site(pages, MENUITEMS=[("Archives", "/archives.html")], **THEME, **FLAT)

    for path in ["index.html", "in001.html" if ordered else "out300.html", "archives.html"]:
        menu = [(a.get_text(), a["href"]) for a in soup(build, path).select("nav.site-menu a")]
        assert len(menu) <= 12, path
        assert menu == [
            ("Archives", "/archives.html"),
            *((f"Outside {n:03}", f"/out{n:03}.html") for n in range(1, shown + 1)),
            ("Contents", "/#toc-heading"),
        ], path
    # The contents list every page: the reading order, then the pages outside it.
    toc = soup(build, "index.html").select_one("section.toc")
    assert len(toc.select("ol.toc-list li")) == (ordered or unordered)
    assert len(toc.select("li")) == ordered + unordered
