"""Every language has its reading order and its words, in any theme and in the bundled one."""

from __future__ import annotations

import json

import pytest
from bs4 import BeautifulSoup
from conftest import FLAT, REPORTS, Build, build_in, markdown

import pelican_choices

THEME = {"THEME": pelican_choices.THEME_PATH}
BUILT_IN = {
    "en": ("Where next?", "Previous", "Next", "Reading order"),
    "fr": ("Et ensuite\u00a0?", "Précédent", "Suivant", "Ordre de lecture"),
    "de": ("Wie geht es weiter?", "Zurück", "Weiter", "Lesereihenfolge"),
    "es": ("¿Por dónde seguir?", "Anterior", "Siguiente", "Orden de lectura"),
    "ja": ("次はどこへ\uff1f", "前へ", "次へ", "読む順番"),
    "zh": ("接下来读什么\uff1f", "上一页", "下一页", "阅读顺序"),
}


def soup(build: Build, path: str) -> BeautifulSoup:
    return BeautifulSoup(build.html(path), "html.parser")


def page(slug: str, lang: str | None = None, **metadata: str) -> dict[str, str]:
    """One page source, ``slug``'s translation in ``lang`` when given, leading to the first page.

    The first page leads to its own top.
    """
    name = f"pages/{slug}-{lang}.md" if lang else f"pages/{slug}.md"
    title = f"{slug} {lang or 'en'}"
    extra = {"lang": lang} if lang else {}
    url = "/p1.html#top" if slug == "p1" else "/p1.html"
    return {name: markdown(title, slug=slug, choice1url=url, **extra, **metadata)}


def guide(languages: dict[str, list[str | None]]) -> dict[str, str]:
    """Pages ``p1``, ``p2``... in each language, with the sort-orders given (None for none)."""
    files: dict[str, str] = {}
    for lang, orders in languages.items():
        for number, order in enumerate(orders, 1):
            metadata = {"sort_order": order} if order is not None else {}
            files |= page(f"p{number}", None if lang == "en" else lang, **metadata)
    return files


# English pages with a sort-order; French translations of all three, the second
# without a sort-order, and a French page of its own; German translations; a
# Spanish translation of the first page alone; an article and its French translation.
PROBE_SITE = {
    **guide(
        {
            "en": ["1", "2", "3"],
            "fr": ["1", None, "3"],
            "de": ["1", "2", "3"],
            "es": ["1"],
        }
    ),
    "pages/seul.md": markdown("Seul", slug="seul", lang="fr", sort_order="2.5"),
    "pages/loose.md": markdown("Loose", slug="loose"),
    "pages/loose-fr.md": markdown("Libre", slug="loose", lang="fr"),
    "posts/news.md": markdown("News", slug="news", date="2024-01-01", sort_order="4"),
    "posts/news-fr.md": markdown("Nouvelles", slug="news", lang="fr", date="2024-01-01"),
}


