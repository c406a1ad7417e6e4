"""Drafts stay private: no message, report or published page shows what the author did not write."""

from __future__ import annotations

import json
import re

import pytest
from conftest import REPORTS, Build, build_in, markdown

import pelican_choices

DRAFT_TARGET = "leads to a draft; drafts are not published, nor are their addresses"
NO_PAGE = "leads to no page of this site"
NO_FILE = "names no source file of this site"
# A typo of a published page's URL still gets its suggestion, with its space.
SUGGESTED = f"{NO_PAGE} (did you mean /pages/open.html?)"

# Pelican's default URLs: pages under pages/, articles at the root, drafts
# under drafts/. Four drafts: a page, a page whose url: says where it will
# be, an article and an article dated in the future.
DEFAULT_SITE = {
    "pages/guide.md": markdown(
        "Guide",
        slug="guide",
        sort_order="1",
        choice1url="/pages/open.html",
        choice2url="/pages/launch-plans.html",
        choice3url="/drafts/pages/launch-plans.html",
        choice4url="/launch-plans.html",
        choice5url="{filename}launch-plans.md",
        choice6url="/roadmap.html",
        choice7url="/drafts/roadmap.html",
        choice8url="/teaser.html",
        choice9url="/secret-plans/",
        choice10url="/drafts/pages/hush.html",
    ),
    "pages/open.md": markdown("Open", slug="open", sort_order="2", choice1url="/pages/aside.html"),
    "pages/aside.md": markdown(
        "Aside",
        slug="aside",
        status="hidden",
        choice1url="/drafts/teaser.html",
        choice2url="/pages/open.html",
    ),
    "posts/news.md": markdown(
        "News",
        slug="news",
        date="2024-01-01",
        choice1url="{filename}roadmap.md",
        choice2url="/launch-plan.html",
        choice3url="{filename}roadmp.md",
        choice4url="/pages/opne.html",
        choice5url="/pages/open.html",
    ),
    "pages/launch-plans.md": markdown(
        "Launch plans",
        slug="launch-plans",
        status="draft",
        choice1url="/roadmap.html",
        choice2url="{filename}../posts/teaser.md",
        choice3url="/pages/open.html",
    ),
    "pages/hush.md": markdown("Hush", slug="hush", status="draft", url="secret-plans/"),
    "posts/roadmap.md": markdown("Roadmap", slug="roadmap", status="draft"),
    "posts/teaser.md": markdown("Teaser", slug="teaser", date="2999-01-01"),
}
DEFAULT_TRACES = ("launch-plans", "Launch plans", "roadmap", "Roadmap", "teaser", "Teaser")
DEFAULT_TRACES += ("hush", "Hush", "secret-plans", "drafts/")


def published_files(build: Build, drafts_folder: str) -> dict[str, str]:
    """Every file the build wrote, but the drafts' own pages, by its name below the output."""
    files = {}
    for path in sorted(build.output.rglob("*")):
        name = path.relative_to(build.output).as_posix()
        if path.is_file() and not name.startswith(drafts_folder):
            files[name] = path.read_text(encoding="utf-8", errors="replace")
    return files


def hrefs(build: Build, path: str) -> list[tuple[str, str]]:
    return [(choice["data-url"], choice["data-text"]) for choice in build.choices(path)]


def broken_in_reports(build: Build) -> list[tuple[str, str, str, str]]:
    return [
        (problem["source"], problem["key"], problem["value"], problem["reason"])
        for problem in json.loads(build.html("choices.json"))["problems"]
        if problem["kind"] == "broken-choice"
    ]


def map_lines(build: Build) -> list[str]:
    return re.findall(r"Broken: ([^<]*)</li>", build.html("choices-map.html"))


@pytest.fixture(scope="module")
def default_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    return build_in(
        tmp_path_factory.mktemp("defaults"), DEFAULT_SITE, WITH_FUTURE_DATES=False, **REPORTS
    )


