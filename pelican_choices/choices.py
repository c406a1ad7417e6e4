"""Turning the choice slots of a content into validated ``Choice`` objects."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, NamedTuple

from markupsafe import Markup
from pelican.contents import Content

from pelican_choices.addresses import Address, parse_address
from pelican_choices.icons import Icon, IconLibrary
from pelican_choices.markup import choices_nav
from pelican_choices.problems import Problem, Rejection, Reporter
from pelican_choices.settings import ChoicesSettings
from pelican_choices.slots import KeyPlace, Slot, metadata_text, read_slots
from pelican_choices.targets import SiteIndex, target_title


class Choice(NamedTuple):
    """One "where next?" button of an article or page.

    ``target`` is the article, page, static file, category, tag, author or
    template page the choice leads to (None for an outside address), and
    ``link`` its address relative to the site root (or the outside address).
    ``url`` is the href to print: ``link`` below the current page's SITEURL,
    so it follows ``RELATIVE_URLS`` like Pelican's own links: ``site`` is
    the build's context, which holds the SITEURL of the page being written.
    """

    number: int
    text: str
    icon: Icon | None
    target: Any
    external: bool
    link: str
    site: Mapping[str, Any]

    @property
    def url(self) -> str:
        if self.external:
            return self.link
        siteurl = self.site.get("localsiteurl") or self.site.get("SITEURL") or ""
        return f"{siteurl.rstrip('/')}/{self.link}"

    def __repr__(self) -> str:  # without the build's whole context
        return f"Choice(number={self.number!r}, text={self.text!r}, link={self.link!r})"

    def __hash__(self) -> int:  # the build's context, a dict, cannot be hashed
        return hash(self[:-1])


class Choices(tuple[Choice, ...]):
    """The choices of an article or page: a tuple of ``Choice`` in number order."""

    __slots__ = ()

    def markup(self, label: object, credit: object = "") -> Markup:
        """The ``nav.choices`` the partial prints, labelled ``label``, with the icon ``credit``."""
        return choices_nav(self, self.icons, label, credit)

    @property
    def icons(self) -> list[Icon]:
        """Their distinct icons, in order of first use: one ``<symbol>`` each."""
        icons: dict[str, Icon] = {}
        for choice in self:
            if choice.icon and choice.icon.symbol_id not in icons:
                icons[choice.icon.symbol_id] = choice.icon
        return list(icons.values())


class TargetDefaults(NamedTuple):
    """The ``choicetext`` and ``choiceicon`` a content offers to choices leading to it."""

    text: str = ""
    icon: Icon | None = None


NO_DEFAULTS = TargetDefaults()


class ChoiceBuilder:
    """Builds the choices of every content of one build."""

    def __init__(
        self,
        site: SiteIndex,
        icons: IconLibrary,
        settings: ChoicesSettings,
        reporter: Reporter,
    ) -> None:
        self.site = site
        self.icons = icons
        self.reporter = reporter
        self.intrasite_link = re.compile(site.settings["INTRASITE_LINK_REGEX"])
        self.layouts: dict[tuple[str, ...], list[KeyPlace]] = {}
        self.addresses: dict[str, Address | Rejection] = {}  # the same URLs recur on many pages
        self.defaults = {content: self._target_defaults(content) for content in site.contents}
        self.default_icon = self._default_icon(settings.default_icon)

    def build(self, content: Content) -> Choices:
        """The valid choices of ``content``, in number order; problems are reported."""
        source = self.site.facts.source(content)
        choices = []
        for slot in read_slots(content.metadata, source, self.reporter, self.layouts):
            choice = self._choice(content, source, slot)
            if choice is not None:
                choices.append(choice)
        return Choices(choices)

    def _choice(self, content: Content, source: str, slot: Slot) -> Choice | None:
        if not slot.url:
            field_name = "text" if slot.text else "icon"
            self._broken(source, slot, field_name, "has no %s", (slot.key("url"),))
            return None
        address = self.addresses.get(slot.url)
        if address is None:
            address = self.addresses[slot.url] = parse_address(slot.url, self.intrasite_link)
        if isinstance(address, Rejection):
            self._broken(source, slot, "url", address.template, address.args)
            return None
        if address.kind == "outside":
            target, link = None, address.link
        else:
            resolved = self.site.resolve(content, address)
            if isinstance(resolved, Rejection):
                self._broken(source, slot, "url", resolved.template, resolved.args)
                return None
            target, link = resolved.target, resolved.link
        defaults = self.defaults.get(target, NO_DEFAULTS)
        text = slot.text or defaults.text or target_title(target)
        if not text:
            self._broken(source, slot, "url", "has no text: add %s", (slot.key("text"),))
            return None
        icon = self._icon(source, slot) or defaults.icon or self.default_icon
        return Choice(slot.number, text, icon, target, target is None, link, self.site.context)

    def _icon(self, source: str, slot: Slot) -> Icon | None:
        if not slot.icon:
            return None
        result = self.icons.resolve(slot.icon)
        if result.problem is not None:
            self.reporter.report(
                Problem(source, slot.key("icon"), slot.icon, *_parts(result.problem))
            )
        return result.icon

    def _target_defaults(self, content: Content) -> TargetDefaults:
        metadata = content.metadata
        if "choicetext" not in metadata and "choiceicon" not in metadata:
            return NO_DEFAULTS
        source = self.site.facts.source(content)
        text = metadata_text(metadata.get("choicetext"), "choicetext", source, self.reporter)
        spec = metadata_text(metadata.get("choiceicon"), "choiceicon", source, self.reporter)
        icon = None
        if spec:
            result = self.icons.resolve(spec)
            if result.problem is not None:
                self.reporter.report(Problem(source, "choiceicon", spec, *_parts(result.problem)))
            icon = result.icon
        return TargetDefaults(text, icon)

    def _default_icon(self, spec: str | None) -> Icon | None:
        if not spec:
            return None
        result = self.icons.resolve(spec)
        if result.problem is not None:
            self.reporter.report(
                Problem("pelicanconf", "CHOICES_DEFAULT_ICON", spec, *_parts(result.problem))
            )
        return result.icon

    def _broken(
        self, source: str, slot: Slot, field_name: str, template: str, args: tuple[object, ...]
    ) -> None:
        value = getattr(slot, field_name)
        self.reporter.report(
            Problem(source, slot.key(field_name), value, template, args, broken=True)
        )


def _parts(rejection: Rejection) -> tuple[str, tuple[object, ...]]:
    return rejection.template, rejection.args
