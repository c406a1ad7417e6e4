"""Everything a build writes that a choice can lead to, and finding it."""

from __future__ import annotations

import html
import os
import posixpath
from collections.abc import Iterator, Mapping
from itertools import chain
from typing import Any, NamedTuple
from urllib.parse import unquote

from pelican.contents import Article, Content, Page
from pelican.generators import ArticlesGenerator, Generator, PagesGenerator
from pelican.urlwrappers import Author, Category, Tag, URLWrapper

from pelican_choices.addresses import RAW_IN_URL, Address, site_url
from pelican_choices.metadata import visible_text
from pelican_choices.problems import Rejection, did_you_mean

ARTICLE_LISTS = (
    "articles",
    "translations",
    "hidden_articles",
    "hidden_translations",
    "drafts",
    "drafts_translations",
)
PAGE_LISTS = (
    "pages",
    "translations",
    "hidden_pages",
    "hidden_translations",
    "draft_pages",
    "draft_translations",
)
TAXONOMIES = {
    "category": (Category, "categories"),
    "tag": (Tag, "tags"),
    "author": (Author, "authors"),
}
FEEDS = ("FEED_ALL_ATOM", "FEED_ALL_RSS", "FEED_ATOM", "FEED_RSS")
DRAFT_TARGET = "leads to a draft; drafts are not published, nor are their addresses"
DIRECT_TEMPLATE_TITLES = {
    "archives": "Archives",
    "authors": "Authors",
    "categories": "Categories",
    "tags": "Tags",
}


class SitePage(NamedTuple):
    """A file the build writes from a template or a feed rather than from content."""

    url: str
    title: str


class OtherSite(NamedTuple):
    """A path of another site of the build (a subsite of pelican-i18n-subsites): ``fr/basics.html``.

    That site is not built yet when choices are, so the path is not checked.
    """

    path: str


Target = Content | URLWrapper | SitePage


