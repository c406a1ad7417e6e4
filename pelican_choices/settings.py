"""The plugin's settings: defaults in one place, read once per build."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, NamedTuple

from pelican.settings import DEFAULT_CONFIG

logger = logging.getLogger(__name__)

ON_BROKEN_MODES = ("ignore", "warn", "error")
SORT_READINGS = ("codes", "numbers")

DEFAULTS: dict[str, Any] = {
    "CHOICES_ON_BROKEN": "warn",
    "CHOICES_SORT_KEY": "sort-order",
    "CHOICES_SORT_AS": None,
    "CHOICES_DEFAULT_ICON": "fa-arrow-right",
    # The reports are for the author: off unless a site asks for them.
    "CHOICES_GRAPH_SAVE_AS": None,
    "CHOICES_MAP_SAVE_AS": None,
    "CHOICES_NAV_LABEL": "Where next?",
    "CHOICES_HIDE_HEADING": False,
    "CHOICES_PLACE_AFTER_CONTENT": True,
    "CHOICES_STYLESHEET": True,
}


class ChoicesSettings(NamedTuple):
    """The plugin's view of the site settings, with defaults filled in.

    ``nav_labels`` is ``CHOICES_NAV_LABEL`` as checked: one text for every
    language, texts by language code (lower case, with ``-``), or None when
    the site sets none; ``nav_label_in`` reads them.
    """

    on_broken: str = DEFAULTS["CHOICES_ON_BROKEN"]
    sort_key: str = DEFAULTS["CHOICES_SORT_KEY"]
    sort_as: str | None = DEFAULTS["CHOICES_SORT_AS"]
    default_icon: str | None = DEFAULTS["CHOICES_DEFAULT_ICON"]
    graph_save_as: str | None = DEFAULTS["CHOICES_GRAPH_SAVE_AS"]
    map_save_as: str | None = DEFAULTS["CHOICES_MAP_SAVE_AS"]
    nav_labels: str | Mapping[str, str] | None = None
    default_lang: str = DEFAULT_CONFIG["DEFAULT_LANG"]
    hide_heading: bool = DEFAULTS["CHOICES_HIDE_HEADING"]
    place_after_content: bool = DEFAULTS["CHOICES_PLACE_AFTER_CONTENT"]
    stylesheet: bool = DEFAULTS["CHOICES_STYLESHEET"]
    page_order_by_site: bool = False

    @classmethod
    def from_pelican(cls, settings: Mapping[str, Any]) -> ChoicesSettings:
        """Read and check the ``CHOICES_*`` settings, never changing ``settings``."""
        merged = dict(DEFAULTS)
        merged.update({key: settings[key] for key in DEFAULTS if key in settings})

        on_broken = merged["CHOICES_ON_BROKEN"]
        if not isinstance(on_broken, str) or on_broken.lower() not in ON_BROKEN_MODES:
            _reject("CHOICES_ON_BROKEN", on_broken, "one of 'ignore', 'warn', 'error'")
            on_broken = DEFAULTS["CHOICES_ON_BROKEN"]

        sort_key = merged["CHOICES_SORT_KEY"]
        if not isinstance(sort_key, str) or not sort_key.strip():
            _reject("CHOICES_SORT_KEY", sort_key, "a metadata key such as 'sort-order'")
            sort_key = DEFAULTS["CHOICES_SORT_KEY"]

        sort_as = merged["CHOICES_SORT_AS"]
        if sort_as is not None and (
            not isinstance(sort_as, str) or sort_as.lower() not in SORT_READINGS
        ):
            _reject("CHOICES_SORT_AS", sort_as, "'codes', 'numbers' or None")
            sort_as = DEFAULTS["CHOICES_SORT_AS"]

        default_icon = merged["CHOICES_DEFAULT_ICON"]
        if default_icon is not None and not isinstance(default_icon, str):
            _reject("CHOICES_DEFAULT_ICON", default_icon, "an icon name or None")
            default_icon = DEFAULTS["CHOICES_DEFAULT_ICON"]

        return cls(
            on_broken=on_broken.lower(),
            sort_key=sort_key.strip().lower(),
            sort_as=sort_as.lower() if sort_as else None,
            default_icon=(default_icon or "").strip() or None,
            graph_save_as=_output_name("CHOICES_GRAPH_SAVE_AS", merged),
            map_save_as=_output_name("CHOICES_MAP_SAVE_AS", merged),
            nav_labels=_nav_labels(settings.get("CHOICES_NAV_LABEL")),
            default_lang=settings.get("DEFAULT_LANG", DEFAULT_CONFIG["DEFAULT_LANG"]),
            hide_heading=_flag("CHOICES_HIDE_HEADING", merged),
            place_after_content=_flag("CHOICES_PLACE_AFTER_CONTENT", merged),
            stylesheet=_flag("CHOICES_STYLESHEET", merged),
            page_order_by_site=_site_orders_pages(settings),
        )

    @property
    def nav_label(self) -> str:
        """The heading above the choices in the site's language."""
        return self.nav_label_in(self.default_lang)

    def nav_label_in(self, lang: str | None, default: str | None = None) -> str:
        """The heading above the choices on a page in ``lang``.

        The site's text for that language (or for its first part: ``fr`` for
        ``fr-CA``), or its one text for every language; else ``default``, a
        theme's own words for that language; else the English default.
        """
        given = self.nav_labels
        if isinstance(given, str):
            return given
        if given and isinstance(lang, str):
            code = language_code(lang)
            text = given.get(code) or given.get(code.partition("-")[0])
            if text:
                return text
        if isinstance(default, str) and default.strip():
            return default
        return DEFAULTS["CHOICES_NAV_LABEL"]


