"""Font Awesome Free icons, read from the installed ``fontawesomefree`` package.

Names from Font Awesome 4, 5 and 6 resolve to a version 6 glyph. A bare or
``fa``-prefixed name (``fa-dashboard``) is read as Font Awesome 4 first,
through the package's v4 shims; a name given with a version 5 or 6 style
class (``fas fa-tasks``, ``fa-solid fa-tasks``) as a version 6 name or
alias first.
"""

from __future__ import annotations

import difflib
import json
import logging
import re
from dataclasses import dataclass, field
from functools import cached_property
from importlib.metadata import PackageNotFoundError, version
from importlib.resources import files
from typing import TYPE_CHECKING, Any, NamedTuple

from pelican_choices.problems import Rejection

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
JS_PACKAGES = {
    "solid": "free-solid-svg-icons",
    "regular": "free-regular-svg-icons",
    "brands": "free-brands-svg-icons",
}
JS_REQUIRE = re.compile(r"require\('\./(fa\w+)'\)")
JS_ICON_NAME = re.compile(r"var iconName = '([^']+)'")
VIEW_BOX = re.compile(r'viewBox="0 0 (\d+) (\d+)"')
PATH_DATA = re.compile(r'<path\b[^>]*?\sd="([^"]+)"')
CREDIT = re.compile(r"<!--!?\s*(.*?)\s*-->", re.DOTALL)
# Glyphs that already say what the partial marks after an outside choice's text:
# an address that leaves the site, or one that writes an e-mail (``mailto:``).
# Every Font Awesome 4, 5 and 6 name of these resolves to one of them.
GLYPHS_THAT_SAY = {
    "outside": frozenset(
        {"arrow-up-right-from-square", "up-right-from-square", "square-arrow-up-right",
         "square-up-right"}
    ),
    "mail": frozenset(
        {"envelope", "envelope-open", "envelope-open-text", "envelope-circle-check",
         "envelopes-bulk", "square-envelope"}
    ),
}  # fmt: skip
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
    def says(self) -> str:
        """``outside`` for an outside-link glyph, ``mail`` for an envelope, else ``""``."""
        return next((kind for kind, names in GLYPHS_THAT_SAY.items() if self.name in names), "")

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


class Glyph(NamedTuple):
    """One glyph of the package: its SVG view box size and path data."""

    width: int
    height: int
    paths: tuple[str, ...]