class SiteIndex:
    """The targets of one build, found from its generators.

    It keeps the one memo of the plugin: each target's URL and each
    content's source path, asked of Pelican once per build. Drafts are kept
    apart: found only where nothing published or hidden is, a target only
    for another draft, and never suggested.
    """

    def __init__(self, generators: list[Generator]) -> None:
        self.settings: Mapping[str, Any] = generators[0].settings
        self.context: dict[str, Any] = generators[0].context
        self.contents: list[Content] = list(all_contents(generators))
        self._urls: dict[Any, str] = {}
        self._sources: dict[Content, str] = {}
        articles = next((g for g in generators if isinstance(g, ArticlesGenerator)), None)
        self._taxonomies: dict[str, dict[str, URLWrapper]] = {
            plural: {wrapper.slug: wrapper for wrapper in _wrappers(getattr(articles, plural, ()))}
            for _, plural in TAXONOMIES.values()
        }
        published = [content for content in self.contents if not _is_draft(content)]
        drafts = [content for content in self.contents if _is_draft(content)]
        self._by_url: dict[str, Target] = {}
        for target in chain(published, self._site_pages(articles)):
            self._by_url.setdefault(url_key(self.url(target)), target)
        for taxonomy in self._taxonomies.values():
            for wrapper in taxonomy.values():
                self._by_url.setdefault(url_key(self.url(wrapper)), wrapper)
        for static in self.context.get("staticfiles", ()):
            # Reading a static file's url would keep an {attach} from moving it.
            self._by_url.setdefault(url_key(static.get_url_setting("url")), static)
        self._slug_extensions = {"", *_extensions(self.settings)}
        self._by_slug = _slug_index(published)
        self._drafts_by_url: dict[str, Content] = {}
        for draft in drafts:
            for url in chain((self.url(draft),), _setting_urls(draft, self.settings)):
                self._drafts_by_url.setdefault(url_key(url), draft)
        self._drafts_by_slug: dict[str, Content] = {}
        for draft in sorted(drafts, key=lambda draft: not draft.in_default_lang):
            self._drafts_by_slug.setdefault(getattr(draft, "slug", ""), draft)
        self._other_sites = _subsite_roots(self.settings)

    def url(self, target: Any) -> str:
        """``target.url``, asked once per build, unless it is overridden later.

        Pelican and its plugins override a URL with ``override_url``:
        pelican-i18n-subsites does so for the translations of every subsite
        once all of them are read, when Pelican asks for the writer; a
        choice printed then reads the URL it set.
        """
        override = getattr(target, "override_url", None)
        if override is not None:
            return override
        url = self._urls.get(target)
        if url is None:
            url = self._urls[target] = target.url
        return url

    def source(self, content: Content) -> str:
        """``content.get_relative_source_path()``, asked once per build."""
        source = self._sources.get(content)
        if source is None:
            source = self._sources[content] = content.get_relative_source_path()
        return source

    def resolve(self, content: Content, address: Address) -> Target | OtherSite | Rejection:
        """Find what ``address``, written in ``content``, leads to.

        Only a draft may lead to a draft: from published content, an address
        of a draft is a private rejection, whatever names it. A path below
        another site of the build that this one does not write is that
        site's.
        """
        if address.kind == "site":
            if not address.path and address.suffix.startswith("#"):
                target = content
            else:
                target = self._site_target(address.path)
                if target is None:
                    key = url_key(address.path)
                    if any(key == root or key.startswith(f"{root}/") for root in self._other_sites):
                        return OtherSite(address.path.lstrip("/").translate(RAW_IN_URL))
                    suggestion = self._suggest_site_path(address)
                    return Rejection("leads to no page of this site%s", (suggestion,))
        elif address.what in ("filename", "static", "attach"):
            target = self._linked_file(content, address)
            if target is None:
                suggestion = self._suggest_file(content, address)
                return Rejection("names no source file of this site%s", (suggestion,))
        elif address.what == "index":
            target = self._by_url.get(url_key(self.settings.get("INDEX_SAVE_AS", "")))
            if target is None:
                return Rejection("leads to no index page: 'index' is not in DIRECT_TEMPLATES")
        else:
            target = self._taxonomy(address)
            if target is None:
                return Rejection("names no %s of this site", (address.what,))
        if _is_draft(target) and not _is_draft(content):
            return Rejection(DRAFT_TARGET, private=True)
        if address.what == "attach":
            target.attach_to(content)
        return translation_for(target, content)

    def _site_target(self, path: str) -> Target | None:
        """What a path below the site root leads to: its URL, else its slug; a draft last.

        A draft is found by its URL (its ``url:`` metadata, or the one the
        settings give it once published or as a draft) or by its slug, only
        where nothing published is.
        """
        key = url_key(path)
        slug = self._slug_of(key)
        if key in self._by_url:
            return self._by_url[key]
        if slug in self._by_slug:
            return self._by_slug[slug]
        return self._drafts_by_url.get(key) or self._drafts_by_slug.get(slug)

    def _slug_of(self, key: str) -> str | None:
        """The slug a one-part path names: ``/django.html`` is ``django``.

        Guides written for ``PAGE_URL = "{slug}.html"`` keep working under
        another URL scheme; the href is still the target's own URL. Only a
        name without extension, or with the one pages and articles are saved
        with, is a slug: ``/django.pdf`` is a missing file.
        """
        if "/" in key:
            return None
        name, extension = posixpath.splitext(key)
        return name if extension.lower() in self._slug_extensions else None

    def _suggest_site_path(self, address: Address) -> str:
        """`` (did you mean /flask.html?)``: the closest URLs of the site, in the form written.

        A path of one part (``/djngo.html``) is compared with the slug of each
        article and page and with the last part of each URL. Where the slug
        fallback would find a page from the path (its extension allows it),
        the page is offered by slug, with the path's extension; any other
        target by its URL. A full URL of the site gets full URLs.
        """
        key = url_key(address.path)
        root = address.root
        if "/" in key:
            urls = ((posixpath.splitext(url)[0], f"{root}/{url}") for url in self._by_url if url)
            return did_you_mean(posixpath.splitext(key)[0], urls)
        name, extension = posixpath.splitext(key)
        end = "/" if address.path.endswith("/") else ""
        by_slug = set()
        if extension.lower() in self._slug_extensions:
            by_slug = {
                slug
                for slug, found in self._by_slug.items()
                if found is not None
                and "/" not in slug
                and self._by_url.get(url_key(slug + extension), found) is found
            }
        candidates = chain(
            ((slug, f"{root}/{slug}{extension}{end}") for slug in by_slug),
            (
                (posixpath.splitext(posixpath.basename(url))[0], f"{root}/{url}")
                for url, target in self._by_url.items()
                if url and not (isinstance(target, Page | Article) and target.slug in by_slug)
            ),
        )
        return did_you_mean(name, candidates)

    def _suggest_file(self, content: Content, address: Address) -> str:
        """`` (did you mean {filename}flask.md?)``: the closest source files, written as links.

        File names are compared; a file is shown relative to the folder of
        ``content`` when it is in it or below, else from ``PATH``. A draft's
        file is never offered.
        """
        folder = posixpath.dirname(self.source(content))
        wanted = posixpath.splitext(posixpath.basename(unquote(address.path)))[0]
        generated = self.context.get("generated_content", {})
        candidates = []
        for path in chain(
            (path for path, found in generated.items() if not _is_draft(found)),
            self.context.get("static_content", {}),
        ):
            written = posixpath.relpath(path, folder) if folder else path
            if written.startswith("../"):
                written = f"/{path}"
            compared = posixpath.splitext(posixpath.basename(path))[0]
            candidates.append((compared, f"{{{address.what}}}{written}"))
        return did_you_mean(wanted, candidates)

    def _linked_file(self, content: Content, address: Address) -> Content | None:
        """Find a ``{filename}``, ``{static}`` or ``{attach}`` file with Pelican's own rules."""
        order = ("generated_content", "static_content")
        if address.what != "filename":
            order = order[::-1]
        for path in linked_source_paths(address.path, self.source(content)):
            for key in order:
                found = self.context.get(key, {}).get(path)
                if found is not None:
                    return found
        return None

    def _taxonomy(self, address: Address) -> URLWrapper | None:
        wrapper, plural = TAXONOMIES[address.what]
        wanted = wrapper(unquote(address.path), self.settings)
        return self._taxonomies[plural].get(wanted.slug)

    def _site_pages(self, articles: ArticlesGenerator | None) -> Iterator[SitePage]:
        settings = self.settings
        for name in settings.get("DIRECT_TEMPLATES", ()):
            save_as = settings.get(f"{name.upper()}_SAVE_AS", f"{name}.html")
            if save_as:
                title = settings.get("SITENAME", "") if name == "index" else None
                yield SitePage(
                    settings.get(f"{name.upper()}_URL", f"{name}.html"),
                    title or DIRECT_TEMPLATE_TITLES.get(name, name.replace("_", " ").title()),
                )
        for destination in (settings.get("TEMPLATE_PAGES") or {}).values():
            title = os.path.splitext(os.path.basename(destination))[0].replace("-", " ")
            yield SitePage(destination, title.capitalize())
        for archives in (getattr(articles, "period_archives", None) or {}).values():
            for archive in archives:
                period = " ".join(str(part) for part in reversed(archive["period"]))
                yield SitePage(archive["url"], period)
        for feed in FEEDS:
            if settings.get(feed):
                yield SitePage(settings[feed], f"{settings.get('SITENAME', '')} feed")


