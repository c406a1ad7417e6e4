"""Which category is a chapter: one the author gave, not one Pelican falls back to.

Pelican gives every article and page a category. When the file writes none,
it is the name of the file's folder (``USE_FOLDER_AS_CATEGORY``), or
``DEFAULT_CATEGORY`` for a file in no folder or with folders turned off. A
folder named in ``ARTICLE_PATHS`` or ``PAGE_PATHS`` (``pages`` in a site made
by ``pelican-quickstart``) says where files are kept, not what they are
about, so its name is no chapter, and neither is ``DEFAULT_CATEGORY``. A
category written in the file, from ``EXTRA_PATH_METADATA`` or
``PATH_METADATA``, or the name of a folder below those roots
(``04-web-development/``) is a chapter.

Pelican keeps no record of where a category came from, so it is told by
its value: a file that writes the very category Pelican would have given it
is read as one that writes none.
"""

from __future__ import annotations

import posixpath
from collections.abc import Mapping
from typing import Any

from pelican.contents import Content

PATH_SETTINGS = ("ARTICLE_PATHS", "PAGE_PATHS")


class Chapters:
    """The chapter rule of one build's settings."""

    def __init__(self, settings: Mapping[str, Any]) -> None:
        categories = bool(settings.get("CATEGORY_SAVE_AS"))
        self.default = str(settings.get("DEFAULT_CATEGORY") or "") if categories else ""
        self.folders = categories and bool(settings.get("USE_FOLDER_AS_CATEGORY"))
        self.roots = {
            _folder(str(path)) for name in PATH_SETTINGS for path in settings.get(name) or ()
        }

    def of(self, content: Content, source: str) -> str:
        """The chapter of ``content``, whose ``source`` is relative to ``PATH``; ``""`` for none."""
        category = getattr(content, "category", None)
        name = str(category) if category else ""
        folder = posixpath.dirname(source)
        if self.folders and folder and name == posixpath.basename(folder):
            return "" if folder in self.roots else name
        return "" if name == self.default else name


def _folder(path: str) -> str:
    """A ``*_PATHS`` entry as a folder below ``PATH``: ``"pages/"`` is ``"pages"``."""
    folder = posixpath.normpath(path.replace("\\", "/")).strip("/")
    return "" if folder == "." else folder
