"""Each kind of target a choice can lead to, and the href the build prints for it."""

from __future__ import annotations

import pytest
from conftest import FLAT, Build, build_in, markdown


def guide(**slots: str) -> str:
    return markdown("Guide", slug="guide", **slots)


def hrefs(build, path="guide.html"):
    return [(c["data-url"], c["data-text"]) for c in build.choices(path)]


SITE_PATHS = [
    "/django.html",
    "django.html",
    "/django.html?tab=1#install",
    "/./django.html",
    "/notes/../django.html",
    "/notes//../django.html",
    "/%64jango.html",
]


@pytest.fixture(scope="module")
def site_paths(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """A guide page for each way of SITE_PATHS to write the address of the Django page."""
    files = {
        f"pages/guide{index}.md": markdown("Guide", slug=f"guide{index}", choice1url=written)
        for index, written in enumerate(SITE_PATHS)
    }
    files["pages/django.md"] = markdown("Django", slug="django")
    return build_in(tmp_path_factory.mktemp("paths"), files, **FLAT)


@pytest.mark.parametrize(("index", "written"), list(enumerate(SITE_PATHS)), ids=SITE_PATHS)
def test_site_paths_lead_to_the_page_at_that_url(site_paths, index, written):
    suffix = written.partition(".html")[2]
    assert hrefs(site_paths, f"guide{index}.html") == [(f"/django.html{suffix}", "Django")]
    assert site_paths.messages == []


def test_directory_urls_match_with_or_without_slash_or_index(build_site):
    build = build_site(
        {
            "pages/guide.md": guide(
                choice1url="/django/", choice2url="/django", choice3url="/django/index.html"
            ),
            "pages/django.md": markdown("Django", slug="django"),
        },
        PAGE_URL="{slug}/",
        PAGE_SAVE_AS="{slug}/index.html",
    )

    assert hrefs(build, "guide/index.html") == [("/django/", "Django")] * 3


def test_filename_links_resolve_like_pelicans_own(build_site):
    build = build_site(
        {
            "pages/guide.md": guide(
                choice1url="{filename}django.md",
                choice2url="{filename}/pages/deep/flask.md",
                choice3url="{filename}../posts/news.md#today",
                choice4url="|filename|deep/flask.md",
            ),
            "pages/django.md": markdown("Django", slug="django"),
            "pages/deep/flask.md": markdown("Flask", slug="flask"),
            "posts/news.md": markdown("News", slug="news", date="2024-01-02"),
        },
        **FLAT,
    )

    assert hrefs(build) == [
        ("/django.html", "Django"),
        ("/flask.html", "Flask"),
        ("/news.html#today", "News"),
        ("/flask.html", "Flask"),
    ]


def test_static_links_are_copied_even_outside_static_paths(build_site):
    build = build_site(
        {
            "pages/guide.md": guide(
                choice1url="{static}/downloads/cheatsheet.pdf",
                choice1text="Get the cheat sheet.",
                choice2url="{static}../images/map.png",
                choice2text="See the map.",
            ),
            "downloads/cheatsheet.pdf": b"%PDF-1.4 test",
            "images/map.png": b"\x89PNG test",
        },
        STATIC_PATHS=["images"],
        **FLAT,
    )

    assert hrefs(build) == [
        ("/downloads/cheatsheet.pdf", "Get the cheat sheet."),
        ("/images/map.png", "See the map."),
    ]
    assert (build.output / "downloads/cheatsheet.pdf").read_bytes() == b"%PDF-1.4 test"
    assert build.messages == []


def test_taxonomy_and_index_links_lead_to_pages_the_build_writes(build_site):
    build = build_site(
        {
            "pages/guide.md": guide(
                choice1url="{index}",
                choice2url="{category}Web Development",
                choice3url="{tag}python",
                choice4url="{author}Ada Lovelace",
            ),
            "posts/news.md": markdown(
                "News",
                date="2024-01-02",
                category="Web Development",
                tags="python, web",
                author="Ada Lovelace",
            ),
        },
        SITENAME="Guide Site",
        **FLAT,
    )

    assert hrefs(build) == [
        ("/index.html", "Guide Site"),
        ("/category/web-development.html", "Web Development"),
        ("/tag/python.html", "python"),
        ("/author/ada-lovelace.html", "Ada Lovelace"),
    ]


def test_direct_and_template_pages_are_targets(build_site):
    build = build_site(
        {
            "pages/guide.md": guide(
                choice1url="/archives.html",
                choice2url="/tags.html",
                choice3url="/contents.html",
                choice4url="/books/index.html",
                choice5url="/",
            ),
            "templates/books.html": "<!doctype html><title>Books</title>",
            "posts/news.md": markdown("News", date="2024-01-02", tags="python"),
        },
        DIRECT_TEMPLATES=["index", "archives", "tags", "contents"],
        CONTENTS_SAVE_AS="contents.html",
        TEMPLATE_PAGES={"templates/books.html": "books/index.html"},
        THEME_TEMPLATES_OVERRIDES=[],
        **FLAT,
    )

    urls = [url for url, _ in hrefs(build)]
    assert urls == [
        "/archives.html",
        "/tags.html",
        "/contents.html",
        "/books/index.html",
        "/index.html",
    ]


def test_outside_addresses_are_kept_as_written(build_site):
    build = build_site(
        {
            "pages/guide.md": guide(
                choice1url="https://docs.python.org/3/",
                choice1text="Read the Python docs.",
                choice2url="http://example.org/a b",
                choice2text="Example.",
                choice3url="mailto:guide@example.org",
                choice3text="Write to us.",
            )
        },
        **FLAT,
    )

    choices = build.choices("guide.html")
    assert [(c["data-url"], c["data-external"]) for c in choices] == [
        ("https://docs.python.org/3/", "True"),
        ("http://example.org/a%20b", "True"),
        ("mailto:guide@example.org", "True"),
    ]


def test_hrefs_follow_a_siteurl_under_a_sub_path(build_site):
    build = build_site(
        {
            "pages/guide.md": guide(choice1url="/django.html"),
            "pages/django.md": markdown("Django", slug="django"),
        },
        SITEURL="https://example.org/guide",
        **FLAT,
    )

    assert hrefs(build) == [("https://example.org/guide/django.html", "Django")]


def test_hrefs_are_relative_with_relative_urls(build_site):
    build = build_site(
        {
            "pages/guide.md": guide(choice1url="/section/django.html"),
            "pages/django.md": markdown(
                "Django",
                slug="django",
                choice1url="/guide.html",
                save_as="section/django.html",
                url="section/django.html",
            ),
        },
        RELATIVE_URLS=True,
        PAGE_URL="{slug}.html",
        PAGE_SAVE_AS="{slug}.html",
    )

    assert hrefs(build) == [("./section/django.html", "Django")]
    assert hrefs(build, "section/django.html") == [("../guide.html", "Guide")]


def test_translated_page_leads_to_the_translation_in_its_language(build_site):
    build = build_site(
        {
            "pages/guide.md": guide(choice1url="/django.html"),
            "pages/guide-fr.md": markdown(
                "Guide FR", slug="guide", lang="fr", choice1url="/django.html"
            ),
            "pages/django.md": markdown("Django", slug="django"),
            "pages/django-fr.md": markdown(
                "Django en français", slug="django", lang="fr", choicetext="Lire sur Django."
            ),
        },
        **FLAT,
    )

    assert hrefs(build) == [("/django.html", "Django")]
    assert hrefs(build, "guide-fr.html") == [("/django-fr.html", "Lire sur Django.")]


def test_a_fragment_alone_leads_within_the_page(build_site):
    build = build_site({"pages/guide.md": guide(choice1url="#summary")}, **FLAT)

    assert hrefs(build) == [("/guide.html#summary", "Guide")]


def test_a_one_part_path_finds_a_page_by_slug_under_another_url_scheme(build_site):
    build = build_site(
        {
            "pages/guide.md": guide(choice1url="/django.html", choice2url="/flask/"),
            "pages/django.md": markdown("Django", slug="django"),
            "pages/flask.md": markdown("Flask", slug="flask"),
        }
    )

    assert hrefs(build, "pages/guide.html") == [
        ("/pages/django.html", "Django"),
        ("/pages/flask.html", "Flask"),
    ]
    assert build.messages == []


def test_a_slug_shared_by_two_contents_is_not_guessed(build_site):
    build = build_site(
        {
            "pages/guide.md": guide(choice1url="/django.html"),
            "pages/django.md": markdown("Django", slug="django"),
            "posts/django.md": markdown("Django news", slug="django", date="2024-01-01"),
        },
        ARTICLE_URL="posts/{slug}.html",
        ARTICLE_SAVE_AS="posts/{slug}.html",
    )

    assert hrefs(build, "pages/guide.html") == []
    assert build.messages == [
        "content/pages/guide.md:3: choice1url '/django.html' leads to no page of this site "
        "(did you mean /pages/django.html or /posts/django.html?)"
    ]


FOREIGN_EXTENSIONS = ["/t1.pdf", "/t1.exe", "/t1.HTM", "/t1."]


@pytest.fixture(scope="module")
def slug_fallback(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """Pages at Pelican's default URLs; a guide page for each of FOREIGN_EXTENSIONS."""
    files = {
        f"pages/guide{index}.md": markdown(
            "Guide",
            slug=f"guide{index}",
            choice1url=written,
            choice2url="/t1",
            choice3url="/t1.HTML#top",
        )
        for index, written in enumerate(FOREIGN_EXTENSIONS)
    }
    files["pages/t1.md"] = markdown("Tee one", slug="t1")
    return build_in(tmp_path_factory.mktemp("fallback"), files)


@pytest.mark.parametrize(
    ("index", "written"), list(enumerate(FOREIGN_EXTENSIONS)), ids=FOREIGN_EXTENSIONS
)
def test_the_slug_fallback_needs_the_extension_pages_are_saved_with(slug_fallback, index, written):
    source = f"content/pages/guide{index}.md"

    assert hrefs(slug_fallback, f"pages/guide{index}.html") == [
        ("/pages/t1.html", "Tee one"),
        ("/pages/t1.html#top", "Tee one"),
    ]
    assert [m for m in slug_fallback.messages if m.startswith(f"{source}:")] == [
        f"{source}:3: choice1url {written!r} leads to no page of this site"
        " (did you mean /pages/t1.html?)"
    ]
    assert len(slug_fallback.messages) == len(FOREIGN_EXTENSIONS)  # one for each page, no other


def test_the_slug_fallback_follows_the_extension_of_save_as(build_site):
    build = build_site(
        {
            "pages/guide.md": guide(choice1url="/t1.htm", choice2url="/t1.html"),
            "pages/t1.md": markdown("Tee one", slug="t1"),
        },
        PAGE_URL="pages/{slug}.htm",
        PAGE_SAVE_AS="pages/{slug}.htm",
        ARTICLE_URL="posts/{slug}.htm",
        ARTICLE_SAVE_AS="posts/{slug}.htm",
    )

    assert hrefs(build, "pages/guide.htm") == [("/pages/t1.htm", "Tee one")]
    assert build.messages == [
        "content/pages/guide.md:4: choice2url '/t1.html' leads to no page of this site"
        " (did you mean /pages/t1.htm?)"
    ]


def test_a_static_file_that_shares_a_slug_is_still_found(build_site):
    build = build_site(
        {
            "pages/guide.md": guide(choice1url="/files/t1.pdf", choice1text="The PDF"),
            "pages/t1.md": markdown("Tee one", slug="t1"),
            "files/t1.pdf": b"%PDF-1.4\n",
        },
        STATIC_PATHS=["files"],
    )

    assert hrefs(build, "pages/guide.html") == [("/files/t1.pdf", "The PDF")]
    assert build.messages == []


@pytest.mark.parametrize(
    "written", ["/drafts/pages/plans.html", "{filename}plans.md", "/drafts/news.html"]
)
def test_a_published_page_never_leads_to_a_draft(build_site, written):
    build = build_site(
        {
            "pages/guide.md": guide(choice1url=written, choice2url="/open.html"),
            "pages/hidden.md": markdown(
                "Hidden", slug="hidden", status="hidden", choice1url=written
            ),
            "pages/plans.md": markdown("Plans", slug="plans", status="draft"),
            "pages/open.md": markdown("Open", slug="open"),
            "posts/news.md": markdown("News", slug="news", status="draft", date="2024-01-01"),
        },
        **FLAT,
    )

    assert hrefs(build) == [("/open.html", "Open")]
    assert build.choices("hidden.html") == []
    reason = "leads to a draft; drafts are not published, nor are their addresses"
    assert build.messages == [
        f"content/pages/guide.md:3: choice1url {written!r} {reason}",
        f"content/pages/hidden.md:4: choice1url {written!r} {reason}",
    ]
    published = [build.html(name) for name in ("guide.html", "hidden.html", "open.html")]
    assert not any("plans" in html or "drafts/" in html for html in published)


def test_a_draft_may_lead_to_another_draft(build_site):
    build = build_site(
        {
            "pages/plans.md": markdown(
                "Plans", slug="plans", status="draft", choice1url="{filename}more.md"
            ),
            "pages/more.md": markdown("More plans", slug="more", status="draft"),
        },
        **FLAT,
    )

    assert hrefs(build, "drafts/pages/plans.html") == [("/drafts/pages/more.html", "More plans")]
    assert build.messages == []


# Full URLs of the site under SITEURL = "https://example.org/guide", and the site path
# each is read as.
FULL_URLS = [
    ("https://example.org/guide/pages/soil.html", "pages/soil.html"),
    ("http://example.org/guide/pages/soil.html#ph", "pages/soil.html#ph"),
    ("https://www.example.org/guide/pages/soil.html?print=1", "pages/soil.html?print=1"),
    ("//EXAMPLE.org/guide/soil.html", "pages/soil.html"),
    ("https://example.org:443/guide/pages/soil.html", "pages/soil.html"),
    ("https://example.org/guide", "index.html"),
    ("https://example.org/guide/#top", "index.html#top"),
]
# Full URLs that are not the site's, kept as written.
NOT_THE_SITE = [
    "https://example.org/guidebook/pages/soil.html",
    "https://example.org/Guide/pages/soil.html",
    "https://example.org:8443/guide/pages/soil.html",
    "https://docs.example.org/guide/pages/soil.html",
    "https://example.org/",
]


@pytest.fixture(scope="module", params=[False, True], ids=["absolute", "relative"])
def full_urls(request, tmp_path_factory: pytest.TempPathFactory) -> tuple[Build, str]:
    """A page for each of FULL_URLS, and one holding NOT_THE_SITE, built with and without
    RELATIVE_URLS.

    With the build, the start of the hrefs of this site on those pages.
    """
    files = {
        f"pages/full{n}.md": markdown("Full", slug=f"full{n}", choice1url=url)
        for n, (url, _) in enumerate(FULL_URLS)
    }
    slots = {f"choice{n}url": url for n, url in enumerate(NOT_THE_SITE, 1)}
    slots.update({f"choice{n}text": f"Choice {n}" for n in range(1, len(NOT_THE_SITE) + 1)})
    files.update(
        {
            "pages/outside.md": markdown("Outside", slug="outside", **slots),
            "pages/soil.md": markdown("Soil", slug="soil"),
            "pages/broken.md": markdown(
                "Broken",
                slug="broken",
                choice1url="https://example.org/guide/pages/soill.html",
                choice2url="https://www.example.org/guide/SOIL.html?print=1",
            ),
        }
    )
    build = build_in(
        tmp_path_factory.mktemp("full"),
        files,
        SITEURL="https://example.org/guide",
        SITENAME="Guide",
        RELATIVE_URLS=request.param,
    )
    return build, ".." if request.param else "https://example.org/guide"


def test_a_full_url_under_an_absolute_siteurl_is_a_site_path(full_urls):
    build, siteurl = full_urls

    for n, (_, path) in enumerate(FULL_URLS):
        [choice] = build.choices(f"pages/full{n}.html")
        assert (choice["data-url"], choice["data-external"]) == (f"{siteurl}/{path}", "False")
    outside = [(c["data-url"], c["data-external"]) for c in build.choices("pages/outside.html")]
    assert outside == [(url, "True") for url in NOT_THE_SITE]
    assert [build.choices(f"pages/full{n}.html")[0]["data-text"] for n in range(3)] == ["Soil"] * 3


def test_a_full_url_of_the_site_is_checked_and_its_suggestion_is_a_full_url(full_urls):
    build, _ = full_urls

    assert build.messages == [
        "content/pages/broken.md:3: choice1url 'https://example.org/guide/pages/soill.html' "
        "leads to no page of this site (did you mean https://example.org/guide/pages/soil.html?)",
        "content/pages/broken.md:4: choice2url 'https://www.example.org/guide/SOIL.html?print=1' "
        "leads to no page of this site (did you mean https://www.example.org/guide/soil.html?)",
    ]
    assert build.choices("pages/broken.html") == []


def test_a_siteurl_with_www_takes_full_urls_without_it(build_site):
    build = build_site(
        {
            "pages/guide.md": guide(
                choice1url="https://example.org/pages/soil.html",
                choice2url="http://www.example.org/soil#care",
            ),
            "pages/soil.md": markdown("Soil", slug="soil"),
        },
        SITEURL="https://www.example.org/",
    )

    assert hrefs(build, "pages/guide.html") == [
        ("https://www.example.org/pages/soil.html", "Soil"),
        ("https://www.example.org/pages/soil.html#care", "Soil"),
    ]
    assert build.messages == []
