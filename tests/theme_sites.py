"""A small guide built in themes the project did not write, with nothing but the plugin enabled.

The browser tests of the choices in other themes and the README's gallery
(``benchmarks/gallery.py``) both build it from here. Pelican's ``simple`` and
``notmyidea`` come with Pelican; Flex, Elegant, pelican-bootstrap3 and alchemy
are read from a ``shared/themes`` folder beside the project.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pelican import Pelican
from pelican.settings import read_settings

PROJECT = Path(__file__).resolve().parent.parent
CONTENT = Path(__file__).resolve().parent / "tea_site"
SHARED_THEMES = PROJECT.parent / "shared" / "themes"
# pelican-bootstrap3 calls gettext; without the i18n_subsites plugin, nothing defines it.
NO_TRANSLATIONS = {"gettext": str, "ngettext": lambda one, many, count: one if count == 1 else many}
BOOTSTRAP3 = {
    "JINJA_ENVIRONMENT": {"extensions": ["jinja2.ext.i18n"]},
    "I18N_TEMPLATES_LANG": "en",
    "JINJA_GLOBALS": NO_TRANSLATIONS,
}
FLEX = {
    "SITETITLE": "Tea at home",
    "MAIN_MENU": True,
    "MENUITEMS": [("Archives", "/archives.html")],
}


@dataclass(frozen=True)
class ThemeCase:
    """A theme and the settings it needs, in the colour scheme the browser asks for."""

    name: str
    theme: str
    settings: dict[str, Any] = field(default_factory=dict)
    scheme: str = "light"
    shared: bool = False  # read from the shared themes folder

    @property
    def path(self) -> str:
        return str(SHARED_THEMES / self.theme) if self.shared else self.theme


THEME_CASES = [
    ThemeCase("simple", "simple"),
    ThemeCase("notmyidea", "notmyidea"),
    ThemeCase("flex", "flex", FLEX, shared=True),
    ThemeCase("flex-dark", "flex", {**FLEX, "THEME_COLOR": "dark"}, "dark", shared=True),
    ThemeCase(
        "elegant",
        "elegant",
        {"DIRECT_TEMPLATES": ["index", "tags", "categories", "archives", "search", "404"]},
        shared=True,
    ),
    ThemeCase("bootstrap3", "pelican-bootstrap3", BOOTSTRAP3, shared=True),
    ThemeCase(
        "bootstrap3-darkly",
        "pelican-bootstrap3",
        {**BOOTSTRAP3, "BOOTSTRAP_THEME": "darkly"},
        "dark",
        shared=True,
    ),
    ThemeCase("alchemy", "alchemy", shared=True),
]
# The pages with choices, as written (pages at the site root, articles in articles/).
PAGES_WITH_CHOICES = [
    "start.html",
    "brewing.html",
    "leaves.html",
    "water.html",
    "articles/first-flush.html",
]
LISTINGS = ["index.html", "archives.html", "category/news.html", "feeds/all.atom.xml"]


def shared_themes_missing() -> str | None:
    """Why the shared themes cannot be used here, or None."""
    if SHARED_THEMES.is_dir():
        return None
    return f"the third-party themes are not beside the project ({SHARED_THEMES} is missing)"


def build_tea_site(case: ThemeCase, output: Path, *, plugin: bool = True) -> Path:
    """Build the guide in ``case``'s theme into ``output``; with ``plugin`` off, without choices."""
    settings = {
        "PATH": str(CONTENT),
        "OUTPUT_PATH": str(output),
        "CACHE_PATH": str(output.parent / f"{output.name}-cache"),
        "LOAD_CONTENT_CACHE": False,
        "PLUGINS": ["pelican_choices"] if plugin else [],
        "THEME": case.path,
        "SITENAME": "Tea at home",
        "AUTHOR": "The Tea Club",
        "SITEURL": "",
        "TIMEZONE": "UTC",
        "DEFAULT_LANG": "en",
        "PAGE_URL": "{slug}.html",
        "PAGE_SAVE_AS": "{slug}.html",
        "ARTICLE_URL": "articles/{slug}.html",
        "ARTICLE_SAVE_AS": "articles/{slug}.html",
        "FEED_ALL_ATOM": "feeds/all.atom.xml",
        "CATEGORY_FEED_ATOM": None,
        "TRANSLATION_FEED_ATOM": None,
        "AUTHOR_FEED_ATOM": None,
        "AUTHOR_FEED_RSS": None,
        **case.settings,
    }
    os.makedirs(output, exist_ok=True)
    Pelican(read_settings(override=settings)).run()
    return output
