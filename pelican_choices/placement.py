"""Putting the choices after the text of each article and page, in any theme.

Every theme prints an article's text with ``{{ article.content }}`` and a
page's with ``{{ page.content }}``, inside its text column. ``TextLoader``
serves the theme's templates with ``{{ choices_after_text(article) }}``
written right after that expression, wherever a template prints it once;
``Placement.after_text`` then gives the partial there, on the page written
for that article or page only. The content itself is never changed, so
summaries, feeds, listings and the content cache never see the choices.

A template that prints the choices itself (the partial, or
``article.choices``, at any depth of extends, includes and imports) is left
alone. So is one that reads the choice fields by hand, or reaches a
template whose name is computed: nothing is placed in its pages, and one
problem of the template, reported with the rest, says why (see
``template_use``).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from typing import Any

from jinja2 import BaseLoader, ChoiceLoader, Environment
from jinja2.runtime import Context
from markupsafe import Markup
from pelican.contents import Content

from pelican_choices.problems import TEMPLATE, Problem, Reporter
from pelican_choices.settings import ChoicesSettings
from pelican_choices.site import SiteIndex
from pelican_choices.stylesheet import write_stylesheet
from pelican_choices.template_use import NO_USE, PARTIAL, Place, TemplateUses, Use

# ``{{ article.content }}`` or ``{{ page.content }}``, as themes write it.
PRINTED_TEXT = re.compile(r"\{\{-?\s*(article|page)\.content\s*(?:\|\s*safe\s*)?-?\}\}")


class TextLoader(ChoiceLoader):
    """A theme's templates, each with the choices' place marked after the text it prints.

    It is Pelican's own choice of loaders, the same list (Pelican and other
    plugins add to it), each template marked on its way. A template that
    prints the same text twice is served as it is: the spot is not certain.
    """

    def __init__(self, loader: ChoiceLoader) -> None:
        super().__init__([])
        self.loaders = loader.loaders

    def get_source(
        self, environment: Environment, template: str
    ) -> tuple[str, str | None, Callable[[], bool] | None]:
        source, filename, uptodate = super().get_source(environment, template)
        if not template.startswith("pelican_choices/"):
            source = _mark_text(source)
        return source, filename, uptodate

    load = BaseLoader.load  # through get_source, not each loader's own load


def _mark_text(source: str) -> str:
    printed = [match.group(1) for match in PRINTED_TEXT.finditer(source)]
    once = {name for name in printed if printed.count(name) == 1}
    if not once:
        return source

    def marked(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in once:
            return match.group(0)
        return f"{match.group(0)}{{{{ choices_after_text({name}) }}}}"

    return PRINTED_TEXT.sub(marked, source)


# The ends of the warnings, after ``path:line:`` (the page template's file).
NOT_PRINTED_ONCE = (
    "the choices are not placed in the pages of this template (first %s): "
    "it does not print {{ article.content }} or {{ page.content }} once, as it is; "
    "include pelican_choices/choices.html in the template, or set "
    "CHOICES_PLACE_AFTER_CONTENT = False"
)
READS_FIELDS = (
    "the choices are not placed in the pages of this template (first %s): "
    "it reads the choice fields itself (%s), so the theme prints them as they are "
    "written: not escaped, links not checked, {filename} not expanded; the plugin still "
    "checks them and reports their problems. Replace what reads them with "
    '{%% include "pelican_choices/choices.html" %%}, or delete it and let the plugin '
    "place the choices; CHOICES_PLACE_AFTER_CONTENT = False silences this"
)
CANNOT_TELL = (
    "the choices are not placed in the pages of this template (first %s): "
    "%s names a template that is worked out as the page is written, so whether the "
    "theme prints the choice fields itself cannot be told; include "
    "pelican_choices/choices.html where the choices belong, or set "
    "CHOICES_PLACE_AFTER_CONTENT = False"
)


class Placement:
    """Places the choices in the pages of one build, and writes the stylesheet they link."""

    def __init__(
        self, env: Environment, settings: ChoicesSettings, site: SiteIndex, reporter: Reporter
    ) -> None:
        self.settings = settings
        self.site = site
        self.env = env
        self.reporter = reporter
        self.uses = TemplateUses(env)
        self.template_uses: dict[str, tuple[str, Use]] = {}
        self.placed: set[Content] = set()
        self.warned_templates: set[str] = set()
        self.stylesheet_written = False

    def after_text(self, context: Context, entry: Any) -> Markup:
        """The partial, where ``entry``'s text ends on the page written for it; else nothing."""
        if (
            not isinstance(entry, Content)
            or not getattr(entry, "choices", None)
            or not self.settings.place_after_content
            or context.get("output_file") != entry.save_as
            or self._use(entry)[1].kind != "none"
        ):
            return Markup("")
        self.placed.add(entry)
        return Markup(self.env.get_template(PARTIAL).render(context.get_all()))

    def file_written(self, path: str, context: dict[str, Any]) -> None:
        """After Pelican writes a file from a template: the stylesheet it links, or a problem."""
        address = context.get("choices_stylesheet_url")
        if address and not self.stylesheet_written and _links(path, address):
            write_stylesheet(context["OUTPUT_PATH"])
            self.stylesheet_written = True
        entry = context.get("article") or context.get("page")
        if (
            self.settings.place_after_content
            and isinstance(entry, Content)
            and getattr(entry, "choices", None)
            and context.get("output_file") == entry.save_as
            and entry not in self.placed
        ):
            self._warn_once(entry)

    def _use(self, entry: Content) -> tuple[str, Use]:
        """The name of the template of ``entry`` and what it does with the choices, once each."""
        name = entry.template
        if name not in self.template_uses:
            extensions = self.site.settings.get("TEMPLATE_EXTENSIONS", [".html"])
            uses = ((name + extension, self.uses.of(name + extension)) for extension in extensions)
            found = next((found for found in uses if found[1] is not None), None)
            self.template_uses[name] = found or (f"{name}{extensions[0]}", NO_USE)
        return self.template_uses[name]

    def _warn_once(self, entry: Content) -> None:
        template, use = self._use(entry)
        if use.kind == "prints" or template in self.warned_templates:
            return
        self.warned_templates.add(template)
        first = self.site.source(entry)
        if use.kind == "fields":
            message, args = READS_FIELDS, (first, "; ".join(map(_read_at, use.places)))
        elif use.kind == "unknown":
            message, args = CANNOT_TELL, (first, use.places[0].where)
        else:
            message, args = NOT_PRINTED_ONCE, (first,)
        self.reporter.report(
            Problem(
                TEMPLATE,
                template,
                "",
                "",
                message,
                args,
                line=_line_in(template, use.places),
                file=self._file(template),
                seen_on=first,
            )
        )

    def _file(self, template: str) -> str:
        """The file ``template`` is read from, as Jinja found it (in a theme or an override)."""
        return os.path.abspath(self.env.get_template(template).filename or template)


def _line_in(template: str, places: tuple[Place, ...]) -> int | None:
    """The first line of ``template`` itself that reads a field, or names the template that does.

    None when that is in a template it extends, or there is none.
    """
    for place in places:
        name, _, line = (place.via or place.where).rpartition(":")
        if name == template and line.isdigit():
            return int(line)
    return None


def _read_at(place: Place) -> str:
    """``choice4url at chapter-choices.html:1, included at page.html:12``."""
    included = f", included at {place.via}" if place.via else ""
    return f"{place.field} at {place.where}{included}"


def _links(path: str, address: str) -> bool:
    """Whether the file Pelican wrote at ``path`` links ``address``."""
    with open(path, "rb") as file:
        return address.encode("utf-8") in file.read()
