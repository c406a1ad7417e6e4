"""With other plugins as installed from the package index: i18n subsites and YAML front matter.

Each build runs in a new process: these plugins stay connected to Pelican's
signals for the rest of a process, and would change every later build.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import FLAT, PROBE_THEME, Build, markdown, run_pelican, write_files

import pelican_choices

CONFIG = f"""\
PATH = "content"
PAGE_PATHS = ["pages"]
PAGE_URL = PAGE_SAVE_AS = "{{slug}}.html"
PAGE_LANG_URL = PAGE_LANG_SAVE_AS = "{{slug}}-{{lang}}.html"
TIMEZONE = "UTC"
DEFAULT_LANG = "en"
FEED_ALL_ATOM = CATEGORY_FEED_ATOM = TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = AUTHOR_FEED_RSS = None
THEME = {str(PROBE_THEME)!r}
"""


def build(root: Path, files: dict[str, str], extra: str) -> tuple[Build, str]:
    """Build ``files`` with the ``pelican`` command; the build and what it printed."""
    write_files(root, {"pelicanconf.py": CONFIG + extra, **files})
    result = run_pelican(root)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    return Build(root / "output"), output


def warnings(output: str) -> list[str]:
    """The warnings the ``pelican`` command printed, without the logging module's name."""
    return [
        re.sub(r"\s{2,}\S+:\d+$", "", line.partition(" WARNING ")[2].strip())
        for line in output.splitlines()
        if " WARNING " in line
    ]


def missing_hrefs(site: Build) -> dict[str, list[str]]:
    """Every page's choice hrefs that lead to no file of the output."""
    missing = {}
    for page in sorted(site.output.rglob("*.html")):
        name = page.relative_to(site.output).as_posix()
        for choice in site.choices(name):
            url = choice["data-url"].partition("#")[0]
            path = posixpath.normpath(url.lstrip("/")) if url.strip("/") else ""
            found = site.output / path
            if not (found.is_file() or (found / "index.html").is_file()):
                missing.setdefault(name, []).append(choice["data-url"])
    return missing


# A guide in English with a French subsite: two pages translated, one not, and a
# French page with no English original.
SUBSITE_PAGES = {
    "content/pages/basics.md": markdown(
        "Basics",
        lang="en",
        slug="basics",
        sort_order="1",
        choice1url="/setup.html",
        choice2url="/advanced.html",
    ),
    "content/pages/advanced.md": markdown(
        "Advanced", lang="en", slug="advanced", sort_order="2", choice1url="/basics.html"
    ),
    "content/pages/setup.md": markdown(
        "Setup", lang="en", slug="setup", sort_order="3", choice1url="{filename}basics.md"
    ),
    "content/pages/basics-fr.md": markdown(
        "Les bases",
        lang="fr",
        slug="basics",
        sort_order="1",
        choice1url="/advanced.html",
        choice2url="/setup.html",
        choice3url="{filename}advanced-fr.md#next",
    ),
    "content/pages/advanced-fr.md": markdown(
        "Avancé", lang="fr", slug="advanced", sort_order="2", choice1url="/basics.html#top"
    ),
    "content/pages/intro-fr.md": markdown(
        "Introduction",
        lang="fr",
        slug="intro",
        sort_order="0",
        choice1url="/basics.html",
        choice2url="/advanced.html",
    ),
}
SUBSITES = 'I18N_SUBSITES = {"fr": {"SITENAME": "Le guide"}}\n'
PLUGINS = ["pelican_choices", "pelican.plugins.i18n_subsites"]


@pytest.fixture(scope="module", params=[PLUGINS, PLUGINS[::-1]], ids=["first", "last"])
def subsites(request, tmp_path_factory: pytest.TempPathFactory) -> tuple[Build, str]:
    """The site built with the plugin listed before pelican-i18n-subsites, or after it."""
    extra = f"PLUGINS = {request.param!r}\n{SUBSITES}"
    return build(tmp_path_factory.mktemp("i18n"), SUBSITE_PAGES, extra)


def test_site_paths_of_a_subsite_lead_to_its_own_pages(subsites):
    site, output = subsites

    assert (site.output / "fr" / "index.html").is_file()
    assert "WARNING" not in output
    assert [c["data-url"] for c in site.choices("fr/intro.html")] == [
        "/fr/basics.html",
        "/fr/advanced.html",
    ]
    assert [c["data-url"] for c in site.choices("fr/basics.html")] == [
        "/fr/advanced.html",
        "/fr/setup-en.html",
        "/fr/advanced.html#next",
    ]
    assert [c["data-url"] for c in site.choices("fr/advanced.html")] == ["/fr/basics.html#top"]
    assert [c["data-url"] for c in site.choices("basics.html")] == ["/setup.html", "/advanced.html"]


