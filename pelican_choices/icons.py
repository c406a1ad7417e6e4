"""Font Awesome Free icons, read from the installed ``fontawesomefree`` package.

Names from Font Awesome 4, 5 and 6 resolve to a version 6 glyph. A bare or
``fa``-prefixed name (``fa-dashboard``) is read as Font Awesome 4 first,
through the package's v4 shims; a name given with a version 5 or 6 style
class (``fas fa-tasks``, ``fa-solid fa-tasks``) as a version 6 name or
alias first. The package's icon data is read once per build, when the first
icon is resolved.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass, field
from functools import cached_property
from importlib.metadata import PackageNotFoundError, version
from importlib.resources import files
from typing import TYPE_CHECKING, Any, NamedTuple

from pelican_choices.problems import Rejection, did_you_mean

if TYPE_CHECKING:
    from importlib.abc import Traversable

logger = logging.getLogger(__name__)

ICON_PACKAGE = "fontawesomefree"
STYLES = ("solid", "regular", "brands")
STYLE_CLASSES = {
    "fa": None,
    "fas": "solid",
    "fa-solid": "solid",
    "far": "regular",
    "fa-regular": "regular",
    "fab": "brands",
    "fa-brands": "brands",
}
# Styles of Font Awesome Pro: the free glyph of the same name stands in.
PRO_STYLE_CLASSES = {
    "fal", "fa-light", "fat", "fa-thin", "fad", "fa-duotone", "fass", "fa-sharp",
    "fasr", "fasl", "fast", "fa-sharp-solid", "fa-sharp-regular", "fa-sharp-light",
    "fa-sharp-thin", "fak", "fa-kit",
}  # fmt: skip
SHIM_STYLES = {None: "solid", "fas": "solid", "far": "regular", "fab": "brands"}
MODIFIER = re.compile(
    r"(?:fa-)?(?:inverse|fw|[2]?xs|sm|lg|[2]?xl|(?:10|[1-9])x|border|li|ul|stack-[12]x"
    r"|pull-(?:left|right|start|end)|spin|spin-pulse|spin-reverse|pulse|beat|fade"
    r"|beat-fade|bounce|flip|shake|swap-opacity|rotate-(?:90|180|270|by)"
    r"|flip-(?:horizontal|vertical|both))"
)
SIZES = {"2xs": 0.625, "xs": 0.75, "sm": 0.875, "lg": 1.25, "xl": 1.5, "2xl": 2}
SIZES.update({f"{n}x": n for n in range(1, 11)})
# An icon beside a button's text stays between these sizes, in ems of the text.
MIN_SCALE, MAX_SCALE = 0.75, 2
BADGE_GROWTH = 1.5
# The partial draws each glyph in a box of 16 by 16 units; these turn it within the box.
TURNS = {
    "rotate-90": "rotate(90 8 8)",
    "rotate-180": "rotate(180 8 8)",
    "rotate-270": "rotate(270 8 8)",
    "flip-horizontal": "matrix(-1 0 0 1 16 0)",
    "flip-vertical": "matrix(1 0 0 -1 0 16)",
    "flip-both": "matrix(-1 0 0 -1 16 16)",
}
CREDIT = re.compile(r"<!--!?\s*(.*?)\s*-->", re.DOTALL)
# Every Font Awesome name has this shape; anything else is never looked up.
ICON_NAME = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
MAX_NAME_LENGTH = 100


@dataclass(frozen=True)
class Icon:
    """A resolved icon: one Font Awesome glyph and the modifiers asked for with it.

    ``paths`` and ``view_box`` are the glyph's SVG geometry; ``inverse``,
    ``scale``, ``size`` and ``transform`` say how its modifiers draw it.
    """

    name: str
    style: str
    width: int
    height: int
    paths: tuple[str, ...]
    modifiers: tuple[str, ...] = ()
    symbol_id: str = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "symbol_id", f"fa-{self.style}-{self.name}")

    @property
    def view_box(self) -> str:
        return f"0 0 {self.width} {self.height}"

    @property
    def inverse(self) -> bool:
        """``fa-inverse``: the glyph drawn light, cut out of a filled badge."""
        return "inverse" in self.modifiers

    @property
    def scale(self) -> float:
        """The size its size modifier asks for, in ems of the text, kept within limits."""
        scale = next((SIZES[m] for m in self.modifiers if m in SIZES), 1)
        return min(max(scale, MIN_SCALE), MAX_SCALE)

    @property
    def size(self) -> str:
        """The width and height of its drawing: ``scale`` in ems, half again for a badge.

        A badge holds the glyph at two thirds of its size, so the glyph
        itself keeps about the size its modifiers ask for.
        """
        return f"{self.scale * (BADGE_GROWTH if self.inverse else 1):g}em"

    @property
    def transform(self) -> str:
        """An SVG ``transform`` for its rotation and flip modifiers, in a 16-unit box; or ``""``."""
        return " ".join(TURNS[m] for m in self.modifiers if m in TURNS)


class IconResult(NamedTuple):
    """What resolving an icon string gave: an icon, a problem, or both."""

    icon: Icon | None
    problem: Rejection | None = None


class IconLibrary:
    """Resolves icon strings for one build from the icon package's metadata."""

    def __init__(self, root: Traversable | None = None) -> None:
        self.root = root or files(ICON_PACKAGE) / "static" / ICON_PACKAGE
        self.credit = ""

    def resolve(self, spec: str) -> IconResult:
        """Resolve an icon string such as ``fa-terminal fa-inverse`` or ``fab fa-github``."""
        style, name, modifiers, extras = None, None, [], []
        for token in spec.split():
            lowered = token.lower()
            if lowered in STYLE_CLASSES:
                style = STYLE_CLASSES[lowered] or style
            elif lowered in PRO_STYLE_CLASSES:
                continue
            elif MODIFIER.fullmatch(lowered):
                modifiers.append(lowered.removeprefix("fa-"))
            elif name is None:
                name = lowered.removeprefix("fa-")
            else:
                extras.append(token)
        if name is None:
            return IconResult(None, Rejection("names no icon"))
        data = self.data
        if data is None:
            return IconResult(None)  # the one error about the package says it all
        found = data.find(name, style) if _is_icon_name(name) else None
        if found is None:
            suggestion = data.suggest(name) if _is_icon_name(name) else ""
            return IconResult(None, Rejection("is not a Font Awesome Free icon%s", (suggestion,)))
        glyph_name, glyph_style = found
        width, height, paths = data.glyphs[glyph_name][glyph_style]
        icon = Icon(glyph_name, glyph_style, width, height, paths, tuple(modifiers))
        if not self.credit:
            self.credit = self._credit(icon)
        if extras:
            return IconResult(
                icon, Rejection("has more than one icon name; %s is ignored", (" ".join(extras),))
            )
        return IconResult(icon)

    @cached_property
    def data(self) -> IconData | None:
        """The package's icon metadata, read at first use; None when it cannot be read."""
        try:
            return IconData.read(self.root / "metadata")
        except (OSError, ValueError, KeyError, TypeError) as error:
            logger.error(
                "%s %s: its icon metadata cannot be read (%s); choices show no icons. "
                "pelican-choices needs %s 6.2 or newer, below 7",
                ICON_PACKAGE,
                _installed_version(),
                error,
                ICON_PACKAGE,
            )
            return None

    def _credit(self, icon: Icon) -> str:
        """The licence line the package writes into each SVG file, to keep with the icons."""
        try:
            svg = (self.root / "svgs" / icon.style / f"{icon.name}.svg").read_text("utf-8")
        except OSError:
            return ""
        found = CREDIT.search(svg)
        return found.group(1) if found else ""


