"""Writing ``choices.json`` and the map page last, never over a file of the site.

The reports are written at the end of the build (see ``ending``), once
every generator has written its files, and past Pelican's writer, so no plugin
that lists written pages (pelican-sitemap) sees them. pelican-sitemap
writes its own file on that same signal, in no set order, so that file's
name is kept free. A name that collides with a file of the build, a
folder, a file already there that the plugin did not write, or the other
report, is refused with one warning. A report of an earlier build is
removed once it is turned off or renamed: the names written are recorded
in Pelican's cache folder, and a file is removed only when the mark in its
first bytes says the plugin wrote it.
"""

from __future__ import annotations

import json
import logging
import os
from typing import Any

from pelican.generators import Generator, PagesGenerator

from pelican_choices.output import GRAPH_MARK, MAP_MARK, graph_json, map_page
from pelican_choices.settings import ChoicesSettings

logger = logging.getLogger(__name__)

RECORD = os.path.join("pelican-choices", "reports.json")
GRAPH_START = json.dumps({"about": GRAPH_MARK}, indent=2)[:-2].encode("utf-8")
MAP_START = MAP_MARK.encode("utf-8")
MARK_WITHIN = 4096  # the mark is in a report's first bytes
SITEMAP_PLUGINS = ("pelican.plugins.sitemap", "sitemap")


class Reports:
    """The reports of one build: written, refused or removed once the rest is written."""

    def __init__(self, generators: list[Generator], settings: ChoicesSettings) -> None:
        self.context: dict[str, Any] = generators[0].context
        self.settings = generators[0].settings
        self.pages = next(g for g in generators if isinstance(g, PagesGenerator))
        self.output = self.pages.output_path
        self.wanted = {
            "CHOICES_GRAPH_SAVE_AS": settings.graph_save_as,
            "CHOICES_MAP_SAVE_AS": settings.map_save_as,
        }
        self.written: dict[str, str] = {}  # each file the build writes, by its _key

    def file_written(self, path: str) -> None:
        """Note a file Pelican wrote, so that no report replaces it."""
        if any(self.wanted.values()):
            self._add_written(os.path.relpath(path, self.output).replace(os.sep, "/"))

    def write(self) -> None:
        """Remove stale reports and write the ones asked for, once the rest is written."""
        for name in [
            *(static.save_as for static in self.context.get("staticfiles", ())),
            *_sitemap_names(self.settings),
        ]:
            self._add_written(name.replace(os.sep, "/"))
        wanted = {setting: name for setting, name in self.wanted.items() if name}
        for name in self._read_record():
            if name not in wanted.values():
                self._remove_stale(name)
        done: dict[str, str] = {}
        for setting, name in wanted.items():
            path = self._place(setting, name, done)
            if path is not None:
                if setting == "CHOICES_GRAPH_SAVE_AS":
                    _write(path, graph_json(self.context["choices_graph"]))
                else:
                    _write(path, map_page(self.pages, name))
                done[setting] = name
        self._write_record(list(done.values()))

    def _add_written(self, name: str) -> None:
        self.written.setdefault(_key(name), name)

    def _place(self, setting: str, name: str, done: dict[str, str]) -> str | None:
        """Where report ``name`` goes; None, after one warning, when it would replace something."""
        for other, other_name in done.items():
            if _key(other_name) == _key(name):
                _refuse(setting, name, other_name, f"the file of {other}")
                return None
        folder, parts, spelt = self.output, name.split("/"), []
        for number, part in enumerate(parts):
            found = _entry(folder, part)
            if found is None:
                if _key(name) in self.written:  # a file written on this same signal
                    _refuse(setting, name, self.written[_key(name)], "a file this build writes")
                    return None
                return os.path.join(folder, *parts[number:])
            path = os.path.join(folder, found)
            spelt.append(found)
            shown = "/".join(spelt)  # as the output folder spells it
            last = number == len(parts) - 1
            if _key(shown) in self.written:
                _refuse(setting, name, shown, "a file this build writes")
                return None
            if os.path.isdir(path) and not os.path.islink(path):
                if last:
                    _refuse(setting, name, shown, "a folder")
                    return None
                folder = path
            elif last and _marked(path):
                if found != part:  # the same report, its name now spelt in another case
                    self._remove_stale(shown)
            else:
                _refuse(setting, name, shown, "a file this plugin did not write")
                return None
        return os.path.join(folder, parts[-1])

    def _remove_stale(self, name: str) -> None:
        path = os.path.join(self.output, *name.split("/"))
        if _key(name) in self.written or not os.path.isfile(path) or not _marked(path):
            return
        os.remove(path)
        logger.info('Removing "%s", a report of an earlier build', path)

    def _record_path(self) -> str:
        return os.path.join(self.settings["CACHE_PATH"], RECORD)

    def _read_record(self) -> list[str]:
        """The reports this plugin wrote into this output folder in the last build."""
        try:
            with open(self._record_path(), encoding="utf-8") as file:
                record = json.load(file)
            names = record.get(os.path.realpath(self.output), [])
        except (OSError, ValueError, AttributeError):
            return []
        return [name for name in names if isinstance(name, str)] if isinstance(names, list) else []

    def _write_record(self, names: list[str]) -> None:
        path = self._record_path()
        try:
            with open(path, encoding="utf-8") as file:
                record = json.load(file)
            if not isinstance(record, dict):
                record = {}
        except (OSError, ValueError):
            record = {}
        key = os.path.realpath(self.output)
        if record.get(key, []) == names:
            return
        if names:
            record[key] = names
        else:
            record.pop(key, None)
        try:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w", encoding="utf-8") as file:
                json.dump(record, file, indent=2, sort_keys=True)
        except OSError as error:
            logger.warning(
                "%s: the names of the reports cannot be recorded (%s); a report "
                "turned off or renamed later stays in the output",
                path,
                error,
            )


def _sitemap_names(settings: dict[str, Any]) -> list[str]:
    """The file pelican-sitemap writes, when the build runs it."""
    if not any(name in SITEMAP_PLUGINS for name in settings.get("PLUGINS") or ()):
        return []
    config = settings.get("SITEMAP")
    format_ = config.get("format", "xml") if isinstance(config, dict) else "xml"
    return [f"sitemap.{format_}"]


def _key(name: str) -> str:
    """A path relative to the output folder, compared as a file system that ignores case would."""
    return name.replace(os.sep, "/").casefold()


def _entry(folder: str, name: str) -> str | None:
    """The entry of ``folder`` called ``name``, letter case aside: the exact one first."""
    try:
        entries = os.listdir(folder)
    except OSError:
        return None
    if name in entries:
        return name
    return next((entry for entry in sorted(entries) if entry.casefold() == name.casefold()), None)


def _marked(path: str) -> bool:
    """Whether the file at ``path`` is a report this plugin wrote: it starts with its mark."""
    if os.path.islink(path):
        return False
    try:
        with open(path, "rb") as file:
            start = file.read(MARK_WITHIN)
    except OSError:
        return False
    return start.startswith(GRAPH_START) or MAP_START in start


def _write(path: str, text: str) -> None:
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as file:
        file.write(text)
    logger.info('Writing "%s"', path)


def _refuse(setting: str, name: str, existing: str, what: str) -> None:
    logger.warning(
        "settings: %s = %r would replace %s, %s; the report is not written",
        setting,
        name,
        existing,
        what,
    )