def test_every_choice_of_every_site_leads_to_a_file_that_exists(subsites):
    site, _ = subsites

    assert missing_hrefs(site) == {}
    # The French page the main site keeps hidden leads to the French subsite's pages.
    assert [c["data-url"] for c in site.choices("intro-fr.html")] == [
        "/fr/basics.html",
        "/fr/advanced.html",
    ]


def test_every_site_has_the_stylesheet_its_pages_link(subsites):
    site, _ = subsites

    for name in ("basics.html", "fr/basics.html", "fr/intro.html"):
        page = site.html(name)
        [href] = re.findall(r'<link rel="stylesheet" href="([^"?]+)\?v=', page)
        assert (site.output / href.lstrip("/")).is_file(), name
    assert href == "/fr/pelican-choices/choices.css"


@pytest.fixture(scope="module")
def themed_subsites(tmp_path_factory: pytest.TempPathFactory) -> tuple[Build, str]:
    """The subsites in the bundled theme."""
    extra = f"PLUGINS = {PLUGINS!r}\n{SUBSITES}THEME = {pelican_choices.THEME_PATH!r}\n"
    return build(tmp_path_factory.mktemp("i18n-theme"), SUBSITE_PAGES, extra)


def test_each_subsite_of_the_bundled_theme_has_its_order_and_its_words(themed_subsites):
    site, output = themed_subsites

    def pager(name: str) -> list[tuple[str, str, str]]:
        page = BeautifulSoup(site.html(name), "html.parser")
        return [(a["rel"][0], a["href"], a.get_text()) for a in page.select("nav.pager a")]

    assert "WARNING" not in output
    assert pager("fr/basics.html") == [
        ("prev", "/fr/intro.html", "Précédent Introduction"),
        ("next", "/fr/advanced.html", "Suivant Avancé"),
    ]
    assert pager("basics.html") == [("next", "/advanced.html", "Next Advanced")]
    french = BeautifulSoup(site.html("fr/index.html"), "html.parser")
    assert french.select_one("html")["lang"] == "fr"
    assert french.select_one("#toc-heading").get_text() == "Sommaire"
    assert [a["href"] for a in french.select("section.toc a")] == [
        "/fr/intro.html",
        "/fr/basics.html",
        "/fr/advanced.html",
    ]
    heading = BeautifulSoup(site.html("fr/intro.html"), "html.parser").select_one("nav.choices h2")
    assert heading.get_text() == "Et ensuite\u00a0?"


YAML_PAGES = {
    "content/pages/typed.md": (
        "---\n"
        "title: Typed\n"
        "slug: typed\n"
        "sort-order: 2.10\n"
        "choice1url: /plain.html\n"
        "choice1icon: [fa-home, fa-lg]\n"
        "choice2url: /octal.html\n"
        "choice2text: [Read, more]\n"
        "---\n\nText.\n"
    ),
    "content/pages/octal.md": "---\ntitle: Octal\nslug: octal\nsort-order: 021\n---\n\nText.\n",
    "content/pages/quoted.md": (
        '---\ntitle: Quoted\nslug: quoted\nsort-order: "2.9"\n---\n\nText.\n'
    ),
    "content/pages/plain.md": (
        "title: Plain\nslug: plain\nsort-order: 1\nchoice1url: /typed.html\n"
        "choice1text: A text written\n    over two lines\n\nText.\n"
    ),
}
YAML = '\nPLUGINS = ["pelican_choices", "pelican.plugins.yaml_metadata"]\n'
TYPED_NUMBER = (
    "is read as a number, not as written (YAML reads 2.10 as 2.1 and 021 as 17): "
    "put the value in quotes"
)


@pytest.fixture(scope="module")
def front_matter(tmp_path_factory: pytest.TempPathFactory) -> tuple[Build, str]:
    return build(tmp_path_factory.mktemp("yaml"), YAML_PAGES, YAML)


def test_typed_numbers_are_reported_with_the_advice_to_quote_them(front_matter):
    site, output = front_matter

    assert f"content/pages/typed.md:4: sort-order '2.1' {TYPED_NUMBER}" in output
    assert f"content/pages/octal.md:4: sort-order '17' {TYPED_NUMBER}" in output
    assert "quoted.md" not in output
    assert site.listing("index.html", "reading-order") == [
        "plain.html",
        "typed.html",
        "quoted.html",
        "octal.html",
    ]