def test_a_published_choice_naming_a_draft_in_any_way_is_told_it_leads_to_a_draft(default_site):
    guide = [
        f"content/pages/guide.md:{line}: choice{number}url {written!r} {DRAFT_TARGET}"
        for line, number, written in [
            (5, 2, "/pages/launch-plans.html"),
            (6, 3, "/drafts/pages/launch-plans.html"),
            (7, 4, "/launch-plans.html"),
            (8, 5, "{filename}launch-plans.md"),
            (9, 6, "/roadmap.html"),
            (10, 7, "/drafts/roadmap.html"),
            (11, 8, "/teaser.html"),
            (12, 9, "/secret-plans/"),
            (13, 10, "/drafts/pages/hush.html"),
        ]
    ]
    assert default_site.messages == [
        f"content/posts/news.md:4: choice1url '{{filename}}roadmap.md' {DRAFT_TARGET}",
        f"content/posts/news.md:5: choice2url '/launch-plan.html' {NO_PAGE}",
        f"content/posts/news.md:6: choice3url '{{filename}}roadmp.md' {NO_FILE}",
        f"content/posts/news.md:7: choice4url '/pages/opne.html' {SUGGESTED}",
        *guide,
        f"content/pages/aside.md:4: choice1url '/drafts/teaser.html' {DRAFT_TARGET}",
    ]


def test_published_and_hidden_pages_keep_only_their_published_choices(default_site):
    assert hrefs(default_site, "pages/guide.html") == [("/pages/open.html", "Open")]
    assert hrefs(default_site, "news.html") == [("/pages/open.html", "Open")]
    assert hrefs(default_site, "pages/aside.html") == [("/pages/open.html", "Open")]


def test_no_published_file_holds_the_url_slug_file_or_title_of_a_draft(default_site):
    files = published_files(default_site, "drafts/")
    assert {"pages/guide.html", "news.html", "pages/aside.html", "choices.json"} <= set(files)
    assert "choices-map.html" in files
    for name, text in files.items():
        assert not [trace for trace in DEFAULT_TRACES if trace in text], name


def test_no_page_of_the_bundled_theme_holds_a_draft(tmp_path):
    build = build_in(
        tmp_path,
        DEFAULT_SITE,
        THEME=pelican_choices.THEME_PATH,
        WITH_FUTURE_DATES=False,
        **REPORTS,
    )

    files = published_files(build, "drafts/")
    assert 'href="/pages/open.html"' in files["pages/guide.html"]
    for name, text in files.items():
        assert not [trace for trace in DEFAULT_TRACES if trace in text], name


def test_the_reports_hide_a_value_naming_a_draft_and_keep_a_suggestion_s_space(default_site):
    assert broken_in_reports(default_site) == [
        ("pages/aside.md", "choice1url", "", DRAFT_TARGET),
        # in the order they are written
        *[("pages/guide.md", f"choice{number}url", "", DRAFT_TARGET) for number in range(2, 11)],
        ("posts/news.md", "choice1url", "", DRAFT_TARGET),
        ("posts/news.md", "choice2url", "/launch-plan.html", NO_PAGE),
        ("posts/news.md", "choice3url", "{filename}roadmp.md", NO_FILE),
        ("posts/news.md", "choice4url", "/pages/opne.html", SUGGESTED),
    ]
    assert f"choice4url \u201c/pages/opne.html\u201d {SUGGESTED}" in map_lines(default_site)
    assert f"choice1url (a draft's address, named in the log only) {DRAFT_TARGET}" in map_lines(
        default_site
    )


def test_the_choices_of_a_draft_lead_to_drafts(default_site):
    assert hrefs(default_site, "drafts/pages/launch-plans.html") == [
        ("/drafts/roadmap.html", "Roadmap"),
        ("/drafts/teaser.html", "Teaser"),
        ("/pages/open.html", "Open"),
    ]


