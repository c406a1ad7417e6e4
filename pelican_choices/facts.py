"""The URL and source path of each content, worked out once per build.

Pelican works out ``content.url``, ``content.get_relative_source_path()``
and ``content.relative_dir`` anew on every access, from the settings and
several path operations. The plugin asks for them many times per page, so it
keeps them here, and finds relative paths with fewer path operations.
"""

from __future__ import annotations

import os
import posixpath
from typing import Any


class ContentFacts:
    """A build's memory of URLs and source paths, by object identity.

    Each entry holds on to its object, so no other object can take its id.
    """

    def __init__(self) -> None:
        self._urls: dict[int, tuple[Any, str]] = {}
        self._sources: dict[int, tuple[Any, str]] = {}
        self._folders: dict[int, tuple[Any, str]] = {}

    def url(self, target: Any) -> str:
        """``target.url``."""
        known = self._urls.get(id(target))
        if known is None:
            known = self._urls[id(target)] = (target, target.url)
        return known[1]

    def forget_url(self, target: Any) -> None:
        """Forget the URL of ``target``, which has changed (a static file attached to a page)."""
        self._urls.pop(id(target), None)

    def source(self, content: Any) -> str:
        """``content.get_relative_source_path()``."""
        known = self._sources.get(id(content))
        if known is None:
            known = self._sources[id(content)] = (content, relative_source_path(content))
        return known[1]

    def folder(self, content: Any) -> str:
        """``content.relative_dir``: the folder of its source, relative to PATH."""
        known = self._folders.get(id(content))
        if known is None:
            known = self._folders[id(content)] = (content, self._folder(content))
        return known[1]

    def _folder(self, content: Any) -> str:
        # For a content read from a file (an absolute source path), Pelican's
        # relative_dir is the folder of its relative source path.
        source_path = getattr(content, "source_path", None)
        if isinstance(source_path, str) and os.path.isabs(source_path):
            return posixpath.dirname(self.source(content))
        return content.relative_dir


def relative_source_path(content: Any, path: str | None = None) -> str:
    """``content.get_relative_source_path(path)``, with fewer path operations.

    Pelican makes both ``PATH`` and ``PATH/path`` absolute and asks for the
    second relative to the first. When ``PATH`` is absolute and the
    normalized path lies below it, that is the rest of the path.
    """
    root = content.settings.get("PATH")
    path = path or getattr(content, "source_path", None)
    if os.sep == "/" and isinstance(root, str) and isinstance(path, str) and os.path.isabs(root):
        root = posixpath.normpath(root)
        full = posixpath.normpath(posixpath.join(root, path))
        if full.startswith(root + "/") and len(full) > len(root) + 1:
            return full[len(root) + 1 :]
    return content.get_relative_source_path(path)