def _subsite_roots(settings: Mapping[str, Any]) -> tuple[str, ...]:
    """Where the other sites of pelican-i18n-subsites are, below this site's root: ``("fr",)``.

    Each subsite's address is the ``SITEURL`` of its entry in
    ``I18N_SUBSITES``, which that plugin fills in (with the main site's
    followed by the language code) before any content is read.
    """
    subsites = settings.get("I18N_SUBSITES")
    plugins = (str(name).rpartition(".")[2] for name in settings.get("PLUGINS") or ())
    if not isinstance(subsites, Mapping) or "i18n_subsites" not in plugins:
        return ()
    own = site_url(settings.get("SITEURL"))
    roots = (
        own.path_to(site_url(overrides.get("SITEURL")))
        for overrides in subsites.values()
        if isinstance(overrides, Mapping)
    )
    return tuple(url_key(root) for root in roots if root)


def _is_draft(target: Any) -> bool:
    """Whether ``target`` is a draft: Pelican writes it, but does not publish it."""
    return getattr(target, "status", None) == "draft"


def _setting_urls(draft: Content, settings: Mapping[str, Any]) -> Iterator[str]:
    """The URLs ``draft`` has by the settings of its kind, once published and as a draft.

    ``PAGE_URL`` and ``DRAFT_PAGE_URL``, or ``ARTICLE_URL`` and ``DRAFT_URL``
    (their ``LANG`` forms in another language), with its slug, whatever its
    ``url:`` metadata says. A setting that names a field the draft does not
    have yet gives none.
    """
    kinds = ("ARTICLE", "DRAFT") if isinstance(draft, Article) else ("PAGE", "DRAFT_PAGE")
    lang = "" if draft.in_default_lang else "LANG_"
    fields = draft.url_format
    for kind in kinds:
        try:
            yield str(settings[f"{kind}_{lang}URL"]).format(**fields)
        except KeyError:
            continue


