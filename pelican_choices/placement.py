"""Putting the choices after the text of each article and page, in any theme.

Every theme prints an article's text with ``{{ article.content }}`` and a
page's with ``{{ page.content }}``, inside its text column. ``TextLoader``
serves the theme's templates with ``{{ choices_after_text(article) }}``
written right after that expression, wherever a template prints it once;
``Placement.after_text`` then gives the partial there, on the page written
for that article or page only. The content itself is never changed, so
summaries, feeds, listings and the content cache never see the choices. A
template that prints the choices itself (the partial, at any depth of
includes, or ``article.choices``) is left alone.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from typing import Any

from jinja2 import (
    BaseLoader,
    ChoiceLoader,
    Environment,
    TemplateNotFound,
    TemplateSyntaxError,
    meta,
)
from jinja2.runtime import Context
from markupsafe import Markup
from pelican.contents import Content

from pelican_choices.settings import ChoicesSettings
from pelican_choices.site import SiteIndex
from pelican_choices.stylesheet import write_stylesheet

logger = logging.getLogger(__name__)

PARTIAL = "pelican_choices/choices.html"
# ``{{ article.content }}`` or ``{{ page.content }}``, as themes write it.
PRINTED_TEXT = re.compile(r"\{\{-?\s*(article|page)\.content\s*(?:\|\s*safe\s*)?-?\}\}")
PRINTED_CHOICES = re.compile(r"\b(?:article|page)\.choices\b")


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


class Placement:
    """Places the choices in the pages of one build, and writes the stylesheet they link."""

    def __init__(self, env: Environment, settings: ChoicesSettings, site: SiteIndex) -> None:
        self.env = env
        self.settings = settings
        self.site = site
        self.placed: set[Content] = set()
        self.unplaced_templates: set[str] = set()
        self.templates_printing: dict[str, bool] = {}
        self.stylesheet_written = False

    def after_text(self, context: Context, entry: Any) -> Markup:
        """The partial, where ``entry``'s text ends on the page written for it; else nothing."""
        if (
            not isinstance(entry, Content)
            or not getattr(entry, "choices", None)
            or not self.settings.place_after_content
            or context.get("output_file") != entry.save_as
            or self._prints_choices(entry)
        ):
            return Markup("")
        self.placed.add(entry)
        return Markup(self.env.get_template(PARTIAL).render(context.get_all()))

    def page_written(self, context: dict[str, Any]) -> None:
        """After an article's or page's own file is written: the stylesheet, or a warning.

        The stylesheet goes into the output folder of the site being built
        (a subsite of pelican-i18n-subsites has its own), once a page shows
        the choices.
        """
        entry = context.get("article") or context.get("page")
        if not isinstance(entry, Content) or not getattr(entry, "choices", None):
            return
        if context.get("output_file") != entry.save_as:
            return  # a listing or another page that happens to know an entry
        printed = entry in self.placed or self._prints_choices(entry)
        if printed and self.settings.stylesheet and not self.stylesheet_written:
            write_stylesheet(context["OUTPUT_PATH"])
            self.stylesheet_written = True
        if not printed and self.settings.place_after_content:
            self._warn_once(entry)

    def _prints_choices(self, entry: Content) -> bool:
        """Whether the entry's template prints the choices itself, or through others."""
        name = entry.template
        if name not in self.templates_printing:
            extensions = self.site.settings.get("TEMPLATE_EXTENSIONS", [".html"])
            self.templates_printing[name] = any(
                self._handles_choices(f"{name}{extension}", set()) for extension in extensions
            )
        return self.templates_printing[name]

    def _handles_choices(self, name: str, seen: set[str]) -> bool:
        """Whether template ``name``, or one it extends, includes or imports, prints the choices."""
        if name == PARTIAL:
            return True
        seen.add(name)
        try:
            source, _, _ = self.env.loader.get_source(self.env, name)
            references = meta.find_referenced_templates(self.env.parse(source))
        except (TemplateNotFound, TemplateSyntaxError):
            return False  # never rendered in this build, or the build reports it itself
        return PRINTED_CHOICES.search(source) is not None or any(
            self._handles_choices(reference, seen)
            for reference in references
            if reference is not None and reference not in seen
        )

    def _warn_once(self, entry: Content) -> None:
        template = f"{entry.template}.html"
        if template in self.unplaced_templates:
            return
        self.unplaced_templates.add(template)
        logger.warning(
            "%s: the choices are not placed in the pages of this template (first %s): "
            "it does not print {{ article.content }} or {{ page.content }} once, as it is; "
            "include pelican_choices/choices.html in the template, or set "
            "CHOICES_PLACE_AFTER_CONTENT = False",
            template,
            self.site.source(entry),
        )
