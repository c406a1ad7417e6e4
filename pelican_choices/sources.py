"""The source files behind the messages: where a key is written, and how the file was read.

A file is read only when one of its values has a problem, and then once
per build, so a clean build reads nothing here.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping

SETTINGS_SOURCE = "settings"  # the source of a problem in the settings, not in a file
MARKDOWN_EXTENSIONS = (".md", ".markdown", ".mkd", ".mdown")
# Python-Markdown's metadata syntax: the lines it reads as keys and as continued values.
TAB_LENGTH = 4
MARKDOWN_KEY = re.compile(r"[ ]{0,3}([A-Za-z0-9_-]+):")
MARKDOWN_MORE = re.compile(r"[ ]{4,}")
HEADER_START = re.compile(r"-{3}(\s.*)?")
HEADER_END = re.compile(r"(-{3}|\.{3})(\s.*)?")
YAML_KEY = re.compile(r"""['"]?([^\s#'"][^:'"]*)['"]?\s*:(\s|$)""")
RST_FIELD = re.compile(r":([^:\s][^:]*):(\s|$)")


class SourceFiles:
    """The source files of one build below ``root`` (the site's ``PATH``).

    ``reader_classes`` maps a file extension to the class Pelican reads it with.
    """

    def __init__(self, root: str, reader_classes: Mapping[str, type]) -> None:
        self.root = root
        self.reader_classes = reader_classes
        self._lines: dict[str, list[str]] = {}
        self._keys: dict[str, dict[str, list[int]]] = {}

    def where(self, source: str, line: int | None) -> str:
        """``content/pages/css.md:15``: the file as it resolves from the current folder.

        The path is relative to the folder Pelican runs in when the file is
        below it, else absolute; ``:line`` is left out when it is not known.
        """
        if source == SETTINGS_SOURCE:
            return source
        path = os.path.abspath(os.path.join(self.root, source))
        shown = _below_current_folder(path) or _below_current_folder(os.path.realpath(path))
        shown = shown or path
        return shown if line is None else f"{shown}:{line}"

    def line(self, source: str, key: str, occurrence: int = 0) -> int | None:
        """The line (from 1) where ``key`` is written, the ``occurrence``-th time if repeated.

        None for a key the file does not hold: one from ``DEFAULT_METADATA``,
        the file name or its path.
        """
        if source == SETTINGS_SOURCE:
            return None
        keys = self._keys.get(source)
        if keys is None:
            keys = self._keys[source] = self._find_keys(source)
        lines = keys.get(key.lower())
        if not lines:
            return None
        return lines[min(occurrence, len(lines) - 1)]

    def typed(self, source: str) -> bool:
        """Whether a reader other than Pelican's own read the file's front matter.

        Such readers (YAML front matter) give numbers and lists as the author
        typed them; Pelican's own readers give text, and a list only for a
        repeated or continued Markdown key.
        """
        if source == SETTINGS_SOURCE:
            return False
        reader = self.reader_classes.get(os.path.splitext(source)[1][1:])
        if reader is None or reader.__module__ == "pelican.readers":
            return False
        first = next((line for line in self._read(source) if line.strip()), "")
        return first.rstrip() == "---"

    def _read(self, source: str) -> list[str]:
        lines = self._lines.get(source)
        if lines is None:
            try:
                with open(os.path.join(self.root, source), encoding="utf-8-sig") as file:
                    lines = file.read().split("\n")
            except (OSError, UnicodeDecodeError):
                lines = []
            self._lines[source] = lines
        return lines

    def _find_keys(self, source: str) -> dict[str, list[int]]:
        """Every metadata key of the file, lowercased, with the lines it is on."""
        extension = os.path.splitext(source)[1].lower()
        if extension == ".rst":
            found = _rst_fields(self._read(source))
        elif self.typed(source):
            found = _yaml_keys(self._read(source))
        elif extension in MARKDOWN_EXTENSIONS:
            found = _markdown_keys(self._read(source))
        else:
            found = []
        keys: dict[str, list[int]] = {}
        for number, key in found:
            keys.setdefault(key.lower(), []).append(number)
        return keys


def _below_current_folder(path: str) -> str | None:
    """``path`` relative to the current folder, or None when it is not below it."""
    try:
        relative = os.path.relpath(path)
    except ValueError:  # on another drive
        return None
    return None if relative.split(os.sep)[0] == os.pardir else relative


def _markdown_keys(lines: list[str]) -> list[tuple[int, str]]:
    """The keys of Python-Markdown's metadata block: after any ``---``, to a blank line."""
    found = []
    start = 1 if lines and HEADER_START.match(lines[0]) else 0
    for number, written in enumerate(lines[start:], start + 1):
        line = written.expandtabs(TAB_LENGTH)
        if not line.strip() or HEADER_END.match(line):
            break
        key = MARKDOWN_KEY.match(line)
        if key:
            found.append((number, key.group(1)))
        elif not MARKDOWN_MORE.match(line):
            break
    return found


def _yaml_keys(lines: list[str]) -> list[tuple[int, str]]:
    """The top-level keys of a YAML front matter, between its ``---`` lines."""
    found = []
    started = False
    for number, line in enumerate(lines, 1):
        if not started:
            started = bool(line.strip())
            continue
        if HEADER_END.match(line):
            break
        key = YAML_KEY.match(line)
        if key:
            found.append((number, key.group(1).strip()))
    return found


def _rst_fields(lines: list[str]) -> list[tuple[int, str]]:
    """The field names of the first field list: the metadata Pelican reads."""
    found = []
    for number, line in enumerate(lines, 1):
        field = RST_FIELD.match(line)
        if field:
            found.append((number, field.group(1)))
        elif found and line.strip() and not line[0].isspace():
            break
    return found
