"""The plugin's settings: defaults in one place, read once per build."""

from __future__ import annotations

import logging
from collections.abc import Mapping
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
    """The plugin's view of the site settings, with defaults filled in."""

    on_broken: str = DEFAULTS["CHOICES_ON_BROKEN"]
    sort_key: str = DEFAULTS["CHOICES_SORT_KEY"]
    sort_as: str | None = DEFAULTS["CHOICES_SORT_AS"]
    default_icon: str | None = DEFAULTS["CHOICES_DEFAULT_ICON"]
    graph_save_as: str | None = DEFAULTS["CHOICES_GRAPH_SAVE_AS"]
    map_save_as: str | None = DEFAULTS["CHOICES_MAP_SAVE_AS"]
    nav_label: str = DEFAULTS["CHOICES_NAV_LABEL"]
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

        nav_label = merged["CHOICES_NAV_LABEL"]
        if not isinstance(nav_label, str) or not nav_label.strip():
            _reject("CHOICES_NAV_LABEL", nav_label, "the text of the heading above the choices")
            nav_label = DEFAULTS["CHOICES_NAV_LABEL"]

        return cls(
            on_broken=on_broken.lower(),
            sort_key=sort_key.strip().lower(),
            sort_as=sort_as.lower() if sort_as else None,
            default_icon=(default_icon or "").strip() or None,
            graph_save_as=_output_name("CHOICES_GRAPH_SAVE_AS", merged),
            map_save_as=_output_name("CHOICES_MAP_SAVE_AS", merged),
            nav_label=" ".join(nav_label.split()),
            hide_heading=_flag("CHOICES_HIDE_HEADING", merged),
            place_after_content=_flag("CHOICES_PLACE_AFTER_CONTENT", merged),
            stylesheet=_flag("CHOICES_STYLESHEET", merged),
            page_order_by_site=_site_orders_pages(settings),
        )


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
        "pelicanconf: %s = %r is not valid (expected %s); using the default %r",
        name,
        value,
        expected,
        DEFAULTS[name],
    )