def _slug_index(contents: list[Content]) -> dict[str, Content | None]:
    """Each slug's content, None when several of one language share it.

    A content of the site's language comes first, else the one of another
    language (an untranslated page that a subsite of pelican-i18n-subsites
    keeps).
    """
    found: dict[str, Content | None] = {}
    other_languages: dict[str, Content | None] = {}
    for content in contents:
        slug = getattr(content, "slug", "")
        into = found if content.in_default_lang else other_languages
        into[slug] = None if slug in into else content
    for slug, content in other_languages.items():
        found.setdefault(slug, content)
    return found


def _extensions(settings: Mapping[str, Any]) -> set[str]:
    """The extensions of the files pages and articles are saved as: ``{".html"}``."""
    return {
        posixpath.splitext(str(settings.get(name) or ""))[1].lower()
        for name in ("PAGE_SAVE_AS", "ARTICLE_SAVE_AS")
    }


def all_contents(generators: list[Generator]) -> Iterator[Content]:
    """Every article and page of the build, in every state and language."""
    for generator in generators:
        if isinstance(generator, ArticlesGenerator):
            names = ARTICLE_LISTS
        elif isinstance(generator, PagesGenerator):
            names = PAGE_LISTS
        else:
            continue
        for name in names:
            yield from getattr(generator, name, ())


def _wrappers(taxonomy: Any) -> list[URLWrapper]:
    """The categories, tags or authors of a generator, held as a dict or as pairs."""
    if hasattr(taxonomy, "keys"):
        return list(taxonomy.keys())
    return [wrapper for wrapper, _ in taxonomy]


def translation_for(target: Any, content: Content) -> Any:
    """The target's translation in the language of ``content``, if it has one."""
    lang = getattr(content, "lang", None)
    if lang is None or getattr(target, "lang", lang) == lang:
        return target
    for translation in getattr(target, "translations", ()):
        if translation.lang == lang:
            return translation
    return target


def linked_source_paths(path: str, source: str) -> Iterator[str]:
    """The source paths a ``{filename}``, ``{static}`` or ``{attach}`` link may mean, in order.

    ``source`` is the linking content's own source path. A path is read from
    PATH when it starts with ``/``, else from the content's folder, as
    written, percent-decoded and entity-decoded, as Pelican reads links in
    content.
    """
    folder = posixpath.dirname(source)
    for spelling in dict.fromkeys((path, unquote(path), html.unescape(path))):
        if spelling.startswith("/"):
            yield spelling[1:]
        else:
            yield posixpath.normpath(posixpath.join(folder, spelling))


def target_title(target: Any) -> str:
    """What a choice leading to ``target`` says when it says nothing itself."""
    if isinstance(target, URLWrapper):
        return visible_text(target.name)
    return visible_text(str(getattr(target, "title", "") or ""))


def url_key(url: str) -> str:
    """A site URL reduced so that ``/a/``, ``a/index.html`` and ``a`` are the same."""
    path = posixpath.normpath("/" + unquote(url).lstrip("/"))[1:]
    if path == "index.html" or path.endswith("/index.html"):
        path = path[: -len("index.html")].rstrip("/")
    return path
