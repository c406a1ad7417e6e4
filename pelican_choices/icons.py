"""Font Awesome Free icons, read from the installed ``fontawesomefree`` package.

Names from Font Awesome 4, 5 and 6 resolve to a version 6 glyph: the glyph
files are looked up directly, then the version 6 aliases, then the version 4
shims. Only the glyphs a site uses are read, once per build.
"""

from __future__ import annotations

import difflib
import json
import re
from dataclasses import dataclass
from functools import cached_property
from importlib.resources import files
from typing import TYPE_CHECKING, NamedTuple

from pelican_choices import markup
from pelican_choices.problems import Rejection

if TYPE_CHECKING:
    from importlib.abc import Traversable

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
JS_PACKAGES = {
    "solid": "free-solid-svg-icons",
    "regular": "free-regular-svg-icons",
    "brands": "free-brands-svg-icons",
}
JS_REQUIRE = re.compile(r"require\('\./(fa\w+)'\)")
JS_ICON_NAME = re.compile(r"var iconName = '([^']+)'")
SIZES = {"2xs": 0.625, "xs": 0.75, "sm": 0.875, "lg": 1.25, "xl": 1.5, "2xl": 2}
SIZES.update({f"{n}x": n for n in range(1, 11)})
VIEW_BOX = re.compile(r'viewBox="0 0 (\d+) (\d+)"')
PATH_DATA = re.compile(r'<path\b[^>]*?\sd="([^"]+)"')
CREDIT = re.compile(r"<!--!?\s*(.*?)\s*-->", re.DOTALL)
# Every Font Awesome name has this shape; anything else is never looked up as a file.
ICON_NAME = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
MAX_NAME_LENGTH = 100


@dataclass(frozen=True)
class Icon:
    """A resolved icon: one Font Awesome glyph and the modifiers asked for with it."""

    name: str
    style: str
    width: int
    height: int
    paths: tuple[str, ...]
    modifiers: tuple[str, ...] = ()

    @cached_property
    def symbol_id(self) -> str:
        """An id for the glyph, the same wherever it is used (``fa-solid-flask``)."""
        return f"fa-{self.style}-{self.name}"

    @property
    def view_box(self) -> str:
        return f"0 0 {self.width} {self.height}"

    @property
    def classes(self) -> str:
        """The modifiers as Font Awesome class names (``fa-inverse fa-lg``)."""
        return " ".join(f"fa-{modifier}" for modifier in self.modifiers)

    @property
    def size(self) -> str:
        """The icon's size for a ``width`` or ``height`` attribute, from its size modifier."""
        scale = next((SIZES[m] for m in self.modifiers if m in SIZES), 1)
        return f"{scale:g}em"

    @cached_property
    def symbol_markup(self) -> str:
        """The ``<symbol>`` of its glyph, written once per build."""
        return markup.symbol(self)

    @cached_property
    def use_markup(self) -> str:
        """The ``svg.choice-icon`` of a button, written once per build."""
        return markup.icon_use(self)


class IconResult(NamedTuple):
    """What resolving an icon string gave: an icon, a problem, or both."""

    icon: Icon | None
    problem: Rejection | None = None


