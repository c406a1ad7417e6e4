"""``Choice``, one "where next?" button, and turning the slots of a content into choices."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from pelican.contents import Content

from pelican_choices.addresses import parse_address, site_url
from pelican_choices.icons import Icon, IconLibrary
from pelican_choices.metadata import Slot, metadata_text, read_slots
from pelican_choices.problems import BROKEN_CHOICE, ICON, SAME_PLACE, Problem, Rejection, Reporter
from pelican_choices.settings import ChoicesSettings
from pelican_choices.site import OtherSite, SiteIndex, target_title
from pelican_choices.sources import SETTINGS_SOURCE

TO_ITSELF = "leads to its own page, a button to itself; a #fragment of the page is allowed"


@dataclass(frozen=True)
class Choice:
    """One "where next?" button of an article or page.

    ``target`` is the article, page, static file, category, tag, author or
    template page the choice leads to (None for an outside address or a page
    of another site of the build). ``address`` is the outside address, or
    the path of that other site's page below the site root, or for a target
    the ``?query`` and ``#fragment`` written after it. ``urls`` gives the
    target's URL when it is printed, and ``site`` is the build's context,
    which holds the SITEURL.
    """

    number: int
    text: str
    icon: Icon | None
    target: Any
    external: bool
    address: str
    site: Mapping[str, Any] = field(compare=False, repr=False)
    urls: SiteIndex | None = field(default=None, compare=False, repr=False)

    @property
    def to(self) -> str:
        """The target's URL relative to the site root, without query or fragment; or the address."""
        if self.target is None or self.urls is None:
            return self.address
        return self.urls.url(self.target)

    @property
    def link(self) -> str:
        """The target's address relative to the site root, or the outside address."""
        return self.address if self.target is None else self.to + self.address

    @property
    def mark(self) -> str:
        """What the partial marks after the text: ``mail`` for a ``mailto:`` address,
        ``outside`` for another outside address; ``""`` for this site, or when the
        icon already says it (an outside-link glyph, an envelope)."""
        if not self.external:
            return ""
        kind = "mail" if self.address[:7].lower() == "mailto:" else "outside"
        return "" if self.icon is not None and self.icon.says == kind else kind

    @property
    def url(self) -> str:
        """The href to print: ``link`` below the SITEURL of the page being written.

        It follows ``RELATIVE_URLS`` like Pelican's own links.
        """
        if self.external:
            return self.address
        siteurl = self.site.get("localsiteurl") or self.site.get("SITEURL") or ""
        return f"{siteurl.rstrip('/')}/{self.link}"


class Choices(tuple[Choice, ...]):
    """The choices of an article or page: a tuple of ``Choice`` in number order."""

    __slots__ = ()

    @property
    def icons(self) -> list[Icon]:
        """Their distinct glyphs, in order of first use: one ``<symbol>`` each."""
        return _distinct(choice.icon for choice in self if choice.icon)


def _distinct(icons: Iterable[Icon]) -> list[Icon]:
    found: dict[str, Icon] = {}
    for icon in icons:
        found.setdefault(icon.symbol_id, icon)
    return list(found.values())


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
        self.site_url = site_url(site.settings.get("SITEURL"))
        self.defaults = {content: self._target_defaults(content) for content in site.contents}
        self.default_icon = None
        if settings.default_icon:
            self.default_icon = self._icon(
                SETTINGS_SOURCE, "CHOICES_DEFAULT_ICON", settings.default_icon
            )

    def build(self, content: Content) -> Choices:
        """The valid choices of ``content``, in number order; problems are reported.

        A choice leading to ``content`` itself, not to a ``#fragment`` of it,
        is a button to the page the reader is on: it is dropped. A choice
        leading where an earlier one does (the same target, query and
        fragment) is kept, and reported.
        """
        source = self.site.source(content)
        choices = []
        first_to: dict[tuple[Any, str], Slot] = {}
        for slot in read_slots(content.metadata, source, self.reporter):
            choice = self._choice(content, source, slot)
            if choice is None:
                continue
            if choice.target is content and "#" not in choice.address:
                self._broken(source, slot, "url", Rejection(TO_ITSELF))
                continue
            first = first_to.setdefault((choice.target, choice.address), slot)
            if first is not slot:
                self._report_same_place(source, slot, first)
            choices.append(choice)
        return Choices(choices)

    def _choice(self, content: Content, source: str, slot: Slot) -> Choice | None:
        if not slot.url:
            field_name = "text" if slot.text else "icon"
            self._broken(source, slot, field_name, Rejection("has no %s", (slot.key("url"),)))
            return None
        # Read first, so that its problem is named in the same build as the URL's.
        icon = self._icon(source, slot.key("icon"), slot.icon) if slot.icon else None
        address = parse_address(slot.url, self.intrasite_link, self.site_url)
        if isinstance(address, Rejection):
            self._broken(source, slot, "url", address)
            return None
        if address.kind == "outside":
            target, written = None, address.link
        else:
            resolved = self.site.resolve(content, address)
            if isinstance(resolved, Rejection):
                self._broken(source, slot, "url", resolved)
                return None
            if isinstance(resolved, OtherSite):
                target, written = None, resolved.path + address.suffix
            else:
                target, written = resolved, address.suffix
        defaults = self.defaults.get(target, NO_DEFAULTS)
        text = slot.text or defaults.text or target_title(target)
        if not text:
            self._broken(source, slot, "url", Rejection("has no text: add %s", (slot.key("text"),)))
            return None
        icon = icon or defaults.icon or self.default_icon
        external = address.kind == "outside"
        return Choice(
            slot.number, text, icon, target, external, written, self.site.context, self.site
        )

    def _report_same_place(self, source: str, slot: Slot, first: Slot) -> None:
        """Report ``slot``, whose choice leads where the one of ``first`` does."""
        key = first.key("url")
        line = self.reporter.line(source, key)
        self.reporter.report(
            Problem(
                SAME_PLACE,
                source,
                slot.key("url"),
                slot.url,
                "leads where %s does%s: two buttons to one place",
                (key, "" if line is None else f" (line {line})"),
            )
        )

    def _icon(self, source: str, key: str, spec: str) -> Icon | None:
        """Resolve an icon string, reporting what is wrong with it."""
        result = self.icons.resolve(spec)
        if result.problem is not None:
            problem = result.problem
            self.reporter.report(Problem(ICON, source, key, spec, problem.template, problem.args))
        return result.icon

    def _target_defaults(self, content: Content) -> TargetDefaults:
        metadata = content.metadata
        if "choicetext" not in metadata and "choiceicon" not in metadata:
            return NO_DEFAULTS
        source = self.site.source(content)
        text = metadata_text(metadata.get("choicetext"), "choicetext", source, self.reporter)
        spec = metadata_text(metadata.get("choiceicon"), "choiceicon", source, self.reporter)
        icon = self._icon(source, "choiceicon", spec) if spec else None
        return TargetDefaults(text, icon)

    def _broken(self, source: str, slot: Slot, field_name: str, rejection: Rejection) -> None:
        """Report the choice of ``slot`` as dropped, for the reason ``rejection`` gives."""
        template, args, private = rejection
        value = getattr(slot, field_name)
        self.reporter.report(
            Problem(
                BROKEN_CHOICE, source, slot.key(field_name), value, template, args, private=private
            )
        )