def test_a_typed_list_is_not_allowed(front_matter):
    site, output = front_matter

    assert (
        "content/pages/typed.md:6: choice1icon '[fa-home, fa-lg]' is a list, which is not "
        "allowed: give one value; the first is used"
    ) in output
    assert (
        "content/pages/typed.md:8: choice2text '[Read, more]' is a list, which is not allowed: "
        "give one value; its items are joined"
    ) in output
    assert "is given" not in output
    assert [(c["data-icon"], c["data-text"]) for c in site.choices("typed.html")] == [
        ("fa-solid-house", "Plain"),
        ("fa-solid-arrow-right", "Read more"),
    ]


def test_a_markdown_text_continued_on_a_second_line_stays_one_text(front_matter):
    site, output = front_matter

    assert "plain.md" not in output
    assert [c["data-text"] for c in site.choices("plain.html")] == ["A text written over two lines"]


# Addresses of the French subsite written in the English site, in full under SITEURL
# or as paths, and of the English site in the French one.
CROSSING_PAGES = {
    "content/pages/basics.md": markdown(
        "Basics",
        lang="en",
        slug="basics",
        choice1url="/fr/basics.html#top",
        choice1text="En français",
        choice2url="https://example.org/fr/intro.html",
        choice2text="Introduction en français",
        choice3url="https://www.example.org/setup.html",
        choice4url="/fr/",
        choice4text="Le guide",
        choice5url="/setpu.html",
        choice6url="/fr/basics.html",
    ),
    "content/pages/setup.md": markdown("Setup", lang="en", slug="setup"),
    "content/pages/basics-fr.md": markdown(
        "Les bases",
        lang="fr",
        slug="basics",
        choice1url="https://example.org/basics.html",
        choice1text="In English",
        choice2url="https://example.org/fr/intro.html",
        choice3url="/intro.html#start",
        choice4url="/intrro.html",
    ),
    "content/pages/intro-fr.md": markdown("Introduction", lang="fr", slug="intro"),
}


@pytest.fixture(scope="module", params=[False, True], ids=["absolute", "relative"])
def crossing(request, tmp_path_factory: pytest.TempPathFactory) -> tuple[Build, str, bool]:
    """The two sites under SITEURL = "https://example.org", with and without RELATIVE_URLS."""
    extra = (
        f'PLUGINS = {PLUGINS!r}\n{SUBSITES}SITEURL = "https://example.org"\n'
        f"RELATIVE_URLS = {request.param!r}\n"
    )
    return *build(tmp_path_factory.mktemp("crossing"), CROSSING_PAGES, extra), request.param


def test_an_address_of_another_subsite_is_never_missing_and_follows_relative_urls(crossing):
    site, _, relative = crossing
    english = [(c["data-url"], c["data-text"]) for c in site.choices("basics.html")]
    siteurl = "." if relative else "https://example.org"

    assert english == [
        (f"{siteurl}/fr/basics.html#top", "En français"),
        (f"{siteurl}/fr/intro.html", "Introduction en français"),
        (f"{siteurl}/setup.html", "Setup"),
        (f"{siteurl}/fr/", "Le guide"),
    ]
    assert [c["data-external"] for c in site.choices("basics.html")] == ["False"] * 4
    for url, _ in english:
        path = url.removeprefix(siteurl).lstrip("/").partition("#")[0]
        assert (site.output / path).is_file() or (site.output / path / "index.html").is_file()


def test_each_subsite_checks_its_own_paths_and_keeps_the_other_sites_addresses(crossing):
    site, output, relative = crossing
    french = [(c["data-url"], c["data-external"]) for c in site.choices("fr/basics.html")]
    siteurl = "." if relative else "https://example.org/fr"

    assert french == [
        ("https://example.org/basics.html", "True"),
        (f"{siteurl}/intro.html", "False"),
        (f"{siteurl}/intro.html#start", "False"),
    ]
    assert warnings(output) == [
        "content/pages/basics.md:11: choice5url '/setpu.html' leads to no page of this site "
        "(did you mean /setup.html?)",
        "content/pages/basics.md:12: choice6url '/fr/basics.html' has no text: add choice6text",
        "content/pages/basics-fr.md:8: choice4url '/intrro.html' leads to no page of this site "
        "(did you mean /intro.html?)",
    ]


def test_without_the_subsites_plugin_a_subsite_path_is_missing(build_site):
    built = build_site(
        {
            "pages/basics.md": markdown(
                "Basics", slug="basics", choice1url="/fr/basics.html", choice1text="En français"
            )
        },
        I18N_SUBSITES={"fr": {}},
        **FLAT,
    )

    assert built.messages == [
        "content/pages/basics.md:3: choice1url '/fr/basics.html' leads to no page of this site "
        "(did you mean /basics.html?)"
    ]
