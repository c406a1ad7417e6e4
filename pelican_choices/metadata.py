"""Reading the ``choiceNurl`` / ``choiceNicon`` / ``choiceNtext`` slots and cleaning their text."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from typing import NamedTuple

from pelican_choices.problems import (
    HIDDEN_CHARACTERS,
    REPEATED_KEY,
    TYPED_VALUE,
    UNREAD_KEY,
    Problem,
    Reporter,
)

SLOT_KEY = re.compile(r"choice(\d+)(url|icon|text)", re.ASCII)
LOOKALIKE_KEY = re.compile(r"choice.*(url|icon|text)", re.DOTALL)
TARGET_DEFAULT_KEYS = ("choiceicon", "choicetext")
CONTROL_CHARACTERS = re.compile("[\x00-\x1f\x7f-\x9f]")
# Unicode's bidi controls, which reorder what follows them, and characters that
# draw nothing. The joiners U+200C and U+200D are not here: words and emoji need them.
INVISIBLE_CHARACTERS = re.compile(
    "[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
    "\u034f\u115f\u1160\u17b4\u17b5\u180e\u200b\u2060-\u2064\u206a-\u206f"
    "\u2800\u3164\ufeff\uffa0\ufff9-\ufffb\U0001d173-\U0001d17a\U000e0001]"
)
# Longer numbers are not read: Python refuses to convert very long ones, slowly.
MAX_DIGITS = 100
# A key written several times: which of its values the reader keeps (see sources.Repeat).
GIVEN_TIMES = {
    "first": "is given %d times; the first is used",
    "last": "is given %d times; the last is used",
    "between": "is given %d times; the one on this line is used",
    "joined": "is given %d times; they are joined",
}


class Slot(NamedTuple):
    """The cleaned values of one numbered choice, with the keys they came from."""

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


def read_slots(metadata: Mapping[str, object], source: str, reporter: Reporter) -> list[Slot]:
    """Return the non-blank choice slots of ``metadata`` in number order.

    Keys that look like choice keys but are not, and two keys for one field
    (``choice1url`` and ``choice01url``), are reported.
    """
    found: dict[int, dict[str, tuple[str, str]]] = {}  # number: {field: (key, value)}
    for key in sorted(metadata):
        if not key.startswith("choice"):
            continue
        parsed = slot_key(key)
        if parsed is None:
            _report_lookalike(metadata, key, source, reporter)
            continue
        number, field = parsed
        fields = found.setdefault(number, {})
        if field in fields:
            # The canonical spelling wins, otherwise the first key in sorted order.
            wins = key == f"choice{number}{field}"
            earlier = fields[field][0]
            ignored, kept = (earlier, key) if wins else (key, earlier)
            _report_repeat(metadata, ignored, kept, source, reporter)
            if not wins:
                continue
        value = metadata_text(metadata[key], key, source, reporter, keep_controls=field == "url")
        fields[field] = (key, value)

    slots = []
    for number in sorted(found):
        fields = found[number]
        if any(value for _, value in fields.values()):
            values = {field: value for field, (_, value) in fields.items()}
            keys = {f"{field}_key": key for field, (key, _) in fields.items()}
            slots.append(Slot(number, **values, **keys))
    return slots


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


def _report_lookalike(
    metadata: Mapping[str, object], key: str, source: str, reporter: Reporter
) -> None:
    if LOOKALIKE_KEY.fullmatch(key) and key not in TARGET_DEFAULT_KEYS:
        reporter.report(
            Problem(
                UNREAD_KEY,
                source,
                key,
                metadata_text(metadata[key], key, source, reporter),
                "is not read: choice keys are choiceNurl, choiceNicon and "
                "choiceNtext, numbered from 1",
            )
        )


def _report_repeat(
    metadata: Mapping[str, object], ignored: str, kept: str, source: str, reporter: Reporter
) -> None:
    """Report the second key of one field (``choice1url``, ``choice01url``)."""
    reporter.report(
        Problem(
            REPEATED_KEY,
            source,
            ignored,
            metadata_text(metadata[ignored], ignored, source, reporter),
            "repeats %s and is not read",
            (kept,),
        )
    )


def metadata_text(
    value: object, key: str, source: str, reporter: Reporter, *, keep_controls: bool = False
) -> str:
    """Turn a metadata value into one clean line of text.

    Markdown gives a list when a key is repeated or continued on several
    lines: the lines of a text are joined, and for a URL or icon the first
    value is kept; a key written again is reported. reStructuredText and YAML
    keep one value of a repeated key, which is reported from its line. A list
    or a number from a reader that types its values (YAML front matter) is
    reported, as the author wrote neither on purpose in a one-line field.
    Control characters, bidi controls and invisible characters are removed,
    and reported, unless ``keep_controls`` asks to leave them to the caller
    (a URL that has them is refused as a whole).
    """
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        value = _one_of(value, key, source, reporter)
    else:
        _report_kept_repeat(value, key, source, reporter)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        reporter.report(
            Problem(
                TYPED_VALUE,
                source,
                key,
                str(value),
                "is read as a number, not as written (YAML reads 2.10 as 2.1 and 021 as 17): "
                "put the value in quotes",
            )
        )
    text = " ".join(str(value).split())
    if keep_controls:
        return text
    cleaned = text
    if not text.isprintable():
        cleaned = CONTROL_CHARACTERS.sub("", text)
        if cleaned != text:
            reporter.report(
                Problem(
                    HIDDEN_CHARACTERS,
                    source,
                    key,
                    text,
                    "contains control characters; they are removed",
                )
            )
    invisible = invisible_characters(cleaned)
    if invisible:
        cleaned = INVISIBLE_CHARACTERS.sub("", cleaned)
        reporter.report(
            Problem(
                HIDDEN_CHARACTERS,
                source,
                key,
                text,
                "contains invisible or direction-changing characters (%s); they are removed",
                (invisible,),
            )
        )
    return text if cleaned == text else " ".join(cleaned.split())


def invisible_characters(text: str) -> str:
    """The invisible and bidi characters in ``text``, each named once; ``""`` when none.

    A right-to-left override is named ``U+202E RIGHT-TO-LEFT OVERRIDE``.
    """
    if text.isascii():  # all of them are outside ASCII, as most values are
        return ""
    found = dict.fromkeys(INVISIBLE_CHARACTERS.findall(text))
    return ", ".join(f"U+{ord(char):04X} {unicodedata.name(char, '')}".rstrip() for char in found)


def visible_text(text: str) -> str:
    """``text`` without invisible and bidi characters, its spaces made single."""
    if not text.isascii():  # all of them are outside ASCII, as most texts are
        text = INVISIBLE_CHARACTERS.sub("", text)
    return " ".join(text.split())


def _one_of(values: list | tuple, key: str, source: str, reporter: Reporter) -> str:
    """The one value of a list: a text's parts joined, else the first part."""
    parts = [str(part).strip() for part in values if str(part).strip()]
    joined = key.endswith("text")
    if reporter.typed(source):
        reporter.report(
            Problem(
                TYPED_VALUE,
                source,
                key,
                "[" + ", ".join(parts) + "]",
                "is a list, which is not allowed: give one value; %s",
                ("its items are joined" if joined else "the first is used",),
            )
        )
    elif not joined and len(set(parts)) > 1:
        reporter.report(
            Problem(
                REPEATED_KEY,
                source,
                key,
                parts[0],
                GIVEN_TIMES["first"],
                (len(parts),),
            )
        )
    elif joined and len(parts) > 1 and (times := reporter.times_written(source, key)) > 1:
        # A text may go on over several lines; written again, the key is a mistake.
        reporter.report(
            Problem(REPEATED_KEY, source, key, " ".join(parts), GIVEN_TIMES["joined"], (times,))
        )
    if joined:
        return " ".join(parts)
    return parts[0] if parts else ""


def _report_kept_repeat(value: object, key: str, source: str, reporter: Reporter) -> None:
    """Report a key written twice that the reader gave one value of, on that value's line."""
    repeat = reporter.repeat(source, key)
    if repeat is not None:
        text = " ".join(str(value).split())
        reporter.report(
            Problem(REPEATED_KEY, source, key, text, GIVEN_TIMES[repeat.kept], (repeat.count,))
        )
