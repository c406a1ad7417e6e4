"""A small guide built in themes the project did not write, with nothing but the plugin enabled.

The browser tests of the choices in other themes and the README's gallery
(``benchmarks/gallery.py``) both build it from here. Pelican's ``simple`` and
``notmyidea`` come with Pelican; Reflex, SmallWeb, Seafoam and Bulrush are
installed from the package index with the test extra, and each build takes
the theme's folder from its installed package. Flex, Elegant,
pelican-bootstrap3 and alchemy are an extra, read from a ``shared/themes``
folder beside the project where there is one.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pelican import Pelican
from pelican.settings import read_settings
from signal_handlers import handlers_kept_to_the_block

PROJECT = Path(__file__).resolve().parent.parent
CONTENT = Path(__file__).resolve().parent / "tea_site"
SHARED_THEMES = PROJECT.parent / "shared" / "themes"


@dataclass(frozen=True)
class Installed:
    """A theme installed from the package index: the package whose folder is the theme.

    ``settings`` names the settings the theme asks for that its package
    provides, each with the package attribute holding its value.
    """

    distribution: str
    package: str
    settings: dict[str, str] = field(default_factory=dict)

    def missing(self) -> str | None:
        """Why the theme cannot be used here, or None."""
        try:
            found = importlib.util.find_spec(self.package)
        except ModuleNotFoundError:
            found = None
        if found is None:
            return f"{self.distribution} is not installed: pip install --editable '.[test]'"
        return None

    def folder(self) -> str:
        """The theme's folder, found without running the package's code.

        It is the folder each package's own ``path()`` or ``PATH`` gives, but
        SmallWeb's ``path()`` needs ``pkg_resources``, which setuptools 81 and
        later no longer have.
        """
        return importlib.util.find_spec(self.package).submodule_search_locations[0]

    def own_settings(self) -> dict[str, Any]:
        """The settings the package provides, read from it."""
        if not self.settings:
            return {}
        package = importlib.import_module(self.package)
        return {name: getattr(package, value) for name, value in self.settings.items()}


@dataclass(frozen=True)
class ThemeCase:
    """A theme and the settings it needs, in the colour scheme the browser asks for.

    ``theme`` is a theme Pelican comes with, an installed package, or a folder
    of the shared themes (``shared``). ``plugins`` are the theme's own, enabled
    in the builds with and without this one.
    """

    name: str
    theme: str | Installed
    settings: dict[str, Any] = field(default_factory=dict)
    scheme: str = "light"
    plugins: tuple[str, ...] = ()
    shared: bool = False

    @property
    def path(self) -> str:
        if isinstance(self.theme, Installed):
            return self.theme.folder()
        return str(SHARED_THEMES / self.theme) if self.shared else self.theme

    def missing(self) -> str | None:
        """Why this theme cannot be built here, or None."""
        if isinstance(self.theme, Installed):
            return self.theme.missing()
        return shared_themes_missing() if self.shared else None

    def all_settings(self) -> dict[str, Any]:
        own = self.theme.own_settings() if isinstance(self.theme, Installed) else {}
        return {**own, **self.settings}


# Reflex 4.0 fails to build without CC_LICENSE (its footer reads CC_LICENSE['icon']).
REFLEX = {
    "SITETITLE": "Tea at home",
    "MAIN_MENU": True,
    "MENUITEMS": [("Archives", "/archives.html")],
    "CC_LICENSE": {"name": "CC BY-SA 4.0", "version": "4.0", "slug": "by-sa"},
    "THEME_COLOR_AUTO_DETECT_BROWSER_PREFERENCE": True,
}
REFLEX_THEME = Installed("pelican-theme-reflex", "pelican.themes.reflex")
SEAFOAM_PLUGINS = (
    "pelican.plugins.seafoam",
    "pelican.plugins.jinja_filters",
    "pelican.plugins.image_process",
)
BULRUSH_THEME = Installed(
    "bulrush", "bulrush", {"JINJA_ENVIRONMENT": "ENVIRONMENT", "JINJA_FILTERS": "FILTERS"}
)
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

# What every clone tests: the themes Pelican comes with, and those of the test extra.
INSTALLED_CASES = [
    ThemeCase("simple", "simple"),
    ThemeCase("notmyidea", "notmyidea"),
    ThemeCase("reflex", REFLEX_THEME, REFLEX),
    ThemeCase("reflex-dark", REFLEX_THEME, REFLEX, "dark"),
    ThemeCase("smallweb", Installed("pelican-theme-smallweb", "pelican.themes.smallweb")),
    ThemeCase("seafoam", Installed("seafoam", "pelican.plugins.seafoam"), plugins=SEAFOAM_PLUGINS),
    ThemeCase("bulrush", BULRUSH_THEME, plugins=("pelican.plugins.webassets",)),
]
# The extra: four themes copied beside the project on some machines, not on a clone.
SHARED_CASES = [
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


# The extra runs where its folder is, and always under CI, which fails without it.
THEME_CASES = INSTALLED_CASES + (
    SHARED_CASES if os.environ.get("CI") or not shared_themes_missing() else []
)


def build_tea_site(
    case: ThemeCase, output: Path, *, plugin: bool = True, map_page: bool = False
) -> Path:
    """Build the guide in ``case``'s theme into ``output``; with ``plugin`` off, without choices.

    With ``map_page``, the plugin writes its map page too, as ``choices-map.html``.
    The handlers the build connects are disconnected when it ends, so the
    next build runs only the plugins it lists.
    """
    settings = {
        "PATH": str(CONTENT),
        "OUTPUT_PATH": str(output),
        "CACHE_PATH": str(output.parent / f"{output.name}-cache"),
        "LOAD_CONTENT_CACHE": False,
        "PLUGINS": [*(["pelican_choices"] if plugin else []), *case.plugins],
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
        "CHOICES_MAP_SAVE_AS": "choices-map.html" if map_page else None,
        **case.all_settings(),
    }
    os.makedirs(output, exist_ok=True)
    with handlers_kept_to_the_block():
        Pelican(read_settings(override=settings)).run()
    return output
