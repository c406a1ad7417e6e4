"""Settings for publishing the example site: the local settings plus a real address."""

import os
import sys

sys.path.append(os.path.dirname(os.path.abspath(__file__)))
from pelicanconf import *  # noqa: F403

SITEURL = "https://example.org/houseplants"
MENUITEMS = menu(SITEURL)  # noqa: F405
RELATIVE_URLS = False

FEED_ALL_ATOM = "feeds/all.atom.xml"
CATEGORY_FEED_ATOM = "feeds/{slug}.atom.xml"

DELETE_OUTPUT_DIRECTORY = True

# The reports are for the author, not for the published site.
CHOICES_GRAPH_SAVE_AS = None
CHOICES_MAP_SAVE_AS = None
