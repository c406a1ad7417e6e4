"""Settings for the example site: a small houseplant guide built with pelican-choices."""

import pelican_choices

AUTHOR = "The Greenhouse Team"
SITENAME = "Houseplant Field Guide"
SITESUBTITLE = "Keep the plants you have alive, one question at a time"
SITEURL = ""

PATH = "content"
PAGE_PATHS = ["pages"]
ARTICLE_PATHS = ["articles"]
TIMEZONE = "UTC"
DEFAULT_LANG = "en"

# Flat, readable addresses for the guide's pages, as the choice URLs use them.
PAGE_URL = "{slug}.html"
PAGE_SAVE_AS = "{slug}.html"
ARTICLE_URL = "articles/{slug}.html"
ARTICLE_SAVE_AS = "articles/{slug}.html"

THEME = pelican_choices.THEME_PATH
DISPLAY_PAGES_ON_MENU = False
DISPLAY_CATEGORIES_ON_MENU = False


def menu(siteurl):
    """The menu, below SITEURL so that it works under a sub-path too."""
    return [
        ("Contents", f"{siteurl}/"),
        ("Glossary", f"{siteurl}/glossary.html"),
        ("Archives", f"{siteurl}/archives.html"),
        ("About", f"{siteurl}/about.html"),
    ]


MENUITEMS = menu(SITEURL)
PLUGINS = ["pelican_choices", "pelican.plugins.sitemap"]

SITEMAP = {"format": "xml"}

# The author's reports, for local work: publishconf.py turns them off.
CHOICES_GRAPH_SAVE_AS = "choices.json"
CHOICES_MAP_SAVE_AS = "choices-map.html"

# Feeds are made by publishconf.py, where SITEURL is known.
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

DEFAULT_PAGINATION = 10
