"""Settings are read once, checked, never changed, and nothing lasts between builds."""

from __future__ import annotations

import logging
from pathlib import Path

from conftest import FLAT, markdown, pelican_settings, run_pelican, write_files
from pelican import Pelican

from pelican_choices.settings import ChoicesSettings


def test_defaults_apply_when_nothing_is_set():
    """The defaults of the README's settings table."""
    settings = ChoicesSettings.from_pelican({"PAGE_ORDER_BY": "basename"})

    assert (settings.on_broken, settings.sort_key, settings.sort_as, settings.default_icon) == (
        "warn",
        "sort-order",
        None,
        "fa-arrow-right",
    )
    assert (settings.graph_save_as, settings.map_save_as) == (None, None)
    assert settings.page_order_by_site is False


def test_bad_values_are_reported_and_replaced_by_defaults(caplog):
    with caplog.at_level(logging.WARNING):
        settings = ChoicesSettings.from_pelican(
            {
                "CHOICES_ON_BROKEN": "explode",
                "CHOICES_SORT_KEY": "  ",
                "CHOICES_SORT_AS": "alphabetical",
                "CHOICES_DEFAULT_ICON": 3,
            }
        )

    assert (settings.on_broken, settings.sort_key, settings.sort_as, settings.default_icon) == (
        "warn",
        "sort-order",
        None,
        "fa-arrow-right",
    )
    assert [record.getMessage() for record in caplog.records] == [
        "settings: CHOICES_ON_BROKEN = 'explode' is not valid "
        "(expected one of 'ignore', 'warn', 'error'); using the default 'warn'",
        "settings: CHOICES_SORT_KEY = '  ' is not valid "
        "(expected a metadata key such as 'sort-order'); using the default 'sort-order'",
        "settings: CHOICES_SORT_AS = 'alphabetical' is not valid "
        "(expected 'codes', 'numbers' or None); using the default None",
        "settings: CHOICES_DEFAULT_ICON = 3 is not valid "
        "(expected an icon name or None); using the default 'fa-arrow-right'",
    ]


def test_a_bad_default_icon_is_reported_once(build_site):
    build = build_site(
        {
            "pages/a.md": markdown("A", slug="a", choice1url="/b.html"),
            "pages/b.md": markdown("B", slug="b", choice1url="/a.html"),
        },
        CHOICES_DEFAULT_ICON="fa-nonsense-icon",
        **FLAT,
    )

    assert build.messages == [
        "settings: CHOICES_DEFAULT_ICON 'fa-nonsense-icon' is not a Font Awesome Free icon"
    ]
    assert [c["data-icon"] for c in build.choices("a.html")] == [""]


def settings_changed_by_a_build(root: Path, plugins: list[str]) -> set[str]:
    """The names of the settings that differ after a build from before it."""
    write_files(
        root / "content",
        {"pages/a.md": markdown("A", slug="a", sort_order="1", choice1url="/a.html")},
    )
    settings = pelican_settings(root, CHOICES_ON_BROKEN="WARN", PLUGINS=plugins, **FLAT)
    pelican = Pelican(settings)
    before = {key: repr(value) for key, value in settings.items()}
    pelican.run()
    return {key for key, value in settings.items() if before.get(key) != repr(value)}


def test_the_site_settings_are_not_changed(tmp_path: Path):
    """Pelican itself changes a few settings while it builds; the plugin adds none."""
    without_plugin = settings_changed_by_a_build(tmp_path / "without", [])
    with_plugin = settings_changed_by_a_build(tmp_path / "with", ["pelican_choices"])

    assert with_plugin == without_plugin


def test_two_builds_in_one_process_do_not_share_anything(build_site):
    site_b = {
        "pages/b.md": markdown("B", slug="b", choice1url="/c.html", choice1icon="fa-flask"),
        "pages/c.md": markdown("C", slug="c", choicetext="See C.", sort_order="1"),
    }
    site_a = {
        "pages/a.md": markdown("A", slug="a", choice1url="/b.html", choice1icon="fa-book"),
        "pages/b.md": markdown("B", slug="b", choicetext="Go to B.", sort_order="2"),
        "pages/c.md": markdown("C", slug="c", choicetext="Other C.", sort_order="1"),
    }

    first = build_site(site_b, **FLAT)
    build_site(site_a, **FLAT)
    again = build_site(site_b, **FLAT)

    assert again.html("b.html") == first.html("b.html")
    assert again.html("index.html") == first.html("index.html")
    assert again.choices("b.html")[0]["data-text"] == "See C."


def test_the_nav_label_is_one_text_or_texts_by_language(caplog):
    with caplog.at_level(logging.WARNING):
        by_language = ChoicesSettings.from_pelican(
            {
                "DEFAULT_LANG": "fr",
                "CHOICES_NAV_LABEL": {"FR": "  À   suivre ", "en_GB": "Onwards", "de": 3, "": "x"},
            }
        )
        one_text = ChoicesSettings.from_pelican({"CHOICES_NAV_LABEL": " Keep  reading "})
        wrong = ChoicesSettings.from_pelican({"CHOICES_NAV_LABEL": ["Next"]})

    assert by_language.nav_label == "À suivre"
    assert [by_language.nav_label_in(lang) for lang in ("fr-CA", "en-GB", "en", "de")] == [
        "À suivre",
        "Onwards",
        "Where next?",
        "Where next?",
    ]
    assert by_language.nav_label_in("de", "Wie geht es weiter?") == "Wie geht es weiter?"
    assert one_text.nav_label_in("ja", "次はどこへ\uff1f") == one_text.nav_label == "Keep reading"
    assert wrong.nav_label_in("fr") == "Where next?"
    assert [record.getMessage() for record in caplog.records] == [
        "settings: CHOICES_NAV_LABEL['de'] = 3 is not valid (expected the text of the "
        "heading above the choices); pages in that language get the default heading",
        "settings: CHOICES_NAV_LABEL has the key '', which is not a language code such as "
        "'fr'; it is left out",
        "settings: CHOICES_NAV_LABEL = ['Next'] is not valid (expected the text of the "
        "heading above the choices, or a dict of language codes to texts); using the default "
        "'Where next?'",
    ]


def test_a_setting_message_starts_with_settings_wherever_the_value_came_from(tmp_path: Path):
    """A value of publishconf.py or of ``-e`` is named as any other: Pelican keeps no file."""
    write_files(
        tmp_path,
        {
            "pelicanconf.py": (
                'PATH = "content"\nTIMEZONE = "UTC"\nPLUGINS = ["pelican_choices"]\n'
                'CHOICES_SORT_AS = "roman"\n'
            ),
            "publishconf.py": 'from pelicanconf import *\nCHOICES_SORT_KEY = "  "\n',
            "content/pages/a.md": markdown("A", slug="a", choice1url="/a.html"),
        },
    )

    result = run_pelican(tmp_path, "-e", 'CHOICES_ON_BROKEN="explode"', settings="publishconf.py")

    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    for message in (
        "settings: CHOICES_ON_BROKEN = 'explode' is not valid (expected one of 'ignore', "
        "'warn', 'error'); using the default 'warn'",
        "settings: CHOICES_SORT_KEY = '  ' is not valid (expected a metadata key such as "
        "'sort-order'); using the default 'sort-order'",
        "settings: CHOICES_SORT_AS = 'roman' is not valid (expected 'codes', 'numbers' or "
        "None); using the default None",
    ):
        assert output.count(message) == 1, output
    assert "pelicanconf:" not in output