class IconLibrary:
    """Resolves icon strings for one build from the icon package's files.

    A site uses a few dozen of the package's two thousand glyphs: each is
    read from its own SVG file, and each alias from its own small module,
    once per build; the small table of Font Awesome 4 names is read at first
    use, and the package's large ``icons.json`` only for suggestions.
    """

    def __init__(self, root: Traversable | None = None) -> None:
        self.root = root or files(ICON_PACKAGE) / "static" / ICON_PACKAGE
        self.credit = ""
        self._glyphs: dict[tuple[str, str], Glyph | None] = {}
        self._aliases: dict[str, str | None] = {}

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
        if self.shims is None:
            return IconResult(None)  # the one error about the package says it all
        found = self._find(name, style) if _is_icon_name(name) else None
        if found is None:
            suggestion = self._suggest(name) if _is_icon_name(name) else ""
            return IconResult(None, Rejection("is not a Font Awesome Free icon%s", (suggestion,)))
        (glyph_name, glyph_style), glyph = found
        icon = Icon(glyph_name, glyph_style, *glyph, tuple(modifiers))
        if extras:
            return IconResult(
                icon, Rejection("has more than one icon name; %s is ignored", (" ".join(extras),))
            )
        return IconResult(icon)

    def _find(self, name: str, style: str | None) -> tuple[tuple[str, str], Glyph] | None:
        """The glyph a name means, in the style asked for where it has one.

        A bare or ``fa``-prefixed name goes through the v4 shims first; a
        styled one is a version 6 name, then an alias, then a v4 name.
        """
        shim = self.shims.get(name)
        if style is None and shim is not None:
            shim_style, new_name = shim
            return self._glyph(new_name, shim_style)
        found = self._glyph(name, style) or self._from_alias(name, style)
        if found is None and shim is not None:
            found = self._glyph(shim[1], style or shim[0])
        return found

    def _glyph(self, name: str, style: str | None) -> tuple[tuple[str, str], Glyph] | None:
        """The glyph of that name, in ``style`` if it has it, else in another free style."""
        for candidate in _style_order(style):
            if (candidate, name) not in self._glyphs:
                self._glyphs[candidate, name] = self._read(candidate, name)
            glyph = self._glyphs[candidate, name]
            if glyph is not None:
                return (name, candidate), glyph
        return None

    def _from_alias(self, name: str, style: str | None) -> tuple[tuple[str, str], Glyph] | None:
        """The glyph a version 6 alias names (``tachometer-alt`` is ``gauge-high``)."""
        if name not in self._aliases:
            self._aliases[name] = self._alias_target(name, style)
        target = self._aliases[name]
        return self._glyph(target, style) if target else None

    def _alias_target(self, name: str, style: str | None) -> str | None:
        """The glyph name an alias stands for, from its small module of the JavaScript packages.

        Each alias has a module that requires its glyph's module, which holds
        the glyph's name; ``icons.json`` is read only where those are missing.
        """
        module = "fa" + "".join(part.capitalize() for part in name.split("-"))
        for candidate in _style_order(style):
            folder = self.root / "js-packages" / "@fortawesome" / JS_PACKAGES[candidate]
            try:
                text = (folder / f"{module}.js").read_text("utf-8")
                parent = JS_REQUIRE.search(text)
                if parent:
                    text = (folder / f"{parent.group(1)}.js").read_text("utf-8")
            except (FileNotFoundError, NotADirectoryError):
                continue
            found = JS_ICON_NAME.search(text)
            if found and found.group(1) != name:
                return found.group(1)
        return (self.aliases or {}).get(name)

    def _read(self, style: str, name: str) -> Glyph | None:
        """The glyph of one SVG file of the package, or None when there is no such file."""
        try:
            svg = (self.root / "svgs" / style / f"{name}.svg").read_text("utf-8")
        except (FileNotFoundError, NotADirectoryError):
            return None
        width, height = VIEW_BOX.search(svg).groups()
        if not self.credit:
            credit = CREDIT.search(svg)
            self.credit = credit.group(1) if credit else ""
        return Glyph(int(width), int(height), tuple(PATH_DATA.findall(svg)))

    @cached_property
    def shims(self) -> dict[str, tuple[str, str]] | None:
        """Font Awesome 4 names: old name to (style, version 6 name); None when unreadable."""
        raw = self._metadata("shims.json")
        if raw is None:
            return None
        return {
            old: (SHIM_STYLES.get(prefix, "solid"), new or old)
            for old, prefix, new in raw
            if isinstance(old, str)
        }

    @cached_property
    def aliases(self) -> dict[str, str] | None:
        """Version 6 aliases (most Font Awesome 5 names) to their glyph's name."""
        icons = self._metadata("icons.json")
        if icons is None:
            return None
        return {
            alias: name
            for name, entry in icons.items()
            for alias in (entry.get("aliases") or {}).get("names", ())
        }

    def _metadata(self, name: str) -> Any:
        """A file of the package's ``metadata`` folder, decoded; None, logged, if unreadable."""
        try:
            return json.loads((self.root / "metadata" / name).read_text("utf-8"))
        except (OSError, ValueError) as error:
            logger.error(
                "%s %s: its icon metadata cannot be read (%s); choices show no icons. "
                "pelican-choices needs %s 6.2 or newer, below 7",
                ICON_PACKAGE,
                _installed_version(),
                error,
                ICON_PACKAGE,
            )
            return None

    def _suggest(self, name: str) -> str:
        """`` (did you mean fa-terminal?)`` for the closest known names, or ``""``."""
        known = {*(self.aliases or ()), *self.shims}
        for style in STYLES:
            svgs = (self.root / "svgs" / style).iterdir()
            known.update(entry.name[:-4] for entry in svgs if entry.name.endswith(".svg"))
        close = difflib.get_close_matches(name, sorted(known), n=3, cutoff=0.75)
        if not close:
            return ""
        names = " or ".join(f"fa-{match}" for match in close)
        return f" (did you mean {names}?)"


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