@pytest.fixture(scope="module")
def probe(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """PROBE_SITE in the probe theme, which prints what the context gives any theme."""
    return build_in(tmp_path_factory.mktemp("probe"), PROBE_SITE, **REPORTS, **FLAT)


def test_each_translation_has_its_neighbours_in_its_own_language(probe):
    assert probe.neighbours("p1-de.html") == ("", "p2-de.html")
    assert probe.neighbours("p2-de.html") == ("p1-de.html", "p3-de.html")
    assert probe.neighbours("p3-de.html") == ("p2-de.html", "")
    assert probe.neighbours("p2.html") == ("p1.html", "p3.html")
    assert probe.neighbours("p3.html") == ("p2.html", "news.html")
    for path in ("p1-de.html", "p2-de.html", "p3-fr.html", "news-fr.html", "p2.html"):
        assert probe.neighbours(path, given=True) == probe.neighbours(path), path
    assert probe.messages == []


def test_a_translation_without_a_sort_order_takes_its_originals(probe):
    assert probe.neighbours("p1-fr.html") == ("", "p2-fr.html")
    assert probe.neighbours("p2-fr.html") == ("p1-fr.html", "seul-fr.html")
    assert probe.neighbours("news-fr.html") == ("p3-fr.html", "")


def test_a_language_with_one_page_has_no_neighbours(probe):
    assert probe.neighbours("p1-es.html") == ("", "")


def test_contents_without_a_sort_order_stay_outside_every_order(probe):
    assert probe.neighbours("loose.html") == ("", "")
    assert probe.neighbours("loose-fr.html") == ("", "")


def test_templates_read_each_languages_order_and_the_default_one_as_before(probe):
    english = ["p1.html", "p2.html", "p3.html", "news.html"]
    assert probe.listing("index.html", "reading-order") == english
    assert probe.listing("index.html", "reading-order-en") == english
    assert probe.listing("index.html", "reading-order-fr") == [
        "p1-fr.html",
        "p2-fr.html",
        "seul-fr.html",
        "p3-fr.html",
        "news-fr.html",
    ]
    assert probe.listing("index.html", "reading-order-de") == [
        "p1-de.html",
        "p2-de.html",
        "p3-de.html",
    ]
    assert probe.listing("index.html", "reading-order-es") == ["p1-es.html"]
    # Pelican lists the French page of its own with the pages, in its place.
    assert probe.listing("index.html", "pages") == [
        "p1.html",
        "p2.html",
        "seul-fr.html",
        "p3.html",
        "loose.html",
    ]


def test_the_choice_graph_draws_the_pages_pelican_lists_as_before(probe):
    graph = json.loads(probe.html("choices.json"))

    assert [(node["url"], node["position"]) for node in graph["nodes"]] == [
        ("p1.html", 1),
        ("p2.html", 2),
        ("seul-fr.html", 3),
        ("p3.html", 4),
        ("news.html", 5),
    ]


def test_a_value_is_reported_where_it_is_written_and_once(build_site):
    build = build_site(
        {
            "pages/a.md": markdown("A", slug="a", sort_order="appendix"),
            "pages/a-fr.md": markdown("A fr", slug="a", lang="fr"),
            "pages/b.md": markdown("B", slug="b", sort_order="700"),
            "pages/b-fr.md": markdown("B fr", slug="b", lang="fr", sort_order="annexe"),
            "pages/c.md": markdown("C", slug="c", sort_order="0502"),
            "pages/c-fr.md": markdown("C fr", slug="c", lang="fr"),
            "pages/d.md": markdown("D", slug="d", sort_order="052"),
            "pages/d-fr.md": markdown("D fr", slug="d", lang="fr"),
        },
        **FLAT,
    )

    reason = "is not a section number such as 3, 021 or 2.10; it is placed after the numbered pages"
    assert sorted(message for message in build.messages if reason in message) == [
        f"content/pages/a.md:3: sort-order 'appendix' {reason}",
        f"content/pages/b-fr.md:4: sort-order 'annexe' {reason}",
    ]
    [differ] = [message for message in build.messages if "read as digits" in message]
    assert differ.startswith(
        "content/pages/d.md:3: sort-order '052' comes after '0502' (content/pages/c.md:3)"
    )
    assert len(build.messages) == 3
    assert build.neighbours("d-fr.html") == ("c-fr.html", "b-fr.html")
    assert build.neighbours("a-fr.html") == ("b-fr.html", "")


# The bundled theme: two pages in each language it has words for, and a page in
# Italian, which it has none for, alone in its language.
THEME_SITE = {
    **guide({lang: ["1", "2"] for lang in BUILT_IN}),
    **page("p3", sort_order="3"),
    **page("p3", "fr"),
    **page("p1", "it", sort_order="1"),
    **page("p1", "fr-CA", sort_order="1"),
}


@pytest.fixture(scope="module")
def themed(tmp_path_factory: pytest.TempPathFactory) -> Build:
    return build_in(tmp_path_factory.mktemp("themed"), THEME_SITE, **THEME, **FLAT)


def translated(slug: str, lang: str) -> str:
    return f"{slug}.html" if lang == "en" else f"{slug}-{lang}.html"


@pytest.mark.parametrize("lang", list(BUILT_IN))
def test_the_pager_and_the_choices_speak_the_pages_language(themed, lang):
    heading, previous, following, label = BUILT_IN[lang]
    second = soup(themed, translated("p2", lang))
    first = soup(themed, translated("p1", lang))

    assert second.select_one("html")["lang"] == lang
    assert second.select_one("nav.choices h2").get_text() == heading
    assert second.select_one("nav.pager")["aria-label"] == label
    back = second.select_one('nav.pager a[rel="prev"]')
    assert back["href"] == "/" + translated("p1", lang)
    assert back.select_one(".pager-hint").get_text() == previous
    onward = first.select_one('nav.pager a[rel="next"]')
    assert onward["href"] == "/" + translated("p2", lang)
    assert onward.select_one(".pager-hint").get_text() == following
    assert first.select_one('nav.pager a[rel="prev"]') is None
    assert themed.messages == []


def test_a_french_page_reads_french_everywhere(themed):
    page = soup(themed, "p3-fr.html")

    assert page.select_one(".skip-link").get_text() == "Aller au contenu"
    assert page.select_one(".translations").get_text(" ", strip=True) == "Également en\u00a0: en"
    assert page.select_one(".site-credit").get_text() == "Fait avec Pelican et pelican-choices."
    # p3-fr has no sort-order: it takes that of p3.
    assert page.select_one('nav.pager a[rel="prev"]')["href"] == "/p2-fr.html"


def test_a_regional_code_reads_its_languages_words(themed):
    page = soup(themed, "p1-fr-CA.html")

    assert page.select_one("nav.choices h2").get_text() == BUILT_IN["fr"][0]
    assert page.select("nav.pager") == []


def test_a_language_the_theme_has_no_words_for_reads_english(themed):
    page = soup(themed, "p1-it.html")

    assert page.select_one("html")["lang"] == "it"
    assert page.select_one("nav.choices h2").get_text() == "Where next?"
    assert page.select_one(".skip-link").get_text() == "Skip to the content"
    assert page.select("nav.pager") == []


def test_the_home_page_is_written_once_in_the_default_language(themed):
    home = soup(themed, "index.html")

    assert home.select_one("html")["lang"] == "en"
    assert home.select_one("#toc-heading").get_text() == "Contents"
    assert [a["href"] for a in home.select("section.toc a")] == ["/p1.html", "/p2.html", "/p3.html"]


def test_the_site_gives_its_words_per_language(build_site):
    build = build_site(
        guide({"en": ["1", "2"], "fr": ["1", "2"], "de": ["1", "2"]}),
        CHOICES_NAV_LABEL={"en": "Keep reading", "FR": "À suivre"},
        THEME_WORDS={"previous": {"fr": "Avant"}, "skip_link": "Jump to the text"},
        THEME_PAGER_LABEL={"fr": "Lecture", "de": "Der Reihe nach"},
        **THEME,
        **FLAT,
    )

    def words(path: str) -> tuple[str, str, str, str]:
        page = soup(build, path)
        return (
            page.select_one("nav.choices h2").get_text(),
            page.select_one('nav.pager a[rel="prev"] .pager-hint').get_text(),
            page.select_one("nav.pager")["aria-label"],
            page.select_one(".skip-link").get_text(),
        )

    assert words("p2.html") == ("Keep reading", "Previous", "Reading order", "Jump to the text")
    assert words("p2-fr.html") == ("À suivre", "Avant", "Lecture", "Jump to the text")
    assert words("p2-de.html") == (
        BUILT_IN["de"][0],
        "Zurück",
        "Der Reihe nach",
        "Jump to the text",
    )
    assert build.messages == []


def test_a_french_site_writes_its_home_page_in_french(build_site):
    build = build_site(
        {
            **page("p1", sort_order="1"),
            **page("p2", sort_order="2"),
            **page("p1", "en", sort_order="1"),
            **page("p2", "en", sort_order="2"),
        },
        DEFAULT_LANG="fr",
        CHOICES_NAV_LABEL="Lire la suite",
        **THEME,
        **FLAT,
    )
    home = soup(build, "index.html")

    assert home.select_one("html")["lang"] == "fr"
    assert home.select_one("#toc-heading").get_text() == "Sommaire"
    assert [a["href"] for a in home.select("section.toc a")] == ["/p1.html", "/p2.html"]
    english = soup(build, "p1-en.html")
    assert english.select_one('nav.pager a[rel="next"]')["href"] == "/p2-en.html"
    assert english.select_one(".skip-link").get_text() == "Skip to the content"
    for path in ("p1.html", "p1-en.html"):
        assert soup(build, path).select_one("nav.choices h2").get_text() == "Lire la suite"


def test_in_any_theme_the_heading_follows_the_pages_language(build_site):
    build = build_site(
        guide({"en": ["1"], "fr": ["1"], "de": ["1"]}),
        CHOICES_NAV_LABEL={"en": "Keep reading", "fr": "À suivre"},
        THEME="simple",
        **FLAT,
    )

    def heading(path: str) -> str:
        return soup(build, path).select_one("nav.choices h2").get_text()

    assert heading("p1.html") == "Keep reading"
    assert heading("p1-fr.html") == "À suivre"
    assert heading("p1-de.html") == "Where next?"


def test_the_words_work_beside_jinjas_i18n_extension(build_site):
    build = build_site(
        guide({"en": ["1", "2"], "fr": ["1", "2"]}),
        JINJA_ENVIRONMENT={"extensions": ["jinja2.ext.i18n"]},
        **THEME,
        **FLAT,
    )
    page = soup(build, "p2-fr.html")

    assert page.select_one("nav.choices h2").get_text() == BUILT_IN["fr"][0]
    assert page.select_one('nav.pager a[rel="prev"] .pager-hint').get_text() == "Précédent"
