"""Putting the choices after the text of each article and page, in any theme.

Every theme prints ``article.content`` or ``page.content`` where the text
goes. Once Pelican has written an article's or a page's own file, the
partial is rendered for it and inserted right after that text, inside the
same column. The content itself is never changed, so summaries, feeds,
listings and the content cache never see the choices. A template that
prints the partial itself (through an include, at any depth) is left alone.
"""

from __future__ import annotations

import logging
from typing import Any

from jinja2 import Environment, TemplateNotFound, TemplateSyntaxError, meta
from pelican.contents import Content

from pelican_choices.settings import ChoicesSettings
from pelican_choices.site import SiteIndex
from pelican_choices.stylesheet import SAVE_AS as STYLESHEET_SAVE_AS
from pelican_choices.stylesheet import write_stylesheet

logger = logging.getLogger(__name__)

PARTIAL = "pelican_choices/choices.html"
PRINTED = 'class="choices"'  # the partial's nav: the theme printed it itself


class Placement:
    """Places the choices in the pages of one build, and writes the stylesheet they link."""

    def __init__(self, env: Environment, settings: ChoicesSettings, site: SiteIndex) -> None:
        self.env = env
        self.settings = settings
        self.site = site
        self.unplaced_templates: set[str] = set()
        self.templates_printing: dict[str, bool] = {}
        self.stylesheet_written = False

    def page_written(self, path: str, context: dict[str, Any]) -> None:
        """Handle one file Pelican wrote; only an article's or page's own file is changed."""
        entry = context.get("article") or context.get("page")
        if not isinstance(entry, Content) or not getattr(entry, "choices", None):
            return
        if context.get("output_file") != entry.save_as:
            return  # a listing or another page that happens to know an entry
        with open(path, encoding="utf-8") as file:
            page = file.read()
        if (
            self.settings.place_after_content
            and PRINTED not in page
            and not self._prints_partial(entry)
        ):
            placed = self._place(page, entry, context)
            if placed is not None:
                page = placed
                with open(path, "w", encoding="utf-8") as file:
                    file.write(page)
        if not self.stylesheet_written and STYLESHEET_SAVE_AS in page:
            write_stylesheet(context["OUTPUT_PATH"])
            self.stylesheet_written = True

    def _place(self, page: str, entry: Content, context: dict[str, Any]) -> str | None:
        """``page`` with the partial after the entry's text; None when that spot is not certain."""
        text = entry.content
        found = page.count(text) if text else 0
        if found != 1:
            self._warn_once(entry, found)
            return None
        nav = self.env.get_template(PARTIAL).render(context)
        end = page.index(text) + len(text)
        return page[:end] + nav + page[end:]

    def _prints_partial(self, entry: Content) -> bool:
        """Whether the entry's template includes the partial, itself or through others."""
        name = entry.template
        if name not in self.templates_printing:
            extensions = self.site.settings.get("TEMPLATE_EXTENSIONS", [".html"])
            self.templates_printing[name] = any(
                self._includes_partial(f"{name}{extension}", set()) for extension in extensions
            )
        return self.templates_printing[name]

    def _includes_partial(self, name: str, seen: set[str]) -> bool:
        """Whether template ``name``, or one it extends, includes or imports, is the partial."""
        if name == PARTIAL:
            return True
        seen.add(name)
        try:
            source, _, _ = self.env.loader.get_source(self.env, name)
            references = meta.find_referenced_templates(self.env.parse(source))
        except (TemplateNotFound, TemplateSyntaxError):
            return False  # never rendered in this build, or the build reports it itself
        return any(
            self._includes_partial(reference, seen)
            for reference in references
            if reference is not None and reference not in seen
        )

    def _warn_once(self, entry: Content, found: int) -> None:
        template = f"{entry.template}.html"
        if template in self.unplaced_templates:
            return
        self.unplaced_templates.add(template)
        if not entry.content:
            reason = "the text is empty"
        elif found == 0:
            reason = "the template does not print the text as it is"
        else:
            reason = f"the template prints the text {found} times"
        logger.warning(
            "%s: the choices are not placed in the pages of this template (first %s): %s; "
            "include pelican_choices/choices.html in the template, or set "
            "CHOICES_PLACE_AFTER_CONTENT = False",
            template,
            self.site.source(entry),
            reason,
        )