def language_code(lang: str) -> str:
    """A language code as the plugin compares them: ``pt_BR`` is ``pt-br``."""
    return lang.strip().lower().replace("_", "-")


def _nav_labels(value: object) -> str | Mapping[str, str] | None:
    """``CHOICES_NAV_LABEL`` checked: a text, or texts by language code.

    A bad text in a mapping is reported and left out, so that language gets
    the default heading; any other bad value is reported and not used.
    """
    if value is None:
        return None
    expected = "the text of the heading above the choices"
    if isinstance(value, str) and value.strip():
        return " ".join(value.split())
    if not isinstance(value, Mapping):
        _reject("CHOICES_NAV_LABEL", value, f"{expected}, or a dict of language codes to texts")
        return None
    texts = {}
    for lang, text in value.items():
        if not isinstance(lang, str) or not lang.strip():
            logger.warning(
                "settings: CHOICES_NAV_LABEL has the key %r, which is not a language code "
                "such as 'fr'; it is left out",
                lang,
            )
        elif not isinstance(text, str) or not text.strip():
            logger.warning(
                "settings: CHOICES_NAV_LABEL[%r] = %r is not valid (expected %s); "
                "pages in that language get the default heading",
                lang,
                text,
                expected,
            )
        else:
            texts[language_code(lang)] = " ".join(text.split())
    return MappingProxyType(texts)


def _output_name(name: str, merged: Mapping[str, Any]) -> str | None:
    """A file name inside the output folder; None (or "") writes no file."""
    value = merged[name]
    if value is None or value == "":
        return None
    parts = value.replace("\\", "/").split("/") if isinstance(value, str) else [""]
    if {"", ".", ".."} & set(parts) or ":" in value or not value.strip():
        _reject(name, value, "a file name inside the output folder, or None")
        return DEFAULTS[name]
    return "/".join(parts)


def _flag(name: str, merged: Mapping[str, Any]) -> bool:
    """A setting that is True or False."""
    value = merged[name]
    if not isinstance(value, bool):
        _reject(name, value, "True or False")
        return DEFAULTS[name]
    return value


def _site_orders_pages(settings: Mapping[str, Any]) -> bool:
    """True when the site chose its own ``PAGE_ORDER_BY``."""
    return settings.get("PAGE_ORDER_BY") != DEFAULT_CONFIG["PAGE_ORDER_BY"]


def _reject(name: str, value: object, expected: str) -> None:
    logger.warning(
        "settings: %s = %r is not valid (expected %s); using the default %r",
        name,
        value,
        expected,
        DEFAULTS[name],
    )
