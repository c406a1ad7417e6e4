"""The source files behind the messages: where a key is written, and how the file was read.

A Markdown file is read only when one of its values has a problem. A
reStructuredText file, or one that a reader other than Pelican's reads (YAML
front matter), is read once it holds a key the plugin reads: those readers
keep one value of a key written twice, so only the file tells. Each file is
read once per build, and only its keys are kept.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from typing import NamedTuple

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
# The forms of metadata a file can hold: how its keys are found, and which value of a
# repeated key its reader keeps. Markdown keeps every one (a list, read elsewhere).
MARKDOWN, YAML, RST = "markdown", "yaml", "rst"


class Written(NamedTuple):
    """One line a key is written on: its number (from 1), the key as spelt, the value after it."""

    line: int
    spelling: str
    value: str


class Repeat(NamedTuple):
    """A key written ``count`` times with different values, of which the reader keeps one.

    ``kept`` is ``"first"``, ``"last"`` or ``"between"``.
    """

    count: int
    kept: str


class SourceFiles:
    """The source files of one build below ``root`` (the site's ``PATH``).

    ``reader_classes`` maps a file extension to the class Pelican reads it with.
    """

    def __init__(self, root: str, reader_classes: Mapping[str, type]) -> None:
        self.root = root
        self.reader_classes = reader_classes
        self._forms: dict[str, str] = {}
        self._keys: dict[str, dict[str, list[Written]]] = {}

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

    def line(self, source: str, key: str) -> int | None:
        """The line (from 1) where the value the reader uses for ``key`` is written.

        Of a key written twice, that is the first line with a value in
        Markdown, the last in reStructuredText, and in YAML the last line of
        the spelling that first appears last (``choice1url`` and
        ``Choice1URL`` are two keys to YAML, one to Pelican). None for a key
        the file does not hold: one from ``DEFAULT_METADATA``, the file name
        or its path.
        """
        written = self.written(source, key)
        return written[_kept(self._form(source), written)].line if written else None

    def repeat(self, source: str, key: str) -> Repeat | None:
        """``key`` written more than once with different values, in a file whose reader keeps one.

        None in Markdown, whose reader hands every value over as a list.
        """
        form = self._form(source)
        if form not in (YAML, RST):
            return None
        written = self.written(source, key)
        if len({entry.value for entry in written}) < 2:
            return None
        kept = _kept(form, written)
        return Repeat(len(written), {0: "first", len(written) - 1: "last"}.get(kept, "between"))

    def written(self, source: str, key: str) -> list[Written]:
        """Every line ``key`` is written on, whatever its case."""
        keys = self._keys.get(source)
        if keys is None:
            keys = self._keys[source] = self._find_keys(source)
        return keys.get(key.lower(), [])

    def typed(self, source: str) -> bool:
        """Whether a reader other than Pelican's own read the file's front matter.

        Such readers (YAML front matter) give numbers and lists as the author
        typed them; Pelican's own readers give text, and a list only for a
        repeated or continued Markdown key.
        """
        return self._form(source) == YAML

    def _form(self, source: str) -> str:
        """How the file's metadata is written: ``MARKDOWN``, ``YAML``, ``RST`` or ``""``."""
        form = self._forms.get(source)
        if form is None:
            form = self._forms[source] = self._find_form(source)
        return form

    def _find_form(self, source: str) -> str:
        if source == SETTINGS_SOURCE:
            return ""
        extension = os.path.splitext(source)[1]
        if extension.lower() == ".rst":
            return RST
        reader = self.reader_classes.get(extension[1:])
        foreign = reader is not None and reader.__module__ != "pelican.readers"
        if foreign and self._first_line(source).rstrip() == "---":
            return YAML
        return MARKDOWN if extension.lower() in MARKDOWN_EXTENSIONS else ""

    def _first_line(self, source: str) -> str:
        """The file's first line that is not blank, ``""`` when it cannot be read."""
        try:
            with open(os.path.join(self.root, source), encoding="utf-8-sig") as file:
                return next((line for line in file if line.strip()), "")
        except (OSError, UnicodeDecodeError):
            return ""

    def _find_keys(self, source: str) -> dict[str, list[Written]]:
        """Every metadata key of the file, lowercased, with the lines it is on."""
        form = self._form(source)
        if not form:
            return {}
        try:
            with open(os.path.join(self.root, source), encoding="utf-8-sig") as file:
                lines = file.read().split("\n")
        except (OSError, UnicodeDecodeError):
            return {}
        find = {RST: _rst_fields, YAML: _yaml_keys, MARKDOWN: _markdown_keys}[form]
        keys: dict[str, list[Written]] = {}
        for written in find(lines):
            keys.setdefault(written.spelling.lower(), []).append(written)
        return keys


def _kept(form: str, written: list[Written]) -> int:
    """Which of the lines of one key holds the value its reader keeps."""
    if form == RST:
        return len(written) - 1
    if form == YAML:
        # YAML keeps the last value of each spelling, in the order the spellings
        # first appear; Pelican, lowercasing them, keeps the one that appears last.
        last = {entry.spelling: index for index, entry in enumerate(written)}
        return list(last.values())[-1]
    return next((index for index, entry in enumerate(written) if entry.value), 0)


def _below_current_folder(path: str) -> str | None:
    """``path`` relative to the current folder, or None when it is not below it."""
    try:
        relative = os.path.relpath(path)
    except ValueError:  # on another drive
        return None
    return None if relative.split(os.sep)[0] == os.pardir else relative


def _markdown_keys(lines: list[str]) -> list[Written]:
    """The keys of Python-Markdown's metadata block: after any ``---``, to a blank line."""
    found = []
    start = 1 if lines and HEADER_START.match(lines[0]) else 0
    for number, written in enumerate(lines[start:], start + 1):
        line = written.expandtabs(TAB_LENGTH)
        if not line.strip() or HEADER_END.match(line):
            break
        key = MARKDOWN_KEY.match(line)
        if key:
            found.append(Written(number, key.group(1), line[key.end() :].strip()))
        elif not MARKDOWN_MORE.match(line):
            break
    return found


def _yaml_keys(lines: list[str]) -> list[Written]:
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
            found.append(Written(number, key.group(1).strip(), line[key.end() :].strip()))
    return found


def _rst_fields(lines: list[str]) -> list[Written]:
    """The field names of the first field list: the metadata Pelican reads."""
    found = []
    for number, line in enumerate(lines, 1):
        field = RST_FIELD.match(line)
        if field:
            found.append(Written(number, field.group(1), line[field.end() :].strip()))
        elif found and line.strip() and not line[0].isspace():
            break
    return found
