"""Reading the ``choiceNurl`` / ``choiceNicon`` / ``choiceNtext`` metadata slots."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import NamedTuple

from pelican_choices.problems import Problem, Reporter

SLOT_KEY = re.compile(r"choice(\d+)(url|icon|text)", re.ASCII)
LOOKALIKE_KEY = re.compile(r"choice.*(url|icon|text)", re.DOTALL)
TARGET_DEFAULT_KEYS = ("choiceicon", "choicetext")
CONTROL_CHARACTERS = re.compile("[\x00-\x1f\x7f-\x9f]")
# Longer numbers are not read: Python refuses to convert very long ones, slowly.
MAX_DIGITS = 100
FIELD_AT = {"url": 0, "icon": 2, "text": 4}  # where a field's key and value are kept
KeyPlace = tuple[str, tuple[int, int] | None]  # a key, and its slot number and field place


class Slot(NamedTuple):
    """The raw, stripped values of one numbered choice, with the keys they came from."""

    number: int
    url: str = ""
    icon: str = ""
    text: str = ""
    url_key: str = ""
    icon_key: str = ""
    text_key: str = ""

    def key(self, field: str) -> str:
        """The metadata key of ``field``, as the author wrote it or as it would be."""
        return getattr(self, f"{field}_key") or f"choice{self.number}{field}"


def read_slots(
    metadata: Mapping[str, object],
    source: str,
    reporter: Reporter,
    known_layouts: dict[tuple[str, ...], list[KeyPlace]] | None = None,
) -> list[Slot]:
    """Return the non-blank choice slots of ``metadata`` in number order.

    ``known_layouts`` remembers the choice keys of each set of metadata keys
    (see ``_choice_keys``), for a build whose pages repeat the same few sets.
    """
    if known_layouts is None:
        known_layouts = {}
    layout = tuple(metadata)
    choice_keys = known_layouts.get(layout)
    if choice_keys is None:
        choice_keys = known_layouts[layout] = _choice_keys(layout)
    found: dict[int, list[str]] = {}  # number: [url key, url, icon key, icon, text key, text]
    for key, place in choice_keys:
        if place is None:
            _report_lookalike(metadata, key, source, reporter)
            continue
        number, at = place
        slot = found.get(number)
        if slot is None:
            slot = found[number] = ["", "", "", "", "", ""]
        elif slot[at] and not _keeps_second(metadata, slot[at], key, source, reporter):
            continue
        value = metadata[key]
        if not _is_clean(value):
            value = metadata_text(value, key, source, reporter, keep_controls=at == 0)
        slot[at] = key
        slot[at + 1] = value  # type: ignore[call-overload]

    slots = []
    for number in sorted(found):
        url_key, url, icon_key, icon, text_key, text = found[number]
        if url or icon or text:
            slots.append(Slot(number, url, icon, text, url_key, icon_key, text_key))
    return slots


def _choice_keys(keys: tuple[str, ...]) -> list[KeyPlace]:
    """The keys that start like a choice key, in sorted order, each with its ``_place``."""
    # Both patterns start with "choice": other keys are not looked at.
    return [(key, _place(key)) for key in sorted(keys) if key.startswith("choice")]


def _place(key: str) -> tuple[int, int] | None:
    """The slot number of a key and where its field goes in ``read_slots``, or None."""
    found = slot_key(key)
    return None if found is None else (found[0], FIELD_AT[found[1]])


def _is_clean(value: object) -> bool:
    """Whether a value is already one line of single spaces without control characters."""
    # Printable text holds no whitespace but the space, so strip() only removes spaces.
    return (
        type(value) is str and value.isprintable() and "  " not in value and value == value.strip()
    )


def _report_lookalike(
    metadata: Mapping[str, object], key: str, source: str, reporter: Reporter
) -> None:
    if LOOKALIKE_KEY.fullmatch(key) and key not in TARGET_DEFAULT_KEYS:
        reporter.report(
            Problem(
                source,
                key,
                metadata_text(metadata[key], key, source, reporter),
                "is not read: choice keys are choiceNurl, choiceNicon and "
                "choiceNtext, numbered from 1",
            )
        )


def _keeps_second(
    metadata: Mapping[str, object], earlier: str, key: str, source: str, reporter: Reporter
) -> bool:
    """Report two keys of one field (``choice1url``, ``choice01url``); True if ``key`` wins.

    The canonical spelling wins, otherwise the first key in sorted order.
    """
    number, field = slot_key(key)  # type: ignore[misc]
    canonical = f"choice{number}{field}"
    ignored, kept = (earlier, key) if key == canonical else (key, earlier)
    reporter.report(
        Problem(
            source,
            ignored,
            metadata_text(metadata[ignored], ignored, source, reporter),
            "repeats %s and is not read",
            (kept,),
        )
    )
    return key == canonical


def slot_key(key: str) -> tuple[int, str] | None:
    """The slot number and field of a key (``choice2url`` is ``(2, "url")``), or None."""
    match = SLOT_KEY.fullmatch(key)
    number = _slot_number(match.group(1)) if match else None
    return None if number is None else (number, match.group(2))


def _slot_number(digits: str) -> int | None:
    """The number of a slot key; None for 0 and for numbers too long to read."""
    significant = digits.lstrip("0")
    if not significant or len(significant) > MAX_DIGITS:
        return None
    return int(significant)


def metadata_text(
    value: object, key: str, source: str, reporter: Reporter, *, keep_controls: bool = False
) -> str:
    """Turn a metadata value into one clean line of text.

    Markdown gives a list when a key is repeated or continued on several
    lines: the lines of a text are joined, and for a URL or icon the first
    value is kept. Control characters are removed, and reported, unless
    ``keep_controls`` asks to leave them to the caller (a URL that has them
    is refused as a whole).
    """
    if type(value) is str:
        text = " ".join(value.split())
        if keep_controls or text.isprintable():  # the common case: nothing to clean
            return text
    elif value is None:
        return ""
    elif isinstance(value, (list, tuple)):
        parts = [str(part).strip() for part in value if str(part).strip()]
        if key.endswith("text"):
            value = " ".join(parts)
        else:
            if len(set(parts)) > 1:
                reporter.report(
                    Problem(
                        source, key, parts[0], "is given %d times; the first is used", (len(parts),)
                    )
                )
            value = parts[0] if parts else ""
    text = " ".join(str(value).split())
    if keep_controls:
        return text
    cleaned = " ".join(CONTROL_CHARACTERS.sub("", text).split())
    if cleaned != text:
        reporter.report(Problem(source, key, text, "contains control characters; they are removed"))
    return cleaned