class IconLibrary:
    """Resolves icon strings for one build, reading each glyph at most once."""

    def __init__(self, root: Traversable | None = None) -> None:
        self.root = root or files("fontawesomefree") / "static" / "fontawesomefree"
        self.credit = ""
        self._results: dict[str, IconResult] = {}
        self._glyphs: dict[tuple[str, str], Icon] = {}
        self._names: dict[str, frozenset[str]] = {}
        self._found: dict[tuple[str, str], bool] = {}
        self._folders: dict[str, Traversable] = {}
        self._shims: dict[str, tuple[str, str]] | None = None
        self._aliases: dict[str, str] | None = None

    def resolve(self, spec: str) -> IconResult:
        """Resolve an icon string such as ``fa-terminal fa-inverse`` or ``fab fa-github``."""
        result = self._results.get(spec)
        if result is None:
            result = self._results[spec] = self._resolve(spec)
        return result

    def _resolve(self, spec: str) -> IconResult:
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
        glyph = self._find(name, style) if _is_icon_name(name) else None
        if glyph is None:
            return IconResult(
                None, Rejection("is not a Font Awesome Free icon%s", (self._suggest(name),))
            )
        icon = Icon(
            glyph.name, glyph.style, glyph.width, glyph.height, glyph.paths, tuple(modifiers)
        )
        if extras:
            return IconResult(
                icon, Rejection("has more than one icon name; %s is ignored", (" ".join(extras),))
            )
        return IconResult(icon)

    def _find(self, name: str, style: str | None) -> Icon | None:
        """Find the glyph a name means.

        A name given with a version 5 or 6 style class (``fas fa-tasks``) is read
        as a version 6 alias first; a bare or ``fa``-prefixed one as a version 4
        name first, as the two sometimes name different glyphs.
        """
        glyph = self._glyph(name, style)
        lookups = (self._from_alias, self._from_shim)
        for lookup in lookups if style else reversed(lookups):
            if glyph is None:
                glyph = lookup(name, style)
        return glyph

    def _from_shim(self, name: str, style: str | None) -> Icon | None:
        if name not in self.shims:
            return None
        shim_style, new_name = self.shims[name]
        return self._glyph(new_name, style or shim_style)

    def _from_alias(self, name: str, style: str | None) -> Icon | None:
        """Follow a version 6 alias.

        Each alias has a small module in the package's JavaScript folders that
        names its glyph; the large ``icons.json`` is read only when that fails.
        """
        module = "fa" + "".join(part.capitalize() for part in name.split("-"))
        for candidate in _style_order(style):
            folder = self.root / "js-packages" / "@fortawesome" / JS_PACKAGES[candidate]
            source = folder / f"{module}.js"
            if not source.is_file():
                continue
            text = source.read_text(encoding="utf-8")
            parent = JS_REQUIRE.search(text)
            if parent:
                text = (folder / f"{parent.group(1)}.js").read_text(encoding="utf-8")
            found = JS_ICON_NAME.search(text)
            if found and found.group(1) != name:
                return self._glyph(found.group(1), candidate)
        if name in self.aliases:
            return self._glyph(self.aliases[name], style)
        return None

    def _glyph(self, name: str, style: str | None) -> Icon | None:
        for candidate in _style_order(style):
            if self._exists(candidate, name):
                if (candidate, name) not in self._glyphs:
                    self._glyphs[candidate, name] = self._read(candidate, name)
                return self._glyphs[candidate, name]
        return None

    def _exists(self, style: str, name: str) -> bool:
        """Whether the style has a glyph of that name.

        A site uses a few dozen glyphs of some two thousand: each is looked
        for by its file, and a folder is listed only for suggestions.
        """
        if style in self._names:
            return name in self._names[style]
        if (style, name) not in self._found:
            path = self._svgs(style) / f"{name}.svg"
            self._found[style, name] = path.is_file()
        return self._found[style, name]

    def _svgs(self, style: str) -> Traversable:
        """The folder of a style's SVG files (joining package paths is slow)."""
        if style not in self._folders:
            self._folders[style] = self.root / "svgs" / style
        return self._folders[style]

    def _available(self, style: str) -> frozenset[str]:
        if style not in self._names:
            folder = self._svgs(style)
            self._names[style] = frozenset(
                entry.name[:-4] for entry in folder.iterdir() if entry.name.endswith(".svg")
            )
        return self._names[style]

    def _read(self, style: str, name: str) -> Icon:
        svg = (self._svgs(style) / f"{name}.svg").read_text(encoding="utf-8")
        width, height = VIEW_BOX.search(svg).groups()
        if not self.credit:
            credit = CREDIT.search(svg)
            self.credit = credit.group(1) if credit else ""
        return Icon(name, style, int(width), int(height), tuple(PATH_DATA.findall(svg)))

    @property
    def shims(self) -> dict[str, tuple[str, str]]:
        """Font Awesome 4 names: old name to (style, version 6 name)."""
        if self._shims is None:
            raw = json.loads(self._metadata("shims.json"))
            self._shims = {
                old: (SHIM_STYLES.get(prefix, "solid"), new or old)
                for old, prefix, new in raw
                if isinstance(old, str)
            }
        return self._shims

    @property
    def aliases(self) -> dict[str, str]:
        """Version 6 aliases (most Font Awesome 5 names) to their icon's name.

        The file holding them is large: it is read only for names that no
        smaller file explains, and for suggestions.
        """
        if self._aliases is None:
            icons = json.loads(self._metadata("icons.json"))
            self._aliases = {
                alias: name
                for name, data in icons.items()
                for alias in (data.get("aliases") or {}).get("names", ())
                if isinstance(alias, str)
            }
        return self._aliases

    def _metadata(self, name: str) -> str:
        return (self.root / "metadata" / name).read_text(encoding="utf-8")

    def _suggest(self, name: str) -> str:
        known = set(self.aliases) | set(self.shims)
        for style in STYLES:
            known |= self._available(style)
        close = difflib.get_close_matches(name, sorted(known), n=3, cutoff=0.75)
        if not close:
            return ""
        names = " or ".join(f"fa-{match}" for match in close)
        return f" (did you mean {names}?)"


def _is_icon_name(name: str) -> bool:
    """True when ``name`` could be a Font Awesome name, so it is safe to look up."""
    return len(name) <= MAX_NAME_LENGTH and ICON_NAME.fullmatch(name) is not None


def _style_order(style: str | None) -> list[str]:
    """All free styles, the preferred one first."""
    return ([style] if style else []) + [other for other in STYLES if other != style]