# Drafts under addresses of their own, in two languages, and pages at the root.
CUSTOM_SETTINGS = {
    "PAGE_URL": "{slug}.html",
    "PAGE_SAVE_AS": "{slug}.html",
    "PAGE_LANG_URL": "{slug}-{lang}.html",
    "PAGE_LANG_SAVE_AS": "{slug}-{lang}.html",
    "DRAFT_PAGE_URL": "preview/{slug}/",
    "DRAFT_PAGE_SAVE_AS": "preview/{slug}/index.html",
    "DRAFT_PAGE_LANG_URL": "preview/{lang}/{slug}/",
    "DRAFT_PAGE_LANG_SAVE_AS": "preview/{lang}/{slug}/index.html",
    "DRAFT_URL": "preview/posts/{slug}.html",
    "DRAFT_SAVE_AS": "preview/posts/{slug}.html",
}
CUSTOM_SITE = {
    "pages/guide.md": markdown(
        "Guide",
        slug="guide",
        sort_order="1",
        choice1url="/preview/launch-plans/",
        choice2url="/launch-plans.html",
        choice3url="/preview/posts/roadmap.html",
        choice4url="/preview/fr/launch-plans/index.html",
        choice5url="/launch-plans-fr.html",
        choice6url="/open.html",
        choice7url="/launch-plan.html",
    ),
    "pages/guide-fr.md": markdown(
        "Guide en français",
        slug="guide",
        lang="fr",
        choice1url="/launch-plans-fr.html",
        choice2url="/open.html",
    ),
    "pages/open.md": markdown("Open", slug="open", sort_order="2"),
    "pages/launch-plans.md": markdown(
        "Launch plans",
        slug="launch-plans",
        status="draft",
        choice1url="/preview/posts/roadmap.html",
    ),
    "pages/launch-plans-fr.md": markdown(
        "Plans de lancement",
        slug="launch-plans",
        lang="fr",
        status="draft",
        choice1url="/roadmap.html",
    ),
    "posts/roadmap.md": markdown("Roadmap", slug="roadmap", status="draft"),
}
CUSTOM_TRACES = ("launch-plans", "Launch plans", "Plans de lancement", "roadmap", "Roadmap")
CUSTOM_TRACES += ("preview/",)


@pytest.fixture(scope="module")
def custom_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    return build_in(tmp_path_factory.mktemp("custom"), CUSTOM_SITE, **CUSTOM_SETTINGS, **REPORTS)


def test_drafts_are_found_by_the_draft_urls_the_settings_give_in_each_language(custom_site):
    guide = [
        f"content/pages/guide.md:{line}: choice{number}url {written!r} {DRAFT_TARGET}"
        for line, number, written in [
            (4, 1, "/preview/launch-plans/"),
            (5, 2, "/launch-plans.html"),
            (6, 3, "/preview/posts/roadmap.html"),
            (7, 4, "/preview/fr/launch-plans/index.html"),
            (8, 5, "/launch-plans-fr.html"),
        ]
    ]
    assert custom_site.messages == [
        *guide,
        f"content/pages/guide.md:10: choice7url '/launch-plan.html' {NO_PAGE}",
        f"content/pages/guide-fr.md:4: choice1url '/launch-plans-fr.html' {DRAFT_TARGET}",
    ]
    assert hrefs(custom_site, "guide.html") == [("/open.html", "Open")]
    assert hrefs(custom_site, "guide-fr.html") == [("/open.html", "Open")]


def test_no_published_file_holds_a_draft_under_addresses_of_its_own(custom_site):
    files = published_files(custom_site, "preview/")
    assert {"guide.html", "guide-fr.html", "choices.json", "choices-map.html"} <= set(files)
    for name, text in files.items():
        assert not [trace for trace in CUSTOM_TRACES if trace in text], name


def test_drafts_under_addresses_of_their_own_lead_to_drafts(custom_site):
    assert hrefs(custom_site, "preview/launch-plans/index.html") == [
        ("/preview/posts/roadmap.html", "Roadmap")
    ]
    assert hrefs(custom_site, "preview/fr/launch-plans/index.html") == [
        ("/preview/posts/roadmap.html", "Roadmap")
    ]


def test_a_draft_given_the_url_of_a_published_page_leaves_that_page_found(build_site):
    build = build_site(
        {
            "pages/guide.md": markdown("Guide", slug="guide", choice1url="/pages/open.html"),
            "pages/open.md": markdown("Open", slug="open"),
            "posts/old.md": markdown("Old", slug="old", status="draft", url="pages/open.html"),
        }
    )

    assert hrefs(build, "pages/guide.html") == [("/pages/open.html", "Open")]
    assert build.messages == []


def test_a_url_setting_that_a_draft_cannot_fill_yet_leaves_its_draft_url(build_site):
    build = build_site(
        {
            "posts/news.md": markdown(
                "News",
                slug="news",
                date="2024-01-01",
                series="guides",
                choice1url="/drafts/plans.html",
            ),
            "posts/plans.md": markdown("Plans", slug="plans", status="draft"),
        },
        ARTICLE_URL="{series}/{slug}.html",
        ARTICLE_SAVE_AS="{series}/{slug}.html",
    )

    assert build.messages == [
        f"content/posts/news.md:5: choice1url '/drafts/plans.html' {DRAFT_TARGET}"
    ]
    assert (build.output / "drafts" / "plans.html").is_file()