class IconData(NamedTuple):
    """The icon package's metadata: every glyph, the version 6 aliases and the v4 shims."""

    glyphs: dict[str, dict[str, tuple[int, int, tuple[str, ...]]]]  # name: style: geometry
    aliases: dict[str, str]  # version 6 alias (most Font Awesome 5 names): its glyph's name
    shims: dict[str, tuple[str, str]]  # Font Awesome 4 name: (style, version 6 name)

    @classmethod
    def read(cls, folder: Traversable) -> IconData:
        icons = json.loads((folder / "icons.json").read_text("utf-8"))
        shims = json.loads((folder / "shims.json").read_text("utf-8"))
        glyphs = {name: _geometry(entry["svg"]) for name, entry in icons.items()}
        aliases = {
            alias: name
            for name, entry in icons.items()
            for alias in (entry.get("aliases") or {}).get("names", ())
        }
        return cls(
            glyphs,
            aliases,
            {
                old: (SHIM_STYLES.get(prefix, "solid"), new or old)
                for old, prefix, new in shims
                if isinstance(old, str)
            },
        )

    def find(self, name: str, style: str | None) -> tuple[str, str] | None:
        """The glyph (name, style) a name means, in the style asked for where it has one."""
        shim = self.shims.get(name)
        if style is None and shim is not None:
            shim_style, name = shim
            return self._glyph(name, shim_style)
        found = self._glyph(self.aliases.get(name, name), style)
        if found is None and shim is not None:
            found = self._glyph(shim[1], style or shim[0])
        return found

    def _glyph(self, name: str, style: str | None) -> tuple[str, str] | None:
        styles = self.glyphs.get(name, {})
        for candidate in _style_order(style):
            if candidate in styles:
                return name, candidate
        return None

    def suggest(self, name: str) -> str:
        """`` (did you mean fa-terminal?)`` for the closest known names, or ``""``."""
        known = sorted({*self.glyphs, *self.aliases, *self.shims})
        return did_you_mean(name, ((known_name, f"fa-{known_name}") for known_name in known))


def _geometry(svgs: dict[str, Any]) -> dict[str, tuple[int, int, tuple[str, ...]]]:
    """Each free style's width, height and path data, from an icon's ``svg`` entry."""
    geometry = {}
    for style, svg in svgs.items():
        _, _, width, height = svg["viewBox"]
        paths = svg["path"]
        geometry[style] = (
            int(width),
            int(height),
            tuple([paths] if isinstance(paths, str) else paths),
        )
    return geometry


def _installed_version() -> str:
    try:
        return version(ICON_PACKAGE)
    except PackageNotFoundError:
        return "(not installed)"


def _is_icon_name(name: str) -> bool:
    """True when ``name`` could be a Font Awesome name, so it is safe to look up."""
    return len(name) <= MAX_NAME_LENGTH and ICON_NAME.fullmatch(name) is not None


def _style_order(style: str | None) -> list[str]:
    """All free styles, the preferred one first."""
    return ([style] if style else []) + [other for other in STYLES if other != style]
